/** An anchor that navigates inside the workspace without a reload, and still works with a middle click. */
import type { ComponentChildren } from 'preact';
import { navigate } from './router.ts';

/** Props: the target URL, the content and an optional class. */
export interface LinkProps {
  readonly to: string;
  readonly children: ComponentChildren;
  readonly class?: string;
  /** This link is the page being shown (aria-current="page" and the `current` class). */
  readonly current?: boolean;
}

/** The link. */
export function Link({ to, children, class: cls, current = false }: LinkProps) {
  const classes = [cls, current ? 'current' : ''].filter(Boolean).join(' ');
  return (
    <a
      href={to}
      class={classes || undefined}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
