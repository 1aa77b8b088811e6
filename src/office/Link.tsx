/** An anchor that navigates inside the workspace without a reload, and still works with a middle click. */
import type { ComponentChildren } from 'preact';
import { navigate } from './router.ts';

/** Props: the target URL, the content and an optional class. */
export interface LinkProps {
  readonly to: string;
  readonly children: ComponentChildren;
  readonly class?: string;
}

/** The link. */
export function Link({ to, children, class: cls }: LinkProps) {
  return (
    <a
      href={to}
      class={cls}
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
