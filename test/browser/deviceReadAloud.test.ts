// The coordinator's device list shows, per enabled language, how each tablet reads aloud (from its status report).
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { COORDINATOR, syncServerAndBrowser } from './syncServer.ts';

const fx = syncServerAndBrowser();

describe('device list', () => {
  it('shows the read-aloud path of each enabled language, and flags one without audio offline', async () => {
    const tablet = (await fx.server.enroll('Tablet balie')) as { token: string };
    const sent = await fetch(`${fx.server.url}/api/devices/status`, {
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
    const page = await fx.browser.newPage({ viewport: { width: 1200, height: 900 } });
    await new WorkspacePage(page, fx.server.url).signIn(COORDINATOR.username, COORDINATOR.password);
    await page.goto(`${fx.server.url}/werkplek/beheer/tablets`);
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
