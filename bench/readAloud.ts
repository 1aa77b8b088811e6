// Bench in headless Chromium against the built app: tap on the speaker → the audio element is playing (no speech voice,
// so the sound comes from the audio pack). Budget: under 150 ms.
import type { Page } from 'playwright-core';
import { launchBrowser, startApp } from '../test/browser/harness.ts';
import { KioskPage } from '../test/browser/pages/KioskPage.ts';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

/**
 * In the page: no voices, and tap (click on a speaker that is not playing) → `playing` of the audio element. Plain
 * JavaScript text: tsx would wrap a TypeScript function with helpers the page does not have.
 */
const MEASURE = `
  Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [] });
  window.__tapAt = null;
  window.__latency = [];
  document.addEventListener('click', (e) => {
    const b = e.target.closest('.speaker-button');
    if (b && b.getAttribute('aria-pressed') !== 'true') window.__tapAt = e.timeStamp;
  }, true);
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function () {
    this.addEventListener('playing', () => {
      if (window.__tapAt === null) return;
      window.__latency.push(performance.now() - window.__tapAt);
      window.__tapAt = null;
    }, { once: true });
    return play.call(this);
  };
`;

const latencies = (page: Page) =>
  page.evaluate(() => (window as unknown as { __latency: number[] }).__latency);

/** Taps the speaker and waits until its sound is playing. */
async function tapAndWait(page: Page): Promise<void> {
  const n = (await latencies(page)).length;
  await page.locator('.speaker-button').click();
  await page.waitForFunction(
    (k) => (window as unknown as { __latency: number[] }).__latency.length > k,
    n,
  );
}

/** First tap on each new item screen (shown for 250 ms, as a client glances at it), then the same screen warm. */
async function speakerTaps(url: string, lng: string): Promise<string[]> {
  const browser = await launchBrowser();
  try {
    const ctx = await browser.newContext({ viewport: { width: 800, height: 1100 } });
    await ctx.addInitScript({ content: MEASURE });
    const page = await ctx.newPage();
    await page.goto(url);
    const kiosk = new KioskPage(page);
    await kiosk.expectScreen('welcome');
    await page.locator(`button[data-language="${lng}"]`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lng);
    await kiosk.primary();
    await kiosk.expectScreen('consent');
    await kiosk.primary();
    await kiosk.fillDetailsByName();
    for (let i = 0; i < 24; i++) {
      await page.waitForTimeout(250);
      await tapAndWait(page);
      await kiosk.answer(1 + (i % 5)); // the new screen stops the sound
    }
    const first = await latencies(page);
    for (let i = 0; i < 24; i++) {
      await tapAndWait(page);
      await page.locator('.speaker-button').click(); // stop
      await page.waitForSelector('.speaker-button[aria-pressed="false"]');
    }
    const warm = (await latencies(page)).slice(first.length);
    return [
      `  ${lng} first tap on a new item screen: ${fmt(first)}  [budget < 150 ms]`,
      `  ${lng} tap again on the same screen:   ${fmt(warm)}  [budget < 150 ms]`,
    ];
  } finally {
    await browser.close();
  }
}

/** Tap → sound from the audio pack, in Dutch and Arabic, against a fresh server on the built app. */
export async function benchReadAloud(): Promise<string[]> {
  const app = await startApp();
  try {
    return [...(await speakerTaps(app.url, 'nl')), ...(await speakerTaps(app.url, 'ar'))];
  } finally {
    await app.dispose();
  }
}
