/**
 * Audio packs on the tablet: manifests and sound files of a language, read from Cache Storage first (so read-aloud
 * works offline) and from the network otherwise. Only the languages enabled on the tablet are cached.
 */
import type { AudioManifest } from '../core/audioManifest.ts';
import { openCache } from '../platform/audio.ts';

/** The Cache Storage cache that holds the packs of the enabled languages. */
export const AUDIO_CACHE = 'audio-packs-v1';

/** Where a language's pack lives. */
export const packBase = (lng: string): string => `/audio/${lng}/`;

/** The server route that renders a text the build cannot know (the agency's name, an own consent text). */
export const serverAudioUrl = (lng: string, text: string): string =>
  `/api/speech?lng=${encodeURIComponent(lng)}&text=${encodeURIComponent(text)}`;

const manifests = new Map<string, Promise<AudioManifest | null>>();

async function cachedOrFetched(url: string, keep: boolean): Promise<Response | null> {
  const cache = await openCache(AUDIO_CACHE);
  const hit = await cache?.match(url);
  if (hit) return hit;
  try {
    const res = await fetch(url);
    if (!res.ok) return null;
    if (keep && cache) await cache.put(url, res.clone());
    return res;
  } catch {
    return null;
  }
}

/** A language's manifest, or null when this tablet can neither find it cached nor fetch it. */
export function loadManifest(lng: string): Promise<AudioManifest | null> {
  let p = manifests.get(lng);
  if (!p) {
    p = cachedOrFetched(`${packBase(lng)}manifest.json`, false).then((r) =>
      r ? (r.json() as Promise<AudioManifest>) : null,
    );
    void p.then((m) => (m ? undefined : manifests.delete(lng)));
    manifests.set(lng, p);
  }
  return p;
}

/** One sound file of a pack, or of the server route; null when unreachable. */
export async function loadSound(url: string, keep = false): Promise<Blob | null> {
  const res = await cachedOrFetched(url, keep);
  return res ? res.blob() : null;
}

/** Every file a manifest refers to. */
export function packFiles(m: AudioManifest): string[] {
  const files = new Set<string>();
  for (const e of Object.values(m.entries))
    for (const s of e.segments) if ('file' in s) files.add(s.file);
  for (const f of Object.values(m.numbers)) files.add(f);
  return [...files].map((f) => packBase(m.lng) + f);
}

/** How a language's pack stands on this tablet. */
export type PackState = 'cached' | 'missing';

/**
 * Caches the packs of `languages` (and `extraTexts` rendered by the server, e.g. the agency name) and drops packs of
 * languages no longer enabled. Safe to call again: files already cached are not fetched twice.
 */
export async function cachePacks(
  languages: readonly string[],
  extraTexts: readonly string[] = [],
): Promise<void> {
  const cache = await openCache(AUDIO_CACHE);
  if (!cache) return;
  for (const key of await cache.keys()) {
    const lng = /\/audio\/([^/]+)\//.exec(new URL(key.url).pathname)?.[1];
    if (lng && !languages.includes(lng)) await cache.delete(key);
  }
  for (const lng of languages) {
    const res = await fetch(`${packBase(lng)}manifest.json`, { cache: 'no-cache' }).catch(
      () => null,
    );
    if (!res?.ok) continue;
    const manifest = (await res.clone().json()) as AudioManifest;
    const urls = [...packFiles(manifest), ...extraTexts.map((t) => serverAudioUrl(lng, t))];
    const missing = (
      await Promise.all(urls.map(async (u) => ((await cache.match(u)) ? null : u)))
    ).filter((u): u is string => u !== null);
    await addAll(cache, missing);
    await cache.put(`${packBase(lng)}manifest.json`, res);
    manifests.delete(lng);
  }
}

async function addAll(cache: Cache, urls: readonly string[]): Promise<void> {
  for (let i = 0; i < urls.length; i += 8) {
    await Promise.all(
      urls.slice(i, i + 8).map(async (u) => {
        const r = await fetch(u).catch(() => null);
        if (r?.ok) await cache.put(u, r);
      }),
    );
  }
}

/** Whether a language's pack (manifest and every file) is in the cache, for staff mode. */
export async function packState(lng: string): Promise<PackState> {
  const cache = await openCache(AUDIO_CACHE);
  const res = await cache?.match(`${packBase(lng)}manifest.json`);
  if (!cache || !res) return 'missing';
  const m = (await res.json()) as AudioManifest;
  const hits = await Promise.all(packFiles(m).map((u) => cache.match(u)));
  return hits.every(Boolean) ? 'cached' : 'missing';
}
