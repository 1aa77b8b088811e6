// Read-aloud offline in Chromium: the tablet caches the audio packs of its enabled languages (and the agency name the
// server speaks), drops a language staff switch off, and plays from the cache with the network cut.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appAndBrowser, until } from './harness.ts';
import { cachedSize, cachedUrls, packUrls } from './pages/AudioCache.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { StaffPage } from './pages/StaffPage.ts';
import { seedAgencySettings } from './pages/TabletStore.ts';

const AGENCY = 'Werkplein  Zuidoost';
const SPOKEN_AGENCY = 'Werkplein Zuidoost'; // as the tablet asks for it: whitespace normalised
const ALL = ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'];

const fx = appAndBrowser();
let ctx: BrowserContext;
let page: Page;

afterAll(async () => {
  await ctx?.close();
});

/** Every path the tablet must cache for `lng`, the agency name as the tablet asks for it. */
const expectedUrls = (lng: string): Promise<string[]> => packUrls(fx.app.url, lng, SPOKEN_AGENCY);

describe('audio packs on the tablet', () => {
  it('caches every file of the nl and ar packs and the agency name at start, and nothing of the others', async () => {
    ctx = await fx.browser.newContext({ viewport: { width: 1000, height: 1400 } });
    page = await ctx.newPage();
    // First visit with the default settings (all languages): keep the packs away until the tablet has its own.
    await page.route('**/audio/**', (r) => r.abort());
    await page.goto(fx.app.url);
    await new KioskPage(page).expectScreen('welcome');
    await seedAgencySettings(page, { languages: ['nl', 'ar'], agencyName: AGENCY });
    await page.unroute('**/audio/**');
    await page.reload();
    await new KioskPage(page).expectScreen('welcome');

    // Per language: the manifest, one bundle of every clip, the agency name.
    const wanted = [...(await expectedUrls('nl')), ...(await expectedUrls('ar'))];
    expect(wanted.filter((u) => /\/clips-[0-9a-f]+\.bin$/.test(u))).toHaveLength(2);
    expect(wanted).toHaveLength(6);
    await until('the nl and ar packs in the cache', async () => {
      const have = new Set(await cachedUrls(page));
      return wanted.every((u) => have.has(u));
    });
    const have = await cachedUrls(page);
    expect(new Set(have)).toEqual(new Set(wanted));
    // Each bundle whole, byte for byte as built.
    for (const url of wanted.filter((u) => u.endsWith('.bin')))
      expect(await cachedSize(page, url)).toBe(statSync(join(fx.app.distDir, url)).size);
    for (const lng of ALL.filter((l) => l !== 'nl' && l !== 'ar'))
      expect(have.filter((u) => u.includes(`/audio/${lng}/`) || u.includes(`lng=${lng}&`))).toEqual(
        [],
      );
  });

  it('shows staff each language on the audio pack, and drops Arabic when staff switch it off', async () => {
    await page.goto(fx.app.url);
    const staff = new StaffPage(page);
    await staff.open();
    const panel = page.getByTestId('readaloud-panel');
    await panel.locator('tr[data-lng="ar"][data-path="audio"]').waitFor();
    expect(
      await panel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.path)),
    ).toEqual(['audio', 'audio']);
    expect(await panel.locator('tr[data-lng="ar"] th').textContent()).toBe('Arabisch');
    await panel.screenshot({
      path: resolve(import.meta.dirname, '../../test-results/staff-readaloud.png'),
    });

    await page.getByRole('button', { name: 'Instellingen' }).click();
    await page.getByRole('checkbox', { name: /Arabisch/ }).uncheck();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await until('no Arabic audio left', async () => {
      const urls = await cachedUrls(page);
      return !urls.some((u) => u.startsWith('/audio/ar/') || u.includes('lng=ar&'));
    });
    expect(new Set(await cachedUrls(page))).toEqual(new Set(await expectedUrls('nl')));
    await page.getByRole('button', { name: 'Terug' }).click();
    await panel.locator('tr[data-lng="nl"][data-path="audio"]').waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(1);
  });
  it('plays the agency name and a pack text from the cache with the network cut', async () => {
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.text().startsWith('read-aloud:')) warnings.push(m.text());
    });
    await page.addInitScript(() => {
      const w = window as unknown as { played: string[] };
      w.played = [];
      const proto = HTMLMediaElement.prototype;
      const play = Object.getOwnPropertyDescriptor(proto, 'play')?.value as (
        this: HTMLMediaElement,
      ) => Promise<void>;
      proto.play = function (this: HTMLMediaElement) {
        w.played.push(this.src);
        return play.call(this);
      };
    });
    await page.reload();
    const kiosk = new KioskPage(page);
    await kiosk.expectScreen('welcome');
    await ctx.setOffline(true);

    // The agency name, rendered by the server while online, is on the tablet and decodes as sound.
    const agency = await page.evaluate(
      async (url) => {
        const network = await fetch(url, { cache: 'no-store' }).then(
          () => 'reached',
          () => 'offline',
        );
        const hit = await (await caches.open('audio-packs-v1')).match(url);
        if (!hit) return { network, seconds: 0, type: '' };
        const audio = await new AudioContext().decodeAudioData(await hit.arrayBuffer());
        return { network, seconds: audio.duration, type: hit.headers.get('content-type') };
      },
      `/api/speech?lng=nl&text=${encodeURIComponent(SPOKEN_AGENCY)}`,
    );
    expect(agency.network).toBe('offline');
    expect(agency.type).toBe('audio/mpeg');
    expect(agency.seconds).toBeGreaterThan(0.5);

    // The kiosk's own read-aloud (no device voice in headless Chromium, so the pack): a pictogram tap says its label.
    await page.getByRole('button', { name: 'Antwoorden met plaatjes' }).click();
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    await page.locator('.pictogram-answer[data-value="4"]').click();
    await until('the label to play', () =>
      page.evaluate(() => (window as unknown as { played: string[] }).played.length > 0),
    );
    expect(warnings).toEqual([]);
    await ctx.setOffline(false);
  });
});
