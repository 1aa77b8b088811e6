// Bench: bytes of each language's audio pack in dist/audio (what a tablet downloads: manifest and bundle), loaded
// only when enabled.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import type { AudioManifest } from '../src/shared/core/audioManifest.ts';
import { packFiles } from '../src/tablet/speech/packs.ts';

const AUDIO = resolve(import.meta.dirname, '../dist/audio');

/** Per-language audio-pack downloads and bytes (manifest, bundle, any file outside it), for a11y's table and the bench. */
export function audioPackBytes(): Record<string, { files: number; bytes: number }> {
  const out: Record<string, { files: number; bytes: number }> = {};
  for (const lng of readdirSync(AUDIO).sort()) {
    const m = JSON.parse(readFileSync(join(AUDIO, lng, 'manifest.json'), 'utf8')) as AudioManifest;
    const files = ['manifest.json', ...packFiles(m).map((u) => u.slice(`/audio/${lng}/`.length))];
    out[lng] = {
      files: files.length,
      bytes: files.reduce((n, f) => n + statSync(join(AUDIO, lng, f)).size, 0),
    };
  }
  return out;
}

/** The bench section: one line per language. */
export function benchAudioPacks(): string[] {
  return Object.entries(audioPackBytes()).map(
    ([lng, { files, bytes }]) =>
      `  ${lng.padEnd(3)} ${String(files).padStart(4)} files  ${(bytes / 1024).toFixed(0).padStart(6)} kB`,
  );
}

/**
 * The tablet filling its audio cache in headless Chromium against the real server on loopback: Dutch alone first,
 * then each other language beside Dutch (the previous one is dropped). Time runs from the app's start to the last file
 * cached; bytes are what that language holds in Cache Storage. The agency name is rendered by the server each time.
 */
export async function benchPackFill(): Promise<string[]> {
  const { launchBrowser, startApp } = await import('../test/browser/harness.ts');
  const { packUrls } = await import('../test/browser/pages/AudioCache.ts');
  const { seedAgencySettings } = await import('../test/browser/pages/TabletStore.ts');
  const app = await startApp();
  const browser = await launchBrowser();
  const lines: string[] = [];
  try {
    const page = await browser.newPage();
    await page.route('**/audio/**', (r) => r.abort());
    await page.goto(app.url);
    await page.waitForSelector('main[data-screen="welcome"]');
    await page.unroute('**/audio/**');
    for (const lng of ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa']) {
      const agency = `Werkplein ${lng}`;
      const wanted = await packUrls(app.url, lng, agency);
      await seedAgencySettings(page, { languages: ['nl', lng], agencyName: agency });
      const started = performance.now();
      await page.reload();
      const bytes = await page.evaluate(async (urls) => {
        const cache = await caches.open('audio-packs-v1');
        for (;;) {
          const hits = await Promise.all(urls.map((u) => cache.match(u)));
          if (hits.every(Boolean)) {
            const sizes = await Promise.all(hits.map(async (h) => (await h!.blob()).size));
            return sizes.reduce((a, b) => a + b, 0);
          }
          await new Promise((r) => setTimeout(r, 50));
        }
      }, wanted);
      const ms = performance.now() - started;
      lines.push(
        `  ${lng.padEnd(3)} ${String(wanted.length).padStart(4)} files  ${(bytes / 1024).toFixed(0).padStart(6)} kB  ${(ms / 1000).toFixed(2).padStart(6)} s from app start to cached`,
      );
    }
  } finally {
    await browser.close();
    await app.dispose();
  }
  return lines;
}
