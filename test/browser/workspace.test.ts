// The office workspace in Chromium against the real server: a staff member without a link who opens a client's URL
// directly is refused (the API answers 403, nothing of a profile on screen).
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetupCode } from '../../src/server/auth/setupCode.ts';
import { launchBrowser } from './harness.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { startSyncServer, type SyncServer } from './syncServer.ts';

let server: SyncServer;
let browser: Browser;
const PASSWORD = 'een lange zin als wachtwoord';

/** Creates the first coordinator through the API and returns its session cookie. */
async function coordinatorCookie(): Promise<string> {
  const setupCode = await createSetupCode(server.db, Date.now());
  const r = await fetch(`${server.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ setupCode, name: 'Cora', username: 'cora', password: PASSWORD }),
  });
  expect(r.status).toBe(201);
  return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchBrowser();
  const cookie = await coordinatorCookie();
  const r = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'Sam', username: 'sam', role: 'staff', password: PASSWORD }),
  });
  expect(r.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('workspace in the browser', () => {
  it('refuses a staff member who opens a client URL they are not linked to', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const ws = new WorkspacePage(page, server.url);
    await ws.signIn('sam', PASSWORD);
    const answer = await ws.openClientByUrl(randomUUID());
    expect(answer.status()).toBe(403);
    const shown = await ws.loadError();
    expect(shown.status).toBe('403');
    expect(shown.text).toContain('geen toegang');
    expect(await ws.showsProfile()).toBe(false);
    await page.close();
  });
});
