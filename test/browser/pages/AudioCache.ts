// The tablet's audio cache as tests and benches see it: what a language's pack needs, and what Cache Storage holds.
import type { Page } from 'playwright-core';
import type { AudioManifest } from '../../../src/shared/core/audioManifest.ts';
import { packFiles } from '../../../src/tablet/speech/packs.ts';

/** The Cache Storage cache the tablet keeps audio packs in (src/tablet/speech/packs.ts). */
const AUDIO_CACHE = 'audio-packs-v1';

/**
 * Every path the tablet must cache for `lng`, from the server's manifest: manifest, the bundle (and any file not in
 * it, such as a recording), the agency name.
 */
export async function packUrls(serverUrl: string, lng: string, agency: string): Promise<string[]> {
  const m = (await (
    await fetch(`${serverUrl}/audio/${lng}/manifest.json`)
  ).json()) as AudioManifest;
  if (!m.bundle) throw new Error(`the ${lng} pack has no bundle`);
  return [
    `/audio/${lng}/manifest.json`,
    ...packFiles(m),
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

/** The size in bytes of what the tablet's audio cache holds for `url` (a path), or -1 when it holds nothing. */
export const cachedSize = (p: Page, url: string): Promise<number> =>
  p.evaluate(
    async ([name, u]) => {
      const res = await (await caches.open(name)).match(u);
      return res ? (await res.blob()).size : -1;
    },
    [AUDIO_CACHE, url] as const,
  );
