/**
 * Audio packs on the tablet: manifests and sound files of a language, read from Cache Storage first (so read-aloud
 * works offline) and from the network otherwise. Only the languages enabled on the tablet are cached.
 */
import { allEntries, type AudioManifest } from '../../shared/core/audioManifest.ts';
import { normalizeSpeechText } from '../../shared/core/speechText.ts';
import { openCache } from '../platform/audio.ts';
import { API } from '../../shared/contract/protocol.ts';

/** The Cache Storage cache that holds the packs of the enabled languages. */
export const AUDIO_CACHE = 'audio-packs-v1';

/** Where a language's pack lives. */
export const packBase = (lng: string): string => `/audio/${lng}/`;

/** The server route that renders a text the build cannot know (the agency's name, an own consent text). */
export const serverAudioUrl = (lng: string, text: string): string =>
  `${API.speech}?lng=${encodeURIComponent(lng)}&text=${encodeURIComponent(normalizeSpeechText(text))}`;

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

const bundles = new Map<string, Promise<Blob | null>>();

/** A cached bundle as one Blob (kept while its manifest is current; reading a slice reads only that part). */
function cachedBundle(url: string): Promise<Blob | null> {
  let p = bundles.get(url);
  if (!p) {
    p = openCache(AUDIO_CACHE)
      .then((c) => c?.match(url))
      .then((r) => (r ? r.blob() : null))
      .catch(() => null);
    void p.then((b) => (b ? undefined : bundles.delete(url)));
    bundles.set(url, p);
  }
  return p;
}

/**
 * One sound file of a language's pack: a slice of the cached bundle when the tablet has it, the file itself (from
 * the cache or the network) otherwise; null when unreachable.
 */
export async function loadPackSound(lng: string, file: string): Promise<Blob | null> {
  const m = await loadManifest(lng);
  const at = m?.bundle?.clips[file];
  if (m?.bundle && at) {
    const whole = await cachedBundle(packBase(lng) + m.bundle.file);
    if (whole && whole.size >= at[0] + at[1])
      return whole.slice(at[0], at[0] + at[1], 'audio/mpeg');
  }
  return loadSound(packBase(lng) + file);
}

/** Drops the remembered manifest of `lng` (and its bundle), after the cache got a new one. */
export function forgetManifest(lng: string): void {
  manifests.delete(lng);
  for (const url of bundles.keys()) if (url.startsWith(packBase(lng))) bundles.delete(url);
}

/** Every file a manifest refers to, by name. */
function referencedFiles(m: AudioManifest): Set<string> {
  const files = new Set<string>();
  for (const [, e] of allEntries(m)) for (const s of e.segments) if ('file' in s) files.add(s.file);
  for (const f of Object.values(m.numbers)) files.add(f);
  return files;
}

/** What a tablet keeps of a manifest to play it offline: the bundle, and each file not in it (recordings, run-time clips). */
export function packFiles(m: AudioManifest): string[] {
  const out = m.bundle ? [m.bundle.file] : [];
  for (const f of referencedFiles(m)) if (!m.bundle?.clips[f]) out.push(f);
  return out.map((f) => packBase(m.lng) + f);
}
