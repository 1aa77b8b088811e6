// The tablet's audio cache as tests and benches see it: what a language's pack needs, and what Cache Storage holds.
import type { Page } from 'playwright-core';

/** The Cache Storage cache the tablet keeps audio packs in (src/tablet/speech/packs.ts). */
const AUDIO_CACHE = 'audio-packs-v1';

/** A pack manifest, as far as these helpers read it. */
interface Manifest {
  readonly entries: Record<string, { segments: ({ file: string } | { slot: string })[] }>;
  readonly numbers: Record<string, string>;
}

/** Every path the tablet must cache for `lng`, from the server's manifest: manifest, files, the agency name. */
export async function packUrls(serverUrl: string, lng: string, agency: string): Promise<string[]> {
  const m = (await (await fetch(`${serverUrl}/audio/${lng}/manifest.json`)).json()) as Manifest;
  const files = new Set<string>();
  for (const e of Object.values(m.entries))
    for (const s of e.segments) if ('file' in s) files.add(`/audio/${lng}/${s.file}`);
  for (const f of Object.values(m.numbers)) files.add(`/audio/${lng}/${f}`);
  return [
    `/audio/${lng}/manifest.json`,
    ...files,
    `/api/speech?lng=${lng}&text=${encodeURIComponent(agency)}`,
  ];
}

/** The paths (with query) of everything in the tablet's audio cache. */
export const cachedUrls = (p: Page): Promise<string[]> =>
  p.evaluate(async (name) => {
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => {
      const u = new URL(r.url);
      return u.pathname + u.search;
    });
  }, AUDIO_CACHE);
