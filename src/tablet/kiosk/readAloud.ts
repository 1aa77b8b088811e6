/**
 * Read-aloud on the client screens: what a screen says (its lines), what is being said now, and the read-everything
 * mode. The engine comes in through the context, so component tests give it injected deps instead of a device.
 */
import { createContext } from 'preact';
import type { SpokenPart, SpokenText } from '../speech/speaker.ts';

/** What the kiosk needs of the read-aloud engine (src/tablet/speech/index.ts on the tablet). */
export interface Speech {
  readonly speakParts: (
    parts: readonly SpokenPart[],
    onSentence?: (index: number) => void,
  ) => Promise<void>;
  readonly stop: () => void;
  readonly prepare: (lng: string, first?: SpokenText) => void;
  /** Loads the engine without preparing any sound, so a first tap does not wait for its code (after the first screen). */
  readonly warm?: () => void;
}

/**
 * One sentence a screen says: `id` names the element that shows it (for the highlight), `key` and `text` find its
 * audio (the key with namespace, the wording as shown), `lng` when it is said in another language than the screen's.
 */
export interface SpokenLine {
  readonly id: string;
  readonly key: string;
  readonly text: string;
  readonly lng?: string;
}

/** Who is reading (a screen's owner name) and which of its lines is being said. */
export interface Reading {
  readonly owner: string;
  readonly line: string | null;
}

/** The read-aloud state every screen shares, provided by `ReadAloudProvider`. */
export interface ReadAloud {
  readonly language: string;
  readonly readAll: boolean;
  readonly setReadAll: (on: boolean) => void;
  readonly reading: Reading | null;
  readonly read: (owner: string, lines: readonly SpokenLine[]) => void;
  /** Stops reading; with `owner`, only when that owner is the one reading. */
  readonly stop: (owner?: string) => void;
  readonly prepare: (lines: readonly SpokenLine[]) => void;
}

/** Context carrying the shared read-aloud state. */
export const ReadAloudContext = createContext<ReadAloud | null>(null);

/** The parts to say for `lines` in the screen's language `lng`. */
export const partsOf = (lng: string, lines: readonly SpokenLine[]): SpokenPart[] =>
  lines.map((l) => ({ lng: l.lng ?? lng, text: { key: l.key, text: l.text } }));

/** A line of the kiosk's own texts: `key` without namespace, `id` the element's mark (the key when not given). */
export const kioskLine = (key: string, text: string, id: string = key): SpokenLine => ({
  id,
  key: `kiosk:${key}`,
  text,
});

/** The title's line id: `Screen` marks its heading with it. */
export const TITLE_LINE = 'title';
