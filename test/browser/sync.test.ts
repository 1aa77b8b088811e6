// The tablet's sync in Chromium against the real server: offline sessions arrive exactly once, through faults.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { launchBrowser, until } from './harness.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { dumpTablet, seedEnrollment } from './pages/TabletStore.ts';
import { startSyncServer, type SyncServer } from './syncServer.ts';

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

const NAMES = ['Amira', 'Bogdan', 'Chidi'];

async function enrolledTablet(
  name: string,
): Promise<{ ctx: BrowserContext; page: Page; kiosk: KioskPage }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(server.url);
  const kiosk = new KioskPage(page);
  await kiosk.expectScreen('welcome');
  await seedEnrollment(page, server.url, await server.enroll(name));
  await page.reload();
  await kiosk.expectScreen('welcome');
  return { ctx, page, kiosk };
}

async function completeAs(kiosk: KioskPage, first: string): Promise<void> {
  await kiosk.startAndConsent();
  await kiosk.fillDetails({ first, last: 'Testpersoon', day: '2', month: '2', year: '1990' });
  await kiosk.answerUntilReview();
  await kiosk.submit();
  await kiosk.page.getByRole('button', { name: 'Klaar' }).click();
  await kiosk.expectScreen('welcome');
}

describe('tablet sync', () => {
  it('sends three sessions completed offline exactly once when the network returns, and keeps no plaintext', async () => {
    const { ctx, page, kiosk } = await enrolledTablet('Tablet offline');
    const before = (await server.stored()).length;
    await ctx.setOffline(true);
    for (const n of NAMES) await completeAs(kiosk, n);

    const offline = await dumpTablet(page);
    expect(offline.outbox).toHaveLength(3);
    expect(offline.answers).toHaveLength(0);
    const text = JSON.stringify(offline);
    for (const n of NAMES) expect(text).toContain(n); // the preview keeps the first name until the receipt
    expect(text).not.toContain('Testpersoon');
    expect(text).not.toContain('1990-02-02');
    for (const row of offline.outbox as { record: unknown; sealed: unknown }[]) {
      expect(row.record).toBeNull();
      expect(row.sealed).not.toBeNull();
    }
    expect((await server.stored()).length).toBe(before);

    await ctx.setOffline(false);
    await until(
      'three sessions on the server',
      async () => (await server.stored()).length === before + 3,
    );
    await until('an empty outbox', async () => (await dumpTablet(page)).outbox?.length === 0);
    const after = await dumpTablet(page);
    expect(after.sessions).toHaveLength(0);
    const afterText = JSON.stringify(after);
    for (const n of NAMES) expect(afterText).not.toContain(n);
    const ids = await server.stored();
    expect(new Set(ids).size).toBe(ids.length);
    await ctx.close();
  });

  it('ends with every session on the server exactly once through aborted requests, lost responses, 500s and a restart', async () => {
    const { ctx, page, kiosk } = await enrolledTablet('Tablet faults');
    const before = await server.stored();
    let calls = 0;
    const faults: ((route: Route) => Promise<void>)[] = [
      (route) => route.abort('connectionreset'), // dropped before the server
      async (route) => {
        await route.fetch(); // the server stores the batch …
        await route.abort('connectionreset'); // … but the receipt never arrives
      },
      (route) =>
        route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"boom"}' }),
      async (route) => {
        await server.restart(); // the server restarts while the batch is under way
        await route.continue();
      },
    ];
    await page.route('**/api/sync/sessions', async (route) => {
      const fault = faults[calls++];
      if (fault) await fault(route);
      else await route.continue();
    });
    await ctx.setOffline(true);
    for (const n of NAMES) await completeAs(kiosk, n);
    await ctx.setOffline(false);
    await until(
      'an empty outbox',
      async () => (await dumpTablet(page)).outbox?.length === 0,
      120_000,
    );
    // Every fault was met after the network returned (the last one lets its request through after the restart).
    expect(calls).toBeGreaterThanOrEqual(faults.length);
    const after = await server.stored();
    expect(after.length).toBe(before.length + 3);
    expect(new Set(after).size).toBe(after.length);
    await ctx.close();
  });
});
