/**
 * The frame of every kiosk screen: a heading that takes focus (so screen readers announce the new screen), content, and
 * one footer whose primary button (Beginnen, Ik doe mee, Verder, Klaar…) always sits in the same place: at the end of
 * the line (right, or left in right-to-left languages) at the bottom of the display. Screens hand the button in; they
 * never place it themselves, so it cannot drift from screen to screen.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { TITLE_LINE } from './readAloud.ts';
import { ReadAloudBar } from './ReadAloudBar.tsx';
import type { ScreenReading } from './useReadAloud.ts';

/** Props of a screen: its heading, an optional line above it, the content, the footer's buttons and its read-aloud. */
export interface ScreenProps {
  readonly title: string;
  readonly name: string;
  readonly above?: ComponentChildren;
  readonly children?: ComponentChildren;
  /** The footer's other buttons (Terug, Overslaan, Medewerker): at the start of the line. */
  readonly actions?: ComponentChildren;
  /** The one button that moves the client on: at the end of the line, the same place on every screen. */
  readonly primary?: ComponentChildren;
  /** The screen's read-aloud (its lines start with the title, id `TITLE_LINE`); shows the speaker bar on top. */
  readonly reading?: ScreenReading;
  /** The questionnaire version a new client would start on (`id@version`), for staff tools and tests. */
  readonly instrument?: string | undefined;
}

/** Renders one screen; `name` becomes `data-screen` so tests and the bench can tell screens apart. */
export function Screen(p: ScreenProps) {
  const { title, name, above, children, actions, primary, reading, instrument } = p;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [name, title]);
  return (
    <main class="screen" data-screen={name} data-instrument={instrument}>
      {reading && <ReadAloudBar reading={reading} />}
      {above}
      <h1 ref={heading} tabIndex={-1} {...reading?.mark(TITLE_LINE)}>
        {title}
      </h1>
      <div class="screen-body">{children}</div>
      {(actions || primary) && (
        <div class="screen-actions screen-footer">
          <div class="actions-other">{actions}</div>
          {primary && <div class="action-primary">{primary}</div>}
        </div>
      )}
    </main>
  );
}
