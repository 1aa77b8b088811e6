// The kiosk in real Chromium against the real server: durability, offline, idle reset, safe service-worker updates.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser, launchPersistent, tempProfile } from './harness.ts';
import { KioskPage, PILOT_ANSWERS } from './pages/KioskPage.ts';
import { dumpTablet } from './pages/TabletStore.ts';

const fx = appAndBrowser();

const labels: Record<number, string> = {
  1: 'Geheel oneens',
  2: 'Oneens',
  3: 'Niet oneens/niet eens',
  4: 'Eens',
  5: 'Geheel eens',
};

/** Waits until the service worker controls the page (first visit installs it; a reload puts the page under it). */
async function underServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
    await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

describe('kiosk in Chromium', () => {
  it('keeps every answer through a reload in the middle of the questionnaire', async () => {
    const page = await fx.browser.newPage();
    const kiosk = new KioskPage(page);
    await page.goto(fx.app.url);
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    for (const v of [5, 5, 4, 2, 1, 3]) await kiosk.answer(v);
    await page.reload();
    await kiosk.expectScreen('item');
    expect(await kiosk.progress()).toBe('Vraag 7 van 27');
    await kiosk.answerUntilReview(PILOT_ANSWERS);
    const shown = await kiosk.reviewAnswers();
    expect(Object.values(shown).slice(0, 6)).toEqual([5, 5, 4, 2, 1, 3].map((v) => labels[v]));
    await page.close();
  });

  it('keeps every answer when the browser is closed and opened again on the same profile', async () => {
    const profile = tempProfile();
    try {
      let ctx = await launchPersistent(profile);
      let page = ctx.pages()[0] ?? (await ctx.newPage());
      let kiosk = new KioskPage(page);
      await page.goto(fx.app.url);
      await kiosk.startAndConsent();
      await kiosk.fillDetails();
      for (const v of [1, 2, 3, 4, 5]) await kiosk.answer(v);
      await ctx.close();

      ctx = await launchPersistent(profile);
      page = ctx.pages()[0] ?? (await ctx.newPage());
      kiosk = new KioskPage(page);
      await page.goto(fx.app.url);
      await kiosk.expectScreen('item');
      expect(await kiosk.progress()).toBe('Vraag 6 van 27');
      await kiosk.answerUntilReview(PILOT_ANSWERS);
      expect(Object.values(await kiosk.reviewAnswers()).slice(0, 5)).toEqual(
        [1, 2, 3, 4, 5].map((v) => labels[v]),
      );
      await ctx.close();
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('starts and completes a questionnaire offline after one online visit', async () => {
    const ctx = await fx.browser.newContext();
    const page = await ctx.newPage();
    const kiosk = new KioskPage(page);
    await page.goto(fx.app.url);
    await underServiceWorker(page);
    await ctx.setOffline(true);
    await page.reload();
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    await kiosk.answerUntilReview();
    await kiosk.submit();
    const queued = await page.evaluate(
      () =>
        new Promise<number>((res, rej) => {
          const r = indexedDB.open('slimme-intake');
          r.onsuccess = () => {
            const c = r.result.transaction('outbox').objectStore('outbox').count();
            c.onsuccess = () => res(c.result);
            c.onerror = () => rej(new Error('count failed'));
          };
          r.onerror = () => rej(new Error('open failed'));
        }),
    );
    expect(queued).toBe(1);
    await ctx.close();
  });

  it('after the idle countdown, hides the session from the next client', async () => {
    const ctx = await fx.browser.newContext();
    const page = await ctx.newPage();
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await page.goto(fx.app.url);
    await kiosk.startAndConsent();
    await kiosk.fillDetails({ first: 'Vorige', last: 'Klant', day: '1', month: '1', year: '1970' });
    await kiosk.answer(5);
    await kiosk.answer(4);
    await page.clock.fastForward(91_000);
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const seconds = Number(/(\d+)/.exec((await dialog.textContent()) ?? '')?.[1]);
    expect(seconds).toBeGreaterThanOrEqual(20);
    await page.clock.fastForward(31_000);
    await kiosk.expectScreen('welcome');

    await page.reload();
    await kiosk.expectScreen('welcome');
    await page.goBack().catch(() => undefined);
    await kiosk.expectScreen('welcome');
    await kiosk.startAndConsent();
    expect(await page.getByLabel('Voornaam').inputValue()).toBe('');
    await kiosk.fillDetails();
    expect(await kiosk.progress()).toBe('Vraag 1 van 27');
    expect(await page.locator('.answers button[aria-pressed="true"]').count()).toBe(0);
    expect(await page.content()).not.toContain('Vorige');
    await ctx.close();
  });

  it('refuses to start a session and tells staff when the browser refuses storage', async () => {
    const profile = tempProfile();
    mkdirSync(join(profile, 'Default'));
    // The browser setting "block all site data": IndexedDB cannot be opened, as in a locked-down or private fx.browser.
    writeFileSync(
      join(profile, 'Default/Preferences'),
      JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }),
    );
    const ctx = await launchPersistent(profile);
    try {
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(fx.app.url);
      await new KioskPage(page).expectScreen('storage-error');
      expect(await page.getByText('Vraag een medewerker om hulp.').isVisible()).toBe(true);
      expect(await page.getByText(/de browser staat opslaan niet toe/).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Beginnen' }).count()).toBe(0);
    } finally {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });

  it('switches language on item 10 without losing an answer, and records the languages used', async () => {
    const page = await fx.browser.newPage();
    const kiosk = new KioskPage(page);
    const english = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../locales/en/instrument.pilot-2019.v1.json'),
        'utf8',
      ),
    ) as Record<string, string>;
    await page.goto(fx.app.url);
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    const first9: number[] = [];
    for (let i = 0; i < 9; i++) {
      const v = PILOT_ANSWERS[await kiosk.currentItem()] ?? 3;
      first9.push(v);
      await kiosk.answer(v);
    }
    expect(await kiosk.progress()).toBe('Vraag 10 van 27');
    await page.getByRole('button', { name: /Taal: Nederlands/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'English' }).click();
    await page.getByText('Question 10 of 27').waitFor();
    expect(
      await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['en', 'ltr']);
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByText('Question 9 of 27').waitFor();
    expect(await page.locator('.answers button[aria-pressed="true"]').textContent()).toBe(
      english[`answers.${first9[8]}`],
    );
    await page.reload();
    await page.getByText('Question 9 of 27').waitFor();
    await kiosk.answerUntilReview();
    expect(Object.values(await kiosk.reviewAnswers()).slice(0, 9)).toEqual(
      first9.map((v) => english[`answers.${v}`]),
    );
    await page.getByRole('button', { name: 'Done. Send my answers' }).click();
    await kiosk.expectScreen('thanks');
    const outbox = (await dumpTablet(page)).outbox as {
      record: { language: string; languagesUsed: string[]; answers: object };
    }[];
    const last = outbox.at(-1)?.record;
    expect(last?.language).toBe('en');
    expect(last?.languagesUsed).toEqual(['nl', 'en']);
    expect(last?.answers).toEqual(PILOT_ANSWERS);
    await page.getByRole('button', { name: 'Done' }).click();
    await kiosk.expectScreen('welcome');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await page.close();
  });

  it('keeps the old version during a session and updates on the welcome screen', async () => {
    const ctx = await fx.browser.newContext();
    const page = await ctx.newPage();
    const kiosk = new KioskPage(page);
    await page.goto(fx.app.url);
    await underServiceWorker(page);
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    await kiosk.answer(3);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));

    appendFileSync(join(fx.app.distDir, 'sw.js'), '\n// new version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting != null,
    );
    // No reload while the client answers, however long that takes: the page keeps its marker through to the end.
    const marker = () => page.evaluate(() => (window as unknown as { marker?: number }).marker);
    expect(await marker()).toBe(1);
    expect(await kiosk.progress()).toBe('Vraag 2 van 27');

    await kiosk.answerUntilReview();
    await kiosk.submit();
    expect(await marker()).toBe(1);
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: 'Klaar' }).click();
    await reloaded;
    await kiosk.expectScreen('welcome');
    expect(await marker()).toBeUndefined();
    expect(
      await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
      ),
    ).toBeNull();
    await ctx.close();
  });
});
