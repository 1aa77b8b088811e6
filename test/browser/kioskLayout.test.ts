// The kiosk's layout in real Chromium at tablet size: the primary button in one place on every screen (mirrored in
// right-to-left), the answer pictures in reading order, and a review screen that is grouped and compact.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser } from './harness.ts';
import { KioskPage } from './pages/KioskPage.ts';

const fx = appAndBrowser();

/** Where the screen's primary button sits: its gap to the display's bottom and to each side of the screen column. */
async function primarySpot(page: Page) {
  return page.evaluate(() => {
    const b = document.querySelector('main .screen-actions .primary')!.getBoundingClientRect();
    const main = document.querySelector('main')!.getBoundingClientRect();
    return {
      screen: document.querySelector('main')!.getAttribute('data-screen'),
      bottom: Math.round(window.innerHeight - b.bottom),
      start: Math.round(b.left - main.left),
      end: Math.round(main.right - b.right),
    };
  });
}

/** Goes through welcome, consent, details, every item (some skipped) and the review, noting the primary button. */
async function walk(page: Page, lng: string) {
  const kiosk = new KioskPage(page);
  const spots = [];
  await page.goto(fx.app.url);
  await kiosk.expectScreen('welcome');
  await page.locator(`button[data-language="${lng}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
  spots.push(await primarySpot(page));
  await kiosk.primary();
  await kiosk.expectScreen('consent');
  spots.push(await primarySpot(page));
  await kiosk.primary();
  await kiosk.expectScreen('details');
  spots.push(await primarySpot(page));
  await kiosk.fillDetailsByName();
  for (let n = 0; ; n++) {
    if ((await page.locator('main[data-screen]').getAttribute('data-screen')) === 'review') break;
    const before = await kiosk.progress();
    if (n === 3 || n === 20) await page.locator('main .screen-actions .link').click();
    else await page.locator(`.answers button[data-value="${(n % 5) + 1}"]`).click();
    await page.waitForFunction(
      (b) =>
        document.querySelector('.progress-label')?.textContent !== b ||
        document.querySelector('main[data-screen="review"]') !== null,
      before,
    );
  }
  spots.push(await primarySpot(page));
  return { kiosk, spots };
}

describe('kiosk layout at tablet size', () => {
  it.each([
    ['nl', 800, 1280],
    ['ar', 800, 1280],
    ['nl', 1280, 800],
    ['fa', 1280, 800],
  ] as const)(
    'in %s at %i×%i the primary button is in the same place on every screen, at the end of the line',
    async (lng, width, height) => {
      const page = await fx.browser.newPage({ viewport: { width, height } });
      const { spots } = await walk(page, lng);
      expect(spots.map((s) => s.screen)).toEqual(['welcome', 'consent', 'details', 'review']);
      const rtl = lng !== 'nl';
      for (const s of spots) {
        // The end of the line: right in ltr, left in rtl; the same gap on each screen.
        expect(rtl ? s.start : s.end, JSON.stringify(s)).toBe(
          rtl ? spots[0]!.start : spots[0]!.end,
        );
        expect(rtl ? s.start < s.end : s.end < s.start, JSON.stringify(s)).toBe(true);
        // At the bottom of the display, also on the long review screen.
        expect(Math.abs(s.bottom - spots[0]!.bottom), JSON.stringify(s)).toBeLessThanOrEqual(2);
      }
      await page.close();
    },
  );

  it('groups the review by the questionnaire, unanswered first, compact, and one tap changes an answer', async () => {
    const page = await fx.browser.newPage({ viewport: { width: 800, height: 1280 } });
    const { kiosk } = await walk(page, 'nl');
    const groups = await page.$$eval('.review-group', (gs) =>
      gs.map((g) => [g.getAttribute('data-group'), g.querySelectorAll('.review-item').length]),
    );
    expect(groups).toEqual([
      ['missing', 2],
      ['A', 9],
      ['B', 6],
      ['C', 10],
    ]);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`review page height at 800×1280: ${height} px`);
    expect(height).toBeLessThan(2600); // one card per item measured 3,417 px
    const first = page.locator('[data-group="missing"] .review-item').first();
    const id = await first.getAttribute('data-item');
    await first.click();
    await kiosk.expectScreen('item');
    expect(await kiosk.currentItem()).toBe(id);
    await page.locator('.answers button[data-value="4"]').click();
    await kiosk.expectScreen('review');
    expect(await page.locator('[data-group="missing"] .review-item').count()).toBe(1);
    expect(await page.locator(`.review-item[data-item="${id}"]`).count()).toBe(1);
    await page.close();
  });

  it('orders the answer pictures as text runs: "geheel oneens" at the start, on the right in Arabic, bars mirrored', async () => {
    for (const [lng, rtl] of [
      ['nl', false],
      ['ar', true],
    ] as const) {
      const page = await fx.browser.newPage({ viewport: { width: 800, height: 1280 } });
      const kiosk = new KioskPage(page);
      await page.goto(fx.app.url);
      await kiosk.expectScreen('welcome');
      await page.locator(`button[data-language="${lng}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lng);
      await page.locator('.pictogram-toggle').click();
      await kiosk.primary();
      await kiosk.expectScreen('consent');
      await kiosk.primary();
      await kiosk.fillDetailsByName();
      const look = await page.$$eval('.pictogram-answer', (bs) =>
        bs.map((b) => ({
          value: Number(b.getAttribute('data-value')),
          x: b.getBoundingClientRect().left,
          filled: b.querySelectorAll('rect.bar.on').length,
          transform: getComputedStyle(b.querySelector('svg')!).transform,
        })),
      );
      const byX = [...look].sort((a, b) => a.x - b.x).map((l) => l.value);
      expect(byX).toEqual(rtl ? [5, 4, 3, 2, 1] : [1, 2, 3, 4, 5]);
      expect(look.map((l) => l.filled)).toEqual([1, 2, 3, 4, 5]);
      for (const l of look) expect(l.transform).toBe(rtl ? 'matrix(-1, 0, 0, 1, 0, 0)' : 'none');
      await page.close();
    }
  });
});
