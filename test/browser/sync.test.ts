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
  // The session screens, storage verbs and sync load right after the welcome screen (not part of the first load); a
  // tablet goes offline only after it has them, as a real one does after being opened once online.
  await page.waitForLoadState('networkidle', { timeout: 90_000 });
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
    // By default a profile preview stays until the end of the day (the staff member who takes the tablet back sees
    // it): sealed records only, no answers, no last name or date of birth.
    const after = await dumpTablet(page);
    expect(after.answers ?? []).toHaveLength(0);
    const afterText = JSON.stringify(after);
    expect(afterText).not.toContain('Testpersoon');
    expect(afterText).not.toContain('1990-02-02');
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

  it('backs off during a 20 s outage whatever triggers it: at most 10 requests, and the session arrives one step after', async () => {
    const { ctx, page, kiosk } = await enrolledTablet('Tablet outage');
    const before = (await server.stored()).length;
    const OUTAGE_MS = 20_000;
    // The server answers 503 to every sync call (sessions, status, configuration) for 20 s from the first one.
    let outageEndsAt = Infinity;
    const during: number[] = [];
    await ctx.route(/\/api\/(sync|devices)\//, async (route) => {
      const now = Date.now();
      if (outageEndsAt === Infinity) outageEndsAt = now + OUTAGE_MS;
      if (now >= outageEndsAt) return route.continue();
      during.push(now);
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: '{"error":"unavailable","message":"down for maintenance"}',
      });
    });
    await completeAs(kiosk, 'Dewi'); // completion: the first request, which starts the outage
    await until('the first request', () => Promise.resolve(during.length > 0));
    // Every other trigger, over and over, until the server returns: network back, page visible, a start (reload),
    // and Background Sync (registered while offline, fired by Chromium when the network returns).
    // The triggers fire at every poll until the last second of the outage.
    let reloaded = false;
    await until('the last second of the outage, triggering all along', async () => {
      await page.evaluate(() => {
        window.dispatchEvent(new Event('online'));
        document.dispatchEvent(new Event('visibilitychange'));
      });
      if (!reloaded && Date.now() > outageEndsAt - OUTAGE_MS / 2) {
        reloaded = true;
        // A trigger while offline registers Background Sync; Chromium fires it when the network returns.
        await ctx.setOffline(true);
        await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
        await ctx.setOffline(false);
        await page.reload();
        await kiosk.expectScreen('welcome');
      }
      return Date.now() >= outageEndsAt - 1_000;
    });
    expect(reloaded).toBe(true);
    await until('the end of the outage', () => Promise.resolve(Date.now() >= outageEndsAt));
    const dump = await dumpTablet(page);
    const status = (dump.settings as { key: string; value: { retryAt: number } }[]).find(
      (r) => r.key === 'syncStatus',
    )?.value;
    const nextTry = Math.max(status?.retryAt ?? 0, outageEndsAt);
    await until(
      'the session on the server',
      async () => (await server.stored()).length === before + 1,
    );
    const arrivedAfter = Date.now() - outageEndsAt;
    const gaps = during.slice(1).map((t, i) => t - during[i]!);
    console.info(
      `outage ${OUTAGE_MS} ms: ${during.length} requests from the tablet, gaps ${gaps.join(', ')} ms; ` +
        `arrived ${arrivedAfter} ms after the server returned (next try was due ${nextTry - outageEndsAt} ms after)`,
    );
    expect(during.length).toBeLessThanOrEqual(10);
    // Within one backoff step: at the retry already set when the server came back (plus polling and sending).
    expect(Date.now()).toBeLessThanOrEqual(nextTry + 5_000);
    await ctx.close();
  });
});
