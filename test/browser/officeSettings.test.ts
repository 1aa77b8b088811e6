// Issue 14 §2 in Chromium against the real server: a coordinator changes the consent text in the workspace; after one
// sync round the tablet shows it to the next client, while the client answering at that moment keeps the old text
// (also across a reload); staff mode shows the settings as set by the office, read-only.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { until } from './harness.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { StaffPage } from './pages/StaffPage.ts';
import { dumpTablet, seedEnrollment } from './pages/TabletStore.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { COORDINATOR, syncServerAndBrowser } from './syncServer.ts';

const fx = syncServerAndBrowser();
const NEW_TEXT =
  'Tekst van het kantoor: uw antwoorden zijn alleen voor het gesprek met uw klantmanager.';

const consentText = (page: Page) => page.locator('main[data-screen="consent"]').innerText();

describe('settings from the office', () => {
  it('reach the tablet in one sync round, for the next client only', async () => {
    // The tablet, enrolled, with a client who has just started (consent screen, default text).
    const tablet = await (await fx.browser.newContext()).newPage();
    await tablet.goto(fx.server.url);
    const kiosk = new KioskPage(tablet);
    await kiosk.expectScreen('welcome');
    await seedEnrollment(tablet, fx.server.url, await fx.server.enroll('Tablet balie'));
    await tablet.reload();
    await kiosk.expectScreen('welcome');
    await tablet.getByRole('button', { name: 'Beginnen' }).click();
    await kiosk.expectScreen('consent');
    const oldText = await consentText(tablet);
    expect(oldText).toContain('geen invloed op uw uitkering');

    // The coordinator changes the consent text on Beheer → Instellingen.
    const office = await (await fx.browser.newContext()).newPage();
    await new WorkspacePage(office, fx.server.url).signIn(
      COORDINATOR.username,
      COORDINATOR.password,
    );
    await office.getByRole('link', { name: 'Beheer' }).click();
    await office.getByRole('link', { name: 'Instellingen' }).click();
    await office.waitForSelector('[data-screen=settings] form');
    await office.getByLabel('Tekst over doel en toestemming').fill(NEW_TEXT);
    const configAnswers: number[] = [];
    tablet.on('response', (r) => {
      if (r.url().endsWith('/api/devices/config')) configAnswers.push(r.status());
    });
    await office.getByRole('button', { name: 'Opslaan' }).click();
    await office.getByText('Opgeslagen.').waitFor();
    const savedAt = Date.now();

    // One sync round (the network comes back): the tablet stores the new text.
    await tablet.evaluate(() => window.dispatchEvent(new Event('online')));
    await until('the new consent text on the tablet', async () => {
      const settings = (await dumpTablet(tablet)).settings as { key: string; value: unknown }[];
      const agency = settings.find((s) => s.key === 'agency')?.value as { consentText?: string };
      return agency?.consentText === NEW_TEXT;
    });
    const seconds = (Date.now() - savedAt) / 1000;
    expect(configAnswers).toEqual([200]);
    console.log(`config round trip: ${configAnswers.length} round, ${seconds.toFixed(2)} s`);

    // The client answering now keeps the text they started with, even after a reload.
    expect(await consentText(tablet)).toBe(oldText);
    await tablet.reload();
    await kiosk.expectScreen('consent');
    expect(await consentText(tablet)).toBe(oldText);
    await tablet.getByRole('button', { name: 'Ik doe mee' }).click();
    await kiosk.expectScreen('details');
    await kiosk.fillDetails();
    await kiosk.answerUntilReview();
    await kiosk.submit();
    await tablet.getByRole('button', { name: 'Klaar' }).click();

    // The next client gets the office's text.
    await kiosk.expectScreen('welcome');
    await tablet.getByRole('button', { name: 'Beginnen' }).click();
    await kiosk.expectScreen('consent');
    expect(await consentText(tablet)).toContain(NEW_TEXT);
    await tablet.getByRole('button', { name: 'Ik doe niet mee' }).click();
    await tablet.getByRole('button', { name: 'Klaar' }).click();
    await kiosk.expectScreen('welcome');

    // The first client's record says which settings it ran under: the defaults (version 0), not the new ones.
    await until(
      'the first record on the server',
      async () => (await fx.server.stored()).length === 1,
    );

    // Staff mode: the settings are the office's, read-only.
    await new StaffPage(tablet).open();
    await tablet.getByRole('button', { name: 'Instellingen' }).click();
    await tablet.getByTestId('settings-managed').waitFor();
    expect(await tablet.getByTestId('settings-managed').innerText()).toMatch(
      /^Ingesteld door het kantoor op /,
    );
    expect(await tablet.locator('#set-consent').isDisabled()).toBe(true);
    expect(await tablet.locator('#set-consent').inputValue()).toBe(NEW_TEXT);
    expect(await tablet.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
  });
});
