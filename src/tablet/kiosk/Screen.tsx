/** The frame of every kiosk screen: a heading that takes focus (so screen readers announce the new screen) and content. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { TITLE_LINE } from './readAloud.ts';
import { ReadAloudBar } from './ReadAloudBar.tsx';
import type { ScreenReading } from './useReadAloud.ts';

/** Props of a screen: its heading, an optional line above it, the content, the bottom buttons and its read-aloud. */
export interface ScreenProps {
  readonly title: string;
  readonly name: string;
  readonly above?: ComponentChildren;
  readonly children?: ComponentChildren;
  readonly actions?: ComponentChildren;
  /** The screen's read-aloud (its lines start with the title, id `TITLE_LINE`); shows the speaker bar on top. */
  readonly reading?: ScreenReading;
}

/** Renders one screen; `name` becomes `data-screen` so tests and the bench can tell screens apart. */
export function Screen({ title, name, above, children, actions, reading }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [name, title]);
  return (
    <main class="screen" data-screen={name}>
      {reading && <ReadAloudBar reading={reading} />}
      {above}
      <h1 ref={heading} tabIndex={-1} {...reading?.mark(TITLE_LINE)}>
        {title}
      </h1>
      <div class="screen-body">{children}</div>
      {actions && <div class="screen-actions">{actions}</div>}
    </main>
  );
}
