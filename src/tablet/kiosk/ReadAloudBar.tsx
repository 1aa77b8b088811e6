/** The read-aloud controls at the top of a client screen: the speaker for this screen and the read-everything switch. */
import { ReadAllToggle } from './ReadAllToggle.tsx';
import { SpeakerButton } from './SpeakerButton.tsx';
import type { ScreenReading } from './useReadAloud.ts';

/** Props: the screen's reading. */
export interface ReadAloudBarProps {
  readonly reading: ScreenReading;
}

/** The bar. */
export function ReadAloudBar({ reading }: ReadAloudBarProps) {
  return (
    <div class="read-aloud-bar">
      <SpeakerButton reading={reading} />
      <ReadAllToggle />
    </div>
  );
}
