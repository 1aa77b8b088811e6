/**
 * Loads the session's screens on demand: the welcome screen shows without them, and they are fetched right after it
 * (or at once when a reload resumes a session), so a tap on "Beginnen" finds them loaded.
 */
import type { LazyChunk } from './services.ts';

/** The session chunk's exports. */
export type SessionScreens = typeof import('./sessionChunk.ts');

let screens: SessionScreens | null = null;
let loading: Promise<SessionScreens> | null = null;

/** The session screens as a lazy chunk (one load, shared by every caller). */
export const SESSION_SCREENS: LazyChunk<SessionScreens> = {
  load: () =>
    (loading ??= import('./sessionChunk.ts').then(
      (m) => (screens = m),
      (e: unknown) => {
        loading = null; // offline before it was cached: try again next time
        throw e;
      },
    )),
  loaded: () => screens,
};
