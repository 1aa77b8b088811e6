/** The idle warning: a modal dialog with a countdown and one big "continue" button. */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { kioskLine } from './readAloud.ts';
import { SpeakerButton } from './SpeakerButton.tsx';
import { useReadAloud } from './useReadAloud.ts';

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
  const body = t('idle.body', { count: remaining });
  // One owner for the whole countdown: the changing number does not restart the reading.
  const reading = useReadAloud('idle', [
    kioskLine('idle.title', t('idle.title')),
    kioskLine('idle.body', body),
    kioskLine('idle.continue_button', t('idle.continue_button')),
  ]);
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
        <SpeakerButton reading={reading} />
        <h2 id="idle-title" {...reading.mark('idle.title')}>
          {t('idle.title')}
        </h2>
        <p id="idle-body" aria-live="polite" {...reading.mark('idle.body')}>
          {body}
        </p>
        <button
          ref={button}
          type="button"
          class="primary big"
          onClick={onContinue}
          {...reading.mark('idle.continue_button')}
        >
          {t('idle.continue_button')}
        </button>
      </div>
    </div>
  );
}
