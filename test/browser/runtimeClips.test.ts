// Issue 13, read-aloud after the build, in Chromium against the real server: a coordinator stores questionnaire
// version 2 (item A1 reworded); the server renders its clip; a tablet with no speech voice takes version 2, caches the
// clip with its Dutch pack, and offline the speaker button on A1 plays that clip and never version 1's clip of A1.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudioManifest } from '../../src/shared/core/audioManifest.ts';
import { launchBrowser, until } from './harness.ts';
import { cachedUrls } from './pages/AudioCache.ts';
import { AudioProbe, attachAudioProbe } from './pages/AudioProbe.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { seedEnrollment } from './pages/TabletStore.ts';
import { startSyncServer, type SyncServer } from './syncServer.ts';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
const V1_A1 = 'instrument.pilot-2019.v1:items.A1';
const V2_A1 = 'instrument.pilot-2019.v2:items.A1';
const READ = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../locales/nl/kiosk.json'), 'utf8')) as {
    speech: { read_button: string };
  }
).speech.read_button;

let server: SyncServer;
let browser: Browser;
beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const dutchManifest = async () =>
  (await (await fetch(`${server.url}/audio/nl/manifest.json`)).json()) as AudioManifest;

describe('read-aloud of a reworded item', () => {
  it('plays the server’s clip of the new wording offline, never the old one', async () => {
    const stored = await fetch(`${server.url}/api/instrument-versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await server.coordinator() },
      body: JSON.stringify({
        instrument: JSON.parse(fixture('pilot-2019.v2.json')) as unknown,
        translations: JSON.parse(fixture('pilot-2019.v2.translations.json')) as unknown,
      }),
    });
    expect(stored.status).toBe(201);
    await until('the clip of the reworded item', async () =>
      Boolean((await dutchManifest()).runtime?.[V2_A1]),
    );
    const m = await dutchManifest();
    const file = (m.runtime![V2_A1]!.segments[0] as { file: string }).file;
    expect(file).toMatch(/^rt\//);
    const clip = Buffer.from(await (await fetch(`${server.url}/audio/nl/${file}`)).arrayBuffer());
    const clipHash = createHash('sha256').update(clip).digest('hex');

    const ctx = await browser.newContext({ viewport: { width: 800, height: 1100 } });
    await attachAudioProbe(ctx);
    const page = await ctx.newPage();
    const kiosk = new KioskPage(page);
    await page.goto(server.url);
    await kiosk.expectScreen('welcome');
    await seedEnrollment(page, server.url, await server.enroll('Tablet 1'));
    await page.reload();
    // The configuration brings version 2; its clip is cached with the Dutch pack.
    await page.waitForSelector('main[data-screen="welcome"][data-instrument="pilot-2019@2"]', {
      timeout: 60_000,
    });
    await until('the clip in the tablet’s cache', async () =>
      (await cachedUrls(page)).includes(`/audio/nl/${file}`),
    );
    await page.waitForLoadState('networkidle', { timeout: 90_000 });

    await ctx.setOffline(true);
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    expect(await kiosk.currentItem()).toBe('A1');
    const probe = new AudioProbe(page);
    await page
      .locator('main[data-screen="item"]')
      .getByRole('button', { name: READ })
      .first()
      .click();
    const plays = await probe.waitFor('the new clip of A1', (p) => p.hash === clipHash);
    expect(plays.filter((p) => p.pack?.keys.includes(V1_A1))).toEqual([]);
    await ctx.close();
  });
});
