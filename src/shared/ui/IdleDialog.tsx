/**
 * The "are you still there?" dialog both apps show before an idle timeout: a modal alert dialog with a live countdown
 * and one button that keeps going, focused when it opens. The kiosk adds read-aloud through `extra` and `mark`.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/** Attributes that tie an element to its read-aloud line; none outside the kiosk. */
type Mark = (key: string) => Readonly<Record<string, string | undefined>>;

/** Props: the three texts, the action, and the app's own hooks (ids, test attribute, read-aloud). */
export interface IdleDialogProps {
  /** Unique prefix for the title and body ids. */
  readonly idPrefix: string;
  readonly title: string;
  readonly body: string;
  readonly continueLabel: string;
  readonly onContinue: () => void;
  /** Extra class on the button (the kiosk's big touch target). */
  readonly buttonClass?: string;
  /** Attributes on the dialog, e.g. the kiosk's `data-screen`. */
  readonly dataset?: Readonly<Record<string, string>>;
  /** Shown first inside the dialog (the kiosk's speaker button). */
  readonly extra?: ComponentChildren;
  /** Read-aloud marks for title, body and button, keyed `title`, `body`, `continue`. */
  readonly mark?: Mark;
}

const noMark: Mark = () => ({});

/** The dialog. */
export function IdleDialog(p: IdleDialogProps) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  const mark = p.mark ?? noMark;
  return (
    <div class="overlay">
      <div
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${p.idPrefix}-title`}
        aria-describedby={`${p.idPrefix}-body`}
        {...p.dataset}
      >
        {p.extra}
        <h2 id={`${p.idPrefix}-title`} {...mark('title')}>
          {p.title}
        </h2>
        <p id={`${p.idPrefix}-body`} aria-live="polite" {...mark('body')}>
          {p.body}
        </p>
        <button
          ref={button}
          type="button"
          class={p.buttonClass ? `primary ${p.buttonClass}` : 'primary'}
          onClick={p.onContinue}
          {...mark('continue')}
        >
          {p.continueLabel}
        </button>
      </div>
    </div>
  );
}
