// Pictogram answer mode in real Chromium: a first touch never stores, the second does; keyboard only; language switch.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser } from './harness.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { dumpTablet } from './pages/TabletStore.ts';

const fx = appAndBrowser();

/** The answers stored on the tablet for the open session. */
async function storedAnswers(page: Page): Promise<unknown[]> {
  return (await dumpTablet(page)).answers ?? [];
}

/** Presses Tab until the pictogram for `value` has focus (keyboard only, no pointer). */
async function tabTo(page: Page, value: number): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-value'));
    if (at === String(value)) return;
  }
  throw new Error(`pictogram ${value} not reachable with Tab`);
}

/** Welcome with pictures on → consent → details → first item. */
async function startWithPictograms(page: Page): Promise<KioskPage> {
  const kiosk = new KioskPage(page);
  await page.goto(fx.app.url);
  await kiosk.expectScreen('welcome');
  await page.getByRole('button', { name: 'Antwoorden met plaatjes' }).click();
  expect(await page.locator('.pictogram-toggle').getAttribute('aria-pressed')).toBe('true');
  await kiosk.startAndConsent();
  await kiosk.fillDetails();
  return kiosk;
}

describe('pictogram answer mode', () => {
  it('completes an item with the keyboard only: Enter marks, Space then stores', async () => {
    const page = await fx.browser.newPage();
    const kiosk = await startWithPictograms(page);
    expect(await page.locator('.answers').count()).toBe(0);
    const box = await page.locator('.pictogram-answer').first().boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(48);
    expect(box?.height).toBeGreaterThanOrEqual(48);
    const before = await storedAnswers(page);
    await tabTo(page, 4);
    await page.keyboard.press('Enter');
    await page.locator('.pictogram-answer[data-armed="true"][data-value="4"]').waitFor();
    await page.getByText('Tik nog een keer op dit plaatje om het te kiezen.').waitFor();
    expect(await kiosk.progress()).toBe('Vraag 1 van 27');
    expect(await storedAnswers(page)).toHaveLength(before.length);
    await page.keyboard.press('Space');
    await page.getByText('Vraag 2 van 27').waitFor();
    expect((await storedAnswers(page)).length).toBe(before.length + 1);
    await page.keyboard.press('Shift+Tab'); // no trap: focus moves on
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByText('Vraag 1 van 27').waitFor();
    expect(
      await page.locator('.pictogram-answer[aria-pressed="true"]').getAttribute('data-value'),
    ).toBe('4');
    await page.close();
  });

  it('switches language mid-session in pictogram mode and keeps answers and pictures', async () => {
    const page = await fx.browser.newPage();
    const kiosk = await startWithPictograms(page);
    for (const v of [2, 5]) {
      const p = await kiosk.progress();
      await page.locator(`.pictogram-answer[data-value="${v}"]`).click();
      await page.locator(`.pictogram-answer[data-value="${v}"]`).click();
      await page.waitForFunction(
        (b) => document.querySelector('.progress-label')?.textContent !== b,
        p,
      );
    }
    await page.getByRole('button', { name: /Taal: Nederlands/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'فارسی' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fa');
    expect(await page.locator('.pictogram-answer').count()).toBe(5);
    await page.locator('.screen-actions .secondary').first().click(); // back
    await page.waitForFunction(
      () => document.querySelector('.pictogram-answer[aria-pressed="true"]') !== null,
    );
    expect(
      await page.locator('.pictogram-answer[aria-pressed="true"]').getAttribute('data-value'),
    ).toBe('5');
    await page.close();
  });
  it('keeps pictogram mode through a reload mid-session, and ends it with the session', async () => {
    const page = await fx.browser.newPage();
    await page.clock.install();
    const kiosk = await startWithPictograms(page);
    for (const v of [3, 4]) {
      const p = await kiosk.progress();
      await page.locator(`.pictogram-answer[data-value="${v}"]`).click();
      await page.locator(`.pictogram-answer[data-value="${v}"]`).click();
      await page.waitForFunction(
        (b) => document.querySelector('.progress-label')?.textContent !== b,
        p,
      );
    }
    await page.reload();
    await page.getByText('Vraag 3 van 27').waitFor();
    expect(await page.locator('.pictogram-answer').count()).toBe(5);
    expect(await page.locator('.answers').count()).toBe(0);
    // The idle countdown ends the session: the next client starts with text answers.
    await page.clock.fastForward(91_000);
    await page.getByRole('alertdialog').waitFor();
    await page.clock.fastForward(31_000);
    await kiosk.expectScreen('welcome');
    expect(await page.locator('.pictogram-toggle').getAttribute('aria-pressed')).toBe('false');
    await page.reload();
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    expect(await page.locator('.answers button').count()).toBe(5);
    expect(await page.locator('.pictogram-answer').count()).toBe(0);
    await page.close();
  });
});
