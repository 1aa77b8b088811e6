// The coordinator's device list shows, per enabled language, how each tablet reads aloud (from its status report).
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './harness.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { COORDINATOR, startSyncServer, type SyncServer } from './syncServer.ts';

let server: SyncServer;
let browser: Browser;

beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchBrowser();
  await server.coordinator();
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('device list', () => {
  it('shows the read-aloud path of each enabled language, and flags one without audio offline', async () => {
    const tablet = (await server.enroll('Tablet balie')) as { token: string };
    const sent = await fetch(`${server.url}/api/devices/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet.token}` },
      body: JSON.stringify({
        queued: 0,
        rejected: 0,
        storage: { persisted: true, usageBytes: 3_000_000, quotaBytes: 900_000_000, error: null },
        appVersion: '0.1.0',
        readAloud: { nl: 'voice', ar: 'audio', ti: 'none' },
      }),
    });
    expect(sent.status).toBe(204);
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await new WorkspacePage(page, server.url).signIn(COORDINATOR.username, COORDINATOR.password);
    await page.goto(`${server.url}/werkplek/beheer/tablets`);
    const list = page.getByTestId('devices');
    await list.locator('.readaloud-modes').waitFor();
    expect(
      await list
        .locator('.readaloud-modes li')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-lng'), e.textContent])),
    ).toEqual([
      ['nl', 'Nederlands: stem van de tablet'],
      ['ar', 'Arabisch: geluid op de tablet'],
      ['ti', 'Tigrinya: geen geluid, niet offline'],
    ]);
    await list.screenshot({
      path: resolve(import.meta.dirname, '../../test-results/devices-readaloud.png'),
    });
    await page.close();
  });
});
