// axe-core (WCAG 2.1 A/AA) on every kiosk screen in every language, in real Chromium: 0 violations.
// Run alone: npm run build && npx vitest run --project browser test/browser/a11y.test.ts
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { appAndBrowser, launchPersistent, tempProfile } from './harness.ts';
import { axeViolations, type AxeFinding } from './pages/axe.ts';
import { KioskPage } from './pages/KioskPage.ts';

const LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'];
const SCREENS = [
  'welcome',
  'consent',
  'details',
  'item',
  'item (pictograms)',
  'language menu',
  'idle warning',
  'review',
  'thank-you',
  'storage error',
  'offline',
];

const fx = appAndBrowser();
/** screen → language → number of violations, printed as a table at the end. */
const table = new Map<string, Map<string, number>>();
const findings: (AxeFinding & { screen: string; lng: string })[] = [];

afterAll(() => {
  const head = ['screen'.padEnd(18), ...LANGUAGES.map((l) => l.padStart(3))].join(' ');
  const rows = SCREENS.map((s) =>
    [s.padEnd(18), ...LANGUAGES.map((l) => String(table.get(s)?.get(l) ?? '-').padStart(3))].join(
      ' ',
    ),
  );
  console.log(
    `axe-core WCAG 2.1 A/AA violations per screen and language\n${head}\n${rows.join('\n')}`,
  );
});

/** Runs axe and records the result under `screen` × `lng`. */
async function check(page: Page, screen: string, lng: string): Promise<void> {
  const found = await axeViolations(page);
  if (!table.has(screen)) table.set(screen, new Map());
  table.get(screen)?.set(lng, found.length);
  findings.push(...found.map((f) => ({ ...f, screen, lng })));
}

/** The findings for these screens, for an assertion that names them when it fails. */
const of = (screens: readonly string[]) => findings.filter((f) => screens.includes(f.screen));

/** Picks a language on the welcome screen by its button (its own name) and waits for `<html lang>`. */
async function chooseOnWelcome(page: Page, lng: string): Promise<void> {
  await page.locator(`main[data-screen="welcome"] button[data-language="${lng}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
}

/** Fills the details with language-independent selectors and moves on. */
async function fillDetails(page: Page): Promise<void> {
  await page.locator('input[name="gender"]').first().check();
  await page.locator('#field-firstName').fill('Amal');
  await page.locator('#field-lastName').fill('Haddad');
  await page.locator('input[name="dob-day"]').fill('7');
  await page.locator('input[name="dob-month"]').fill('3');
  await page.locator('input[name="dob-year"]').fill('1985');
  await page.locator('main[data-screen="details"] button[type="submit"]').click();
}

/** The primary button of the screen on show. */
const primary = (page: Page, screen: string) =>
  page.locator(`main[data-screen="${screen}"] .screen-actions .primary`);

describe('axe-core on every kiosk screen in every language', () => {
  let ctx: BrowserContext;
  let page: Page;
  let kiosk: KioskPage;
  beforeAll(async () => {
    ctx = await fx.browser.newContext({ bypassCSP: true, viewport: { width: 800, height: 1100 } });
    page = await ctx.newPage();
    await page.clock.install();
    kiosk = new KioskPage(page);
    await page.goto(fx.app.url);
  });
  afterAll(() => ctx?.close());

  it('axe runs and sees a violation (so a clean result means something)', async () => {
    await kiosk.expectScreen('welcome');
    await page.evaluate(() =>
      document.querySelector('main')?.append(document.createElement('button')),
    );
    expect((await axeViolations(page)).map((f) => f.rule)).toContain('button-name');
    await page.reload();
  });

  it.each(LANGUAGES)(
    'session screens in %s: welcome, consent, details, item, pictograms, language menu, idle, review, thank-you',
    async (lng) => {
      // Pictogram mode, the language menu and the idle warning; the countdown then ends the session.
      await kiosk.expectScreen('welcome');
      await chooseOnWelcome(page, lng);
      await check(page, 'welcome', lng);
      await page.locator('.pictogram-toggle').click();
      await primary(page, 'welcome').click();
      await kiosk.expectScreen('consent');
      await primary(page, 'consent').click();
      await kiosk.expectScreen('details');
      await fillDetails(page);
      await page.locator('.pictogram-answer').first().waitFor();
      await page.locator('.pictogram-answer[data-value="2"]').click(); // armed: the confirm hint shows
      await page.locator('.pictogram-answer[data-armed="true"]').waitFor();
      await check(page, 'item (pictograms)', lng);
      await page.locator('.language-button').click();
      await page.getByRole('dialog').waitFor();
      await check(page, 'language menu', lng);
      await page.getByRole('dialog').locator('.secondary').last().click();
      await page.clock.fastForward(91_000);
      await page.locator('[data-screen="idle"]').waitFor();
      await check(page, 'idle warning', lng);
      await page.clock.fastForward(31_000);
      await kiosk.expectScreen('welcome');

      // The text flow to the end.
      await chooseOnWelcome(page, lng);
      await page.locator('.pictogram-toggle[aria-pressed="false"]').waitFor();
      await primary(page, 'welcome').click();
      await kiosk.expectScreen('consent');
      await check(page, 'consent', lng);
      await primary(page, 'consent').click();
      await kiosk.expectScreen('details');
      await check(page, 'details', lng);
      await fillDetails(page);
      await kiosk.expectScreen('item');
      await check(page, 'item', lng);
      await kiosk.answerUntilReview();
      await check(page, 'review', lng);
      await primary(page, 'review').click();
      await kiosk.expectScreen('thanks');
      await check(page, 'thank-you', lng);
      await primary(page, 'thanks').click();
      expect(findings.filter((f) => f.lng === lng)).toEqual([]);
    },
  );
});

describe('axe-core on the screens outside a session, in every language', () => {
  it('storage error, in every language through its language menu', async () => {
    const profile = tempProfile();
    mkdirSync(join(profile, 'Default'));
    // "Block all site data": IndexedDB cannot be opened (as in kiosk.test.ts).
    writeFileSync(
      join(profile, 'Default/Preferences'),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
    );
    const ctx = await launchPersistent(profile, { bypassCSP: true });
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(fx.app.url);
      await new KioskPage(page).expectScreen('storage-error');
      for (const lng of LANGUAGES) {
        await page.locator('.language-button').click();
        await page.getByRole('dialog').locator(`button[data-language="${lng}"]`).click();
        await page.waitForFunction((l) => document.documentElement.lang === l, lng);
        await page.getByRole('dialog').waitFor({ state: 'detached' });
        await check(page, 'storage error', lng);
      }
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
    expect(of(['storage error'])).toEqual([]);
  });

  it('offline: the kiosk started from its service worker with no network', async () => {
    const ctx = await fx.browser.newContext({
      bypassCSP: true,
      viewport: { width: 800, height: 1100 },
    });
    const page = await ctx.newPage();
    await page.goto(fx.app.url);
    await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
      await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await ctx.setOffline(true);
    await page.reload();
    const kiosk = new KioskPage(page);
    await kiosk.expectScreen('welcome');
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    for (const lng of LANGUAGES) {
      await chooseOnWelcome(page, lng);
      await check(page, 'offline', lng);
    }
    await ctx.close();
    expect(of(['offline'])).toEqual([]);
  });
});
