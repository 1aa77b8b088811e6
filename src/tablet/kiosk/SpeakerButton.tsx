/** The speaker button on every client screen: a tap reads the screen aloud, a second tap stops it. */
import { useT } from '../../shared/i18n/useT.ts';
import { SpeakerIcon } from './SpeakerIcon.tsx';
import type { ScreenReading } from './useReadAloud.ts';

/** Props: the screen's reading (from `useReadAloud`). */
export interface SpeakerButtonProps {
  readonly reading: ScreenReading;
}

/** A toggle button (aria-pressed while reading) of at least 48 × 48 CSS px with a translated name. */
export function SpeakerButton({ reading }: SpeakerButtonProps) {
  const t = useT();
  return (
    <button
      type="button"
      class="secondary speaker-button"
      aria-pressed={reading.playing}
      data-playing={reading.playing ? 'true' : undefined}
      onClick={reading.toggle}
    >
      <SpeakerIcon playing={reading.playing} />
      <span>{t('speech.read_button')}</span>
    </button>
  );
}
