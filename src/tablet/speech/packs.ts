/**
 * Audio packs on the tablet: manifests and sound files of a language, read from Cache Storage first (so read-aloud
 * works offline) and from the network otherwise. Only the languages enabled on the tablet are cached.
 */
import type { AudioManifest } from '../../shared/core/audioManifest.ts';
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

/** Drops the remembered manifest of `lng`, after the cache got a new one. */
export function forgetManifest(lng: string): void {
  manifests.delete(lng);
}

/** Every file a manifest refers to. */
export function packFiles(m: AudioManifest): string[] {
  const files = new Set<string>();
  for (const e of Object.values(m.entries))
    for (const s of e.segments) if ('file' in s) files.add(s.file);
  for (const f of Object.values(m.numbers)) files.add(f);
  return [...files].map((f) => packBase(m.lng) + f);
}
