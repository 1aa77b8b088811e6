/**
 * Keeping audio packs in Cache Storage: fetching what the enabled languages need, dropping the rest, and telling
 * whether a pack is complete. Loaded after the kiosk's first screen (src/tablet/speech/offline.ts imports it on demand).
 */
import { allEntries, type AudioManifest } from '../../shared/core/audioManifest.ts';
import { openCache } from '../platform/audio.ts';
import { API } from '../../shared/contract/protocol.ts';
import { AUDIO_CACHE, forgetManifest, packBase, packFiles, serverAudioUrl } from './packs.ts';

/** True when some text of the pack says the agency's name, so the server's rendering of it belongs to the pack. */
export const needsAgency = (m: AudioManifest): boolean =>
  allEntries(m).some(([, e]) => e.segments.some((s) => 'kind' in s && s.kind === 'agency'));

/** Every URL a language needs offline: its files, and the server's rendering of each extra text (the agency name). */
export function packUrls(m: AudioManifest, extraTexts: readonly string[]): string[] {
  const extra = needsAgency(m) ? extraTexts.map((t) => serverAudioUrl(m.lng, t)) : [];
  return [...packFiles(m), ...extra];
}

/** How a language's pack stands on this tablet. */
export type PackState = 'cached' | 'missing';

/** Why caching stopped short: storage full, no network, the server refused, or no Cache Storage at all. */
export type CacheProblem = 'quota' | 'offline' | 'failed' | 'unsupported';

/** What a caching run found: each language's state, the first problem, and what it downloaded. */
export interface CacheResult {
  readonly states: Readonly<Record<string, PackState>>;
  readonly problem: CacheProblem | null;
  readonly files: number;
  readonly bytes: number;
}

/** The network and the cache a caching run uses (the app passes the real ones, tests their own). */
export interface PackIo {
  readonly fetch: (url: string, init?: RequestInit) => Promise<Response>;
  readonly cache: Cache | null;
}

/** The real network and the packs' Cache Storage cache. */
export async function packIo(): Promise<PackIo> {
  return { fetch: (u, init) => fetch(u, init), cache: await openCache(AUDIO_CACHE) };
}

/** A cache key as the app asks for it: path and query, without the origin. */
const local = (url: string): string => {
  const u = new URL(url, 'http://x');
  return u.pathname + u.search;
};

const isQuota = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'QuotaExceededError';

class QuotaFull extends Error {}

/**
 * Caches the packs of `languages` (and the server's rendering of `extraTexts`, the agency name, where a pack says it)
 * and drops whatever is no longer wanted: packs of languages not enabled, renderings of an old agency name, files an
 * older manifest named. A pack's manifest is cached only once all its files are, so a cached manifest never points at
 * a missing file. Safe to repeat: cached files are not fetched again. Never throws.
 */
export async function cachePacks(
  io: PackIo,
  languages: readonly string[],
  extraTexts: readonly string[] = [],
  onProgress?: (done: number, total: number) => void,
  onReady?: (lng: string) => void,
): Promise<CacheResult> {
  const { cache } = io;
  const missingAll = Object.fromEntries(languages.map((l) => [l, 'missing' as const]));
  if (!cache) return { states: missingAll, problem: 'unsupported', files: 0, bytes: 0 };
  let problem: CacheProblem | null = null;
  const note = (p: CacheProblem) => (problem ??= p);
  let files = 0;
  let bytes = 0;
  try {
    const wantedSpeech = new Set(
      languages.flatMap((l) => extraTexts.map((t) => serverAudioUrl(l, t))),
    );
    for (const key of await cache.keys()) {
      const url = local(key.url);
      const lng = /^\/audio\/([^/]+)\//.exec(url)?.[1];
      const stale = lng
        ? !languages.includes(lng)
        : url.startsWith(`${API.speech}?`) && !wantedSpeech.has(url);
      if (stale) await cache.delete(key);
    }
    const have = new Set((await cache.keys()).map((k) => local(k.url)));
    const fresh = await Promise.all(
      languages.map(async (lng) => {
        try {
          const res = await io.fetch(`${packBase(lng)}manifest.json`, { cache: 'no-cache' });
          if (!res.ok) {
            note('failed');
            return null;
          }
          const manifest = (await res.clone().json()) as AudioManifest;
          return { lng, res, manifest, urls: packUrls(manifest, extraTexts) };
        } catch {
          note('offline');
          return null;
        }
      }),
    );
    const todo = fresh.flatMap((f) => (f ? f.urls.filter((u) => !have.has(u)) : []));
    let done = 0;
    onProgress?.(0, todo.length);
    const failed = new Set<string>();
    const get = async (url: string) => {
      let res: Response;
      try {
        res = await io.fetch(url);
      } catch {
        failed.add(url);
        return note('offline');
      }
      if (!res.ok) {
        failed.add(url);
        return note('failed');
      }
      bytes += Number(res.headers.get('content-length') ?? 0);
      try {
        await cache.put(url, res);
      } catch (e) {
        if (isQuota(e)) throw new QuotaFull();
        failed.add(url);
        return note('failed');
      }
      files++;
      onProgress?.(++done, todo.length);
    };
    // One language after another (the first enabled, Dutch, is ready soonest), four files at a time: a browser
    // opens six connections per server, so the kiosk's own requests still get through.
    for (const f of fresh) {
      if (!f) continue;
      const mine = f.urls.filter((u) => !have.has(u));
      let next = 0;
      let full = false;
      const lane = async () => {
        while (!full && next < mine.length)
          await get(mine[next++]!).catch((e: unknown) => {
            full = true;
            throw e;
          });
      };
      await Promise.all([lane(), lane(), lane(), lane()]);
      // The pack's own files decide whether its manifest is kept: without the agency name's rendering the pack
      // still works offline (the stand-in "the organisation" is said), it is only not complete.
      if (packFiles(f.manifest).some((u) => failed.has(u))) continue;
      await cache.put(`${packBase(f.lng)}manifest.json`, f.res);
      forgetManifest(f.lng);
      const keep = new Set([...f.urls, `${packBase(f.lng)}manifest.json`]);
      for (const key of await cache.keys()) {
        const url = local(key.url);
        if (url.startsWith(packBase(f.lng)) && !keep.has(url)) await cache.delete(key);
      }
      if (!f.urls.some((u) => failed.has(u))) onReady?.(f.lng);
    }
  } catch (e) {
    note(e instanceof QuotaFull || isQuota(e) ? 'quota' : 'failed');
  }
  const states: Record<string, PackState> = {};
  for (const lng of languages) states[lng] = await packState(lng, extraTexts, cache);
  return { states, problem, files, bytes };
}

/** Whether a language's pack (manifest, every file, the agency name where needed) is cached, for staff and status. */
export async function packState(
  lng: string,
  extraTexts: readonly string[] = [],
  cache: Cache | null = null,
): Promise<PackState> {
  const c = cache ?? (await openCache(AUDIO_CACHE));
  const res = await c?.match(`${packBase(lng)}manifest.json`).catch(() => undefined);
  if (!c || !res) return 'missing';
  try {
    const m = (await res.json()) as AudioManifest;
    const have = new Set((await c.keys()).map((k) => local(k.url)));
    return packUrls(m, extraTexts).every((u) => have.has(u)) ? 'cached' : 'missing';
  } catch {
    return 'missing';
  }
}
