/** On the welcome screen: the client turns on answering with pictures; a picture on the button, so no reading is needed. */
import { useT } from '../../shared/i18n/useT.ts';
import { Pictogram } from './Pictogram.tsx';

/** Props: whether pictures are on, and the switch. */
export interface PictogramToggleProps {
  readonly on: boolean;
  readonly onChange: (on: boolean) => void;
}

/** A toggle button (aria-pressed) with the scale's two ends and the text. */
export function PictogramToggle({ on, onChange }: PictogramToggleProps) {
  const t = useT();
  return (
    <button
      type="button"
      class="secondary pictogram-toggle"
      aria-pressed={on}
      data-pictograms={on ? 'on' : 'off'}
      onClick={() => onChange(!on)}
    >
      <span class="pictogram-toggle-pictures" aria-hidden="true">
        <Pictogram value={1} />
        <Pictogram value={5} />
      </span>
      {t('pictograms.toggle')}
    </button>
  );
}
