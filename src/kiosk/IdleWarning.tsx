/** The idle warning: a modal dialog with a countdown and one big "continue" button. */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/useT.ts';

/** Props: seconds left and the continue action. */
export interface IdleWarningProps {
  readonly remaining: number;
  readonly onContinue: () => void;
}

/** The warning. */
export function IdleWarning({ remaining, onContinue }: IdleWarningProps) {
  const t = useT();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <div class="overlay">
      <div
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="idle-title"
        aria-describedby="idle-body"
        data-screen="idle"
      >
        <h2 id="idle-title">{t('idle.title')}</h2>
        <p id="idle-body" aria-live="polite">
          {t('idle.body', { count: remaining })}
        </p>
        <button ref={button} type="button" class="primary big" onClick={onContinue}>
          {t('idle.continue_button')}
        </button>
      </div>
    </div>
  );
}
