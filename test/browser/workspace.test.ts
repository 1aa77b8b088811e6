// The office workspace in Chromium against the real server: a staff member without a link who opens a client's URL
// directly is refused (the API answers 403, nothing of a profile on screen).
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import type { ServerKey } from '../../src/shared/contract/protocol.ts';
import { makeRecord } from '../server/helpers.ts';
import { PILOT_ANSWERS } from '../fixtures/pilotAnswers.ts';
import { launchBrowser } from './harness.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { COORDINATOR, startSyncServer, type SyncServer } from './syncServer.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';

let server: SyncServer;
let cookie = '';
let browser: Browser;
const PASSWORD = COORDINATOR.password;

/** The first password the coordinator gives Sam. */
const FIRST = 'wachtwoord van de coördinator';

beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchBrowser();
  cookie = await server.coordinator();
  const r = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'Sam', username: 'sam', role: 'staff', password: FIRST }),
  });
  expect(r.status).toBe(201);
  // Sam replaces the password the coordinator set, as the workspace asks at the first sign-in.
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'sam', password: FIRST }),
  });
  const samCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const own = await fetch(`${server.url}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: samCookie },
    body: JSON.stringify({ current: FIRST, next: PASSWORD }),
  });
  expect(own.status).toBe(204);
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

/** A tablet (enrolled, sealing to the server's key as the kiosk does) sends one completed pilot session. */
async function tabletSends(sessionId: string) {
  const enrolled = (await server.enroll('Tablet 1')) as { token: string; serverKey: ServerKey };
  const record = makeRecord({ sessionId, answers: PILOT_ANSWERS });
  const sealed = await sealRecord(record, enrolled.serverKey);
  const send = () =>
    fetch(`${server.url}/api/sync/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
      body: JSON.stringify({ sessions: [sealed] }),
    }).then((r) => r.json() as Promise<{ receipts: unknown[]; rejected: { status: number }[] }>);
  return send;
}

describe('workspace in the browser', () => {
  it('coordinator links a synced client; the staff member sees 93,75% and the advice', async () => {
    const sessionId = randomUUID();
    const send = await tabletSends(sessionId);
    expect((await send()).receipts).toHaveLength(1);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const ws = new WorkspacePage(page, server.url);
    await ws.signIn(COORDINATOR.username, COORDINATOR.password);
    await ws.openFirstClient();
    await ws.linkTo('Sam');
    const clientId = await ws.currentClientId();
    await ws.signOut();
    await ws.signIn('sam', PASSWORD);
    await ws.openFirstClient();
    expect(await ws.postureValue('verbondenheid')).toBe('93,75%');
    expect(await ws.hasAdviceFor('verbondenheid')).toBe(true);
    // Staff cannot read the settings, yet the imago sentence names the agency (not "de organisatie").
    expect(await page.textContent('#imago-title')).toContain(DEFAULT_SETTINGS.agencyName);
    await ws.signOut();

    // Erasure: the coordinator erases the client; gone from the lists, the export and the database; replay refused.
    await ws.signIn(COORDINATOR.username, COORDINATOR.password);
    await ws.openFirstClient();
    await ws.eraseClient();
    expect(await ws.clientRows()).toBe(0);
    const exported = await fetch(`${server.url}/api/export/measurements.json`, {
      headers: { cookie },
    });
    expect(await exported.text()).not.toContain(sessionId);
    const rows = await server.db.query('SELECT 1 FROM measurements WHERE session_id = $1', [
      sessionId,
    ]);
    expect(rows.rows).toHaveLength(0);
    const clients = await server.db.query('SELECT 1 FROM clients WHERE id::text = $1', [clientId]);
    expect(clients.rows).toHaveLength(0);
    expect((await send()).rejected[0]?.status).toBe(410);
    await page.close();
  });

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
