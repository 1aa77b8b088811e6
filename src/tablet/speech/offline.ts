/**
 * Keeps read-aloud working offline: the audio packs of the languages enabled on this tablet (with the agency name
 * spoken by the server) stay in Cache Storage, refreshed at start and whenever staff change the languages or the
 * name. Runs in the background, one run at a time; staff mode and the status report read how each language stands.
 */
import type { AgencySettings } from '../../shared/core/settings.ts';
import { onceOnline } from '../platform/network.ts';
import { voiceFor } from '../platform/speech.ts';
import { cachePacks, packIo, packState, type CacheProblem, type PackState } from './packCache.ts';

/** What the tablet wants offline: the enabled languages and the agency name said in them. */
export type PackWish = Pick<AgencySettings, 'languages' | 'agencyName'>;

/** Where keeping the packs stands: a run in progress (files done of total), the last problem, each pack's state. */
export interface PackStatus {
  readonly running: boolean;
  readonly done: number;
  readonly total: number;
  readonly problem: CacheProblem | null;
  readonly states: Readonly<Record<string, PackState>>;
}

let status: PackStatus = { running: false, done: 0, total: 0, problem: null, states: {} };
const listeners = new Set<(s: PackStatus) => void>();
let wish: PackWish | null = null;
let again = false;
let run: Promise<void> | null = null;
let cancelRetry: () => void = () => undefined;

const publish = (next: Partial<PackStatus>) => {
  status = { ...status, ...next };
  for (const l of listeners) l(status);
};

async function runOnce(w: PackWish): Promise<void> {
  cancelRetry();
  publish({ running: true, done: 0, total: 0 });
  const result = await cachePacks(
    await packIo(),
    w.languages,
    [w.agencyName],
    (done, total) => publish({ done, total }),
    (lng) => publish({ states: { ...status.states, [lng]: 'cached' } }),
  );
  publish({ running: false, problem: result.problem, states: result.states });
  // Offline now: try again the moment the network is back, without anyone having to ask.
  if (result.problem === 'offline') cancelRetry = onceOnline(() => void keepPacks(wish ?? w));
}

/**
 * Brings the cache in line with `w` (fetching what is missing, dropping what is no longer enabled); resolves with the
 * status once done. A call during a run makes one more run with the newest wish; never rejects.
 */
export function keepPacks(w: PackWish): Promise<PackStatus> {
  wish = { languages: [...w.languages], agencyName: w.agencyName };
  if (run) {
    again = true;
    return run.then(() => status);
  }
  run = (async () => {
    do {
      again = false;
      if (wish) await runOnce(wish).catch(() => publish({ running: false, problem: 'failed' }));
    } while (again);
  })().finally(() => (run = null));
  return run.then(() => status);
}

/** The latest status, for a screen that opens mid-run. */
export const packStatus = (): PackStatus => status;

/** Calls `fn` with each new status; returns the unsubscribe. */
export function onPackStatus(fn: (s: PackStatus) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** How one language is read aloud on this tablet now: a device voice, a cached pack, or nothing offline. */
export type ReadAloudPath =
  | { readonly kind: 'voice'; readonly voiceName: string }
  | { readonly kind: 'audio' }
  | { readonly kind: 'none' };

/** Each enabled language's path: the device voice when it has one, else whether the pack is cached. */
export async function readAloudPaths(w: PackWish): Promise<Record<string, ReadAloudPath>> {
  const out: Record<string, ReadAloudPath> = {};
  for (const lng of w.languages) {
    const voice = voiceFor(lng);
    out[lng] = voice
      ? { kind: 'voice', voiceName: voice.name }
      : (await packState(lng, [w.agencyName])) === 'cached'
        ? { kind: 'audio' }
        : { kind: 'none' };
  }
  return out;
}

/** The same as one word per language, as the status report sends it to the coordinator. */
export async function readAloudModes(w: PackWish): Promise<Record<string, ReadAloudPath['kind']>> {
  const paths = await readAloudPaths(w);
  return Object.fromEntries(Object.entries(paths).map(([l, p]) => [l, p.kind]));
}
