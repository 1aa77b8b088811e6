/** The read-everything switch: when on, each new screen is read aloud by itself. Kept with the session, not longer. */
import { useContext } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { ReadAloudContext } from './readAloud.ts';

/** A toggle button (aria-pressed) beside the speaker on every client screen. */
export function ReadAllToggle() {
  const t = useT();
  const ctx = useContext(ReadAloudContext);
  if (!ctx) return null;
  const on = ctx.readAll;
  return (
    <button
      type="button"
      class="secondary read-all-toggle"
      aria-pressed={on}
      data-read-all={on ? 'on' : 'off'}
      onClick={() => ctx.setReadAll(!on)}
    >
      <span class="read-all-check" aria-hidden="true" />
      {t('speech.read_all')}
    </button>
  );
}
