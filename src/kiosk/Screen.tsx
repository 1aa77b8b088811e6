/** The frame of every kiosk screen: a heading that takes focus (so screen readers announce the new screen) and content. */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** Props of a screen: its heading, an optional line above it, the content and the bottom buttons. */
export interface ScreenProps {
  readonly title: string;
  readonly name: string;
  readonly above?: ComponentChildren;
  readonly children?: ComponentChildren;
  readonly actions?: ComponentChildren;
}

/** Renders one screen; `name` becomes `data-screen` so tests and the bench can tell screens apart. */
export function Screen({ title, name, above, children, actions }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [name, title]);
  return (
    <main class="screen" data-screen={name}>
      {above}
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <div class="screen-body">{children}</div>
      {actions && <div class="screen-actions">{actions}</div>}
    </main>
  );
}
