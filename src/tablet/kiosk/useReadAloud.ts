/** A screen's side of read-aloud: say its lines on a tap or by itself in read-everything mode, and mark the line said. */
import { useContext, useLayoutEffect, useRef } from 'preact/hooks';
import { ReadAloudContext, type SpokenLine } from './readAloud.ts';

/** What a screen gets: whether it is being read, the speaker's tap action, and the marks for its elements. */
export interface ScreenReading {
  readonly playing: boolean;
  readonly toggle: () => void;
  /** Attributes for the element that shows line `id`: `aria-current` while that line is being said. */
  readonly mark: (id: string) => { 'data-say': string; 'aria-current'?: 'true' };
}

/**
 * Connects a screen to read-aloud. `owner` names the screen as the client sees it (e.g. "item:A3"): when it changes,
 * or the language does, what was being said stops, and in read-everything mode the new screen is read by itself.
 * Unmounting stops this screen's reading, so nothing keeps talking about a screen that has gone.
 */
export function useReadAloud(owner: string, lines: readonly SpokenLine[]): ScreenReading {
  const ctx = useContext(ReadAloudContext);
  if (!ctx) throw new Error('useReadAloud outside ReadAloudProvider');
  const latest = useRef(lines);
  latest.current = lines;
  const { language, readAll, read, stop, prepare } = ctx;
  // A layout effect: the old screen's reading stops in the same commit that takes it off the screen, not a frame later.
  useLayoutEffect(() => {
    if (readAll) read(owner, latest.current);
    else prepare(latest.current);
    return () => stop(owner);
  }, [owner, language, readAll, read, stop, prepare]);
  const playing = ctx.reading?.owner === owner;
  const line = playing ? ctx.reading?.line : null;
  return {
    playing,
    toggle: () => {
      if (!playing) return read(owner, latest.current);
      stop(owner);
      prepare(latest.current); // ready again for the next tap
    },
    mark: (id) => (line === id ? { 'data-say': id, 'aria-current': 'true' } : { 'data-say': id }),
  };
}
