// Issue 13 §4 in Chromium against the real server, after a revised questionnaire (v2: A1 reworded, A11 added, scale
// leraar dropped) is stored: a client with a v1 and a v2 measurement shows each with its own version's statements and
// wording (client page, answers page, Dutch and English), and Beheer → Vragenlijst makes version 1 current again after
// a confirmation, which the audit log names. Screenshots go to $SCREENSHOT_DIR when set.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { PILOT } from '../server/helpers.ts';
import { recordOn, V2, V2_JSON, V2_TEXTS } from '../server/versionHelpers.ts';
import { launchBrowser } from './harness.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { COORDINATOR, startSyncServer, type SyncServer } from './syncServer.ts';

let server: SyncServer;
let browser: Browser;
let clientId: string;
let v2Measurement: string;
const shots = process.env.SCREENSHOT_DIR;

beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchBrowser();
  const cookie = await server.coordinator();
  const tablet = (await server.enroll('Tablet 1')) as { token: string; serverKey: never };
  const send = async (...records: ReturnType<typeof recordOn>[]) => {
    const sessions = await Promise.all(records.map((r) => sealRecord(r, tablet.serverKey)));
    const r = await fetch(`${server.url}/api/sync/sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessions }),
    });
    return (await r.json()) as SyncResponse;
  };
  const v1 = recordOn(PILOT, 1, 'KLANT-9');
  expect((await send(v1)).receipts[0]?.status).toBe('stored');
  const stored = await fetch(`${server.url}/api/instrument-versions`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ instrument: V2_JSON, translations: V2_TEXTS }),
  });
  expect(stored.status).toBe(201);
  const v2 = { ...recordOn(V2, 2, 'KLANT-9'), completedAt: v1.completedAt + 86_400_000 };
  expect((await send(v2)).receipts[0]?.status).toBe('stored');
  v2Measurement = v2.sessionId;
  const r = await server.db.query<{ id: string }>(
    'SELECT DISTINCT client_id::text AS id FROM measurements',
  );
  clientId = r.rows[0]?.id ?? '';
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const signedIn = async (): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await new WorkspacePage(page, server.url).signIn(COORDINATOR.username, COORDINATOR.password);
  return page;
};
const toEnglish = async (page: Page) => {
  await page.locator('.lang-toggle button[lang=en]').first().click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
};

describe('each measurement with its own questionnaire version', () => {
  it('shows the v2 measurement’s new and reworded statements, in Dutch and English', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/werkplek/clients/${clientId}`);
    await page.getByTestId('measurement-version').waitFor();
    expect(await page.getByTestId('measurement-version').innerText()).toContain('2');
    expect(await page.getByTestId('history').locator('tbody tr').count()).toBe(2);
    if (shots) await page.screenshot({ path: join(shots, 'client-v2-nl.png'), fullPage: true });

    await page.goto(`${server.url}/werkplek/measurements/${v2Measurement}`);
    const a11 = page.locator('table.answers tr', { hasText: 'A11' });
    await a11.waitFor();
    expect(await a11.innerText()).toContain(
      'Ik houd me aan de afspraken die ik met de uitkeringsinstantie maak.',
    );
    const a1 = page.locator('table.answers tr', {
      has: page.locator('th, td', { hasText: /^A1$/ }),
    });
    expect(await a1.innerText()).toContain(
      'Ik vind het goed om me aan de regels van de uitkering te houden.',
    );
    expect(await page.locator('[data-scale=leraar]').count()).toBe(0);
    expect(await page.locator('table.answers').first().innerText()).not.toContain('items.');
    expect(await page.locator('main').innerText()).not.toContain('{{agency}}');
    await toEnglish(page);
    await expect
      .poll(() => a11.innerText())
      .toContain('I keep the agreements I make with the benefits agency.');
    expect(await a1.innerText()).toContain(
      'I think it is good to keep to the rules of the benefit.',
    );
    if (shots) await page.screenshot({ path: join(shots, 'answers-v2-en.png'), fullPage: true });
    await page.close();
  });

  it('makes version 1 current again after a confirmation, and the audit log names it', async () => {
    const page = await signedIn();
    await page.goto(`${server.url}/werkplek/beheer/vragenlijst`);
    const row = (v: number) =>
      page.locator(`[data-testid=instrument-versions] tr[data-version="${v}"]`);
    await row(1).waitFor();
    expect(await row(2).innerText()).toContain('Nieuwe cliënten');
    await row(1).getByRole('button', { name: 'Maak deze versie actueel' }).click();
    const confirm = page.getByTestId('confirm-current');
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(
      'Nieuwe cliënten krijgen dan versie 1 in plaats van versie 2',
    );
    if (shots)
      await page.screenshot({ path: join(shots, 'questionnaire-confirm-nl.png'), fullPage: true });
    await confirm.getByRole('button', { name: 'Ja, maak versie 1 actueel' }).click();
    await page.getByTestId('made-current').waitFor();
    await expect.poll(() => row(1).innerText()).toContain('Nieuwe cliënten');
    expect(await row(2).getByRole('button', { name: 'Maak deze versie actueel' }).count()).toBe(1);
    if (shots) {
      await page.screenshot({ path: join(shots, 'questionnaire-current-nl.png'), fullPage: true });
      await toEnglish(page);
      await page.getByRole('button', { name: 'Make this version current' }).waitFor();
      await page.screenshot({ path: join(shots, 'questionnaire-current-en.png'), fullPage: true });
    }
    await page.goto(`${server.url}/werkplek/beheer/logboek`);
    await expect
      .poll(() => page.locator('main').innerText())
      .toMatch(
        /Andere versie van de vragenlijst actueel gemaakt|Made another questionnaire version current/,
      );
    await page.close();
  });
});
