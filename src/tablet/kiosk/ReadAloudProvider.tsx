/** Holds what is being read aloud on the client screens, so one speaker button and one highlight are active at a time. */
import type { ComponentChildren } from 'preact';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import {
  partsOf,
  ReadAloudContext,
  type Reading,
  type Speech,
  type SpokenLine,
} from './readAloud.ts';

/** Props: the engine, the screen language, and the read-everything mode (kept by the app with the session). */
export interface ReadAloudProviderProps {
  readonly speech: Speech;
  readonly language: string;
  readonly readAll: boolean;
  readonly onReadAll: (on: boolean) => void;
  /**
   * Who read-aloud is prepared for (the kiosk passes its client count): screens fetch their first sound ahead of a tap
   * only once read-aloud is in use in this scope (a speaker tap or read-everything), and a new scope starts over.
   */
  readonly scope?: unknown;
  readonly children?: ComponentChildren;
}

/** The provider. A newer reading replaces an older one; callbacks of a replaced reading are ignored. */
export function ReadAloudProvider({
  speech,
  language,
  readAll,
  onReadAll,
  scope,
  children,
}: ReadAloudProviderProps) {
  const [reading, setReading] = useState<Reading | null>(null);
  const run = useRef(0);
  const owner = useRef<string | null>(null);
  // Reset during render, before the new screen's layout effect asks to prepare: a new client has not used it yet.
  const inUse = useRef({ scope, used: false });
  if (inUse.current.scope !== scope) inUse.current = { scope, used: false };
  if (readAll) inUse.current.used = true;

  const read = useCallback(
    (who: string, lines: readonly SpokenLine[]) => {
      const mine = ++run.current;
      owner.current = who;
      inUse.current.used = true;
      setReading({ owner: who, line: lines[0]?.id ?? null });
      void speech
        .speakParts(partsOf(language, lines), (i) => {
          if (run.current === mine) setReading({ owner: who, line: lines[i]?.id ?? null });
        })
        .finally(() => {
          if (run.current !== mine) return;
          owner.current = null;
          setReading(null);
        });
    },
    [speech, language],
  );

  const stop = useCallback(
    (who?: string) => {
      if (who !== undefined && owner.current !== who) return;
      run.current++;
      owner.current = null;
      speech.stop();
      setReading(null);
    },
    [speech],
  );

  const prepare = useCallback(
    (lines: readonly SpokenLine[]) => {
      if (!inUse.current.used) return; // a client who never touches the speaker costs nothing
      const first = lines[0];
      speech.prepare(first?.lng ?? language, first && { key: first.key, text: first.text });
    },
    [speech, language],
  );

  const value = useMemo(
    () => ({ language, readAll, setReadAll: onReadAll, reading, read, stop, prepare }),
    [language, readAll, onReadAll, reading, read, stop, prepare],
  );
  return <ReadAloudContext.Provider value={value}>{children}</ReadAloudContext.Provider>;
}
