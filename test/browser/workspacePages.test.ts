// Every workspace page in real Chromium at 1280 px, in Dutch and English: axe-core finds 0 WCAG 2.1 A/AA
// violations, the header is one line, every checkbox is a 24 px target. Also: Beheer's sections keep their address
// after a reload, the audit log filters on the server, the enrollment code shows as a QR code, and a staff member
// with a password the coordinator set chooses their own before anything else.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import type { ServerKey } from '../../src/shared/contract/protocol.ts';
import { makeRecord } from '../server/helpers.ts';
import { PILOT_ANSWERS } from '../fixtures/pilotAnswers.ts';
import { launchBrowser } from './harness.ts';
import { axeViolations, type AxeFinding } from './pages/axe.ts';
import { COORDINATOR, startSyncServer, type SyncServer } from './syncServer.ts';

let server: SyncServer;
let browser: Browser;
let cookie = '';
let clientId = '';
let measurementId = '';
const PASSWORD = COORDINATOR.password;
const FIRST = 'wachtwoord van de coördinator';
/** Set WS_SHOTS=<folder> to keep a screenshot of every page and language there. */
const SHOTS = process.env.WS_SHOTS;

const api = async (method: string, path: string, body?: unknown) => {
  const r = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
  return r.status === 204 ? null : ((await r.json()) as unknown);
};

beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchBrowser();
  cookie = await server.coordinator();
  const sam = (await api('POST', '/api/users', {
    name: 'Sam',
    username: 'sam',
    role: 'staff',
    password: FIRST,
  })) as { id: string };
  // One synced client linked to Sam, so the client, summary and answers pages have content.
  const enrolled = (await server.enroll('Tablet 1')) as { token: string; serverKey: ServerKey };
  const sealed = await sealRecord(
    makeRecord({ sessionId: randomUUID(), answers: PILOT_ANSWERS }),
    enrolled.serverKey,
  );
  const sent = await fetch(`${server.url}/api/sync/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
    body: JSON.stringify({ sessions: [sealed] }),
  });
  expect(sent.status).toBe(200);
  const clients = (await api('GET', '/api/clients')) as { id: string }[];
  clientId = clients[0]?.id ?? '';
  await api('PUT', `/api/clients/${clientId}/link`, { staffId: sam.id });
  const rows = (await api('GET', '/api/measurements')) as { id: string }[];
  measurementId = rows[0]?.id ?? '';
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const findings: (AxeFinding & { page: string; lng: string })[] = [];

/** A fresh context (axe needs the CSP bypassed) at desktop size. */
const desktop = (): Promise<BrowserContext> =>
  browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });

async function signIn(page: Page, username: string, password: string, screen = 'clients') {
  await page.goto(`${server.url}/werkplek/`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('[data-screen=signin] button[type=submit]');
  await page.waitForSelector(`[data-screen=${screen}]`);
}

/** Switches the workspace language with its own toggle and waits for `<html lang>`. */
async function language(page: Page, lng: string) {
  await page.click(`.lang-toggle button[lang=${lng}]`);
  await page.waitForFunction((l) => document.documentElement.lang === l, lng);
}

/** Opens `path`, waits for `ready`, then checks it in nl and en: axe, header on one line, checkbox sizes. */
async function checkPage(page: Page, name: string, path: string, ready: string) {
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector(ready);
  await page.waitForFunction(() => !document.querySelector('.loading-line'));
  for (const lng of ['nl', 'en']) {
    await language(page, lng);
    await page.waitForFunction(() => !document.querySelector('.loading-line'));
    findings.push(...(await axeViolations(page)).map((f) => ({ ...f, page: name, lng })));
    const header = await page.$('.ws-header');
    if (header) {
      const box = await header.boundingBox();
      expect(box?.height, `${name} ${lng}: header height`).toBeLessThan(64);
      // Nothing in the header overlaps: each part ends before the next begins.
      const edges = await page.$$eval('.ws-brand, .ws-header nav li, .ws-user > *', (els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return [r.left, r.right] as const;
        }),
      );
      for (let i = 1; i < edges.length; i++)
        expect(edges[i]?.[0], `${name} ${lng}: header part ${i} overlaps`).toBeGreaterThanOrEqual(
          (edges[i - 1]?.[1] ?? 0) - 0.5,
        );
    }
    const small = await page.$$eval(
      'input[type=checkbox], input[type=radio]',
      (els) =>
        els
          .map((e) => e.getBoundingClientRect())
          .filter((r) => r.width > 0 && (r.width < 24 || r.height < 24)).length,
    );
    expect(small, `${name} ${lng}: checkboxes under 24 px`).toBe(0);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-${lng}.png`, fullPage: true });
  }
}

describe('every workspace page, nl and en', () => {
  it('as coordinator: 0 axe violations, one-line header, 24 px checkboxes', async () => {
    const ctx = await desktop();
    const page = await ctx.newPage();
    await page.goto(`${server.url}/werkplek/`);
    await page.waitForSelector('[data-screen=signin]');
    for (const lng of ['nl', 'en']) {
      await language(page, lng);
      findings.push(...(await axeViolations(page)).map((f) => ({ ...f, page: 'signin', lng })));
    }
    await language(page, 'nl');
    await signIn(page, 'cora', PASSWORD);
    const pages: [string, string, string][] = [
      ['clients', '/werkplek/', '[data-screen=clients]'],
      ['client', `/werkplek/clients/${clientId}`, '[data-screen=client]'],
      ['summary', `/werkplek/clients/${clientId}/samenvatting`, '[data-screen=summary]'],
      ['measurements', '/werkplek/measurements', '[data-screen=measurements]'],
      ['answers', `/werkplek/measurements/${measurementId}`, '[data-screen=answers]'],
      ['dashboard', '/werkplek/dashboard', '[data-screen=dashboard]'],
      ['admin-staff', '/werkplek/beheer/medewerkers', '[data-section=staff]'],
      ['admin-tablets', '/werkplek/beheer/tablets', '[data-section=tablets]'],
      ['admin-languages', '/werkplek/beheer/talen', '[data-section=languages]'],
      ['admin-settings', '/werkplek/beheer/instellingen', '[data-section=settings]'],
      ['admin-data', '/werkplek/beheer/gegevens', '[data-section=data]'],
      ['admin-keys', '/werkplek/beheer/sleutels', '[data-section=keys]'],
      ['admin-audit', '/werkplek/beheer/logboek', '[data-testid=audit]'],
      ['account', '/werkplek/account', '[data-screen=account]'],
    ];
    for (const [name, path, ready] of pages) await checkPage(page, name, path, ready);
    // The tablets section with a fresh enrollment code and its QR code.
    await page.goto(`${server.url}/werkplek/beheer/tablets`);
    await page.fill('.inline-form input', 'Tablet 2');
    await page.click('.inline-form button[type=submit]');
    await page.waitForSelector('[data-testid=enroll-qr]');
    const code = (await page.textContent('[data-testid=enroll-code-value]'))?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    for (const lng of ['nl', 'en']) {
      await language(page, lng);
      findings.push(...(await axeViolations(page)).map((f) => ({ ...f, page: 'enroll', lng })));
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/enroll-code.png`, fullPage: true });
    await ctx.close();
  });

  it('as staff: chooses their own password first, then every staff page passes', async () => {
    const ctx = await desktop();
    const page = await ctx.newPage();
    await signIn(page, 'sam', FIRST, 'first-password');
    for (const lng of ['nl', 'en']) {
      await language(page, lng);
      findings.push(
        ...(await axeViolations(page)).map((f) => ({ ...f, page: 'first-password', lng })),
      );
    }
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/first-password.png`, fullPage: true });
    // Going around the screen gets nothing: the server refuses the session's other requests.
    const refused = await page.evaluate(() =>
      fetch('/api/clients').then((r) => r.json() as Promise<{ error: string }>),
    );
    expect(refused.error).toBe('password_change_required');
    await page.fill('#fp-current', FIRST);
    await page.fill('#fp-next', PASSWORD);
    await page.fill('#fp-repeat', PASSWORD);
    await page.click('[data-screen=first-password] button[type=submit]');
    await page.waitForSelector('[data-screen=clients]');
    for (const [name, path, ready] of [
      ['staff-clients', '/werkplek/', '[data-screen=clients]'],
      ['staff-client', `/werkplek/clients/${clientId}`, '[data-screen=client]'],
      ['staff-summary', `/werkplek/clients/${clientId}/samenvatting`, '[data-screen=summary]'],
      ['staff-account', '/werkplek/account', '[data-screen=account]'],
    ] as const)
      await checkPage(page, name, path, ready);
    await ctx.close();
  });

  it('axe found nothing on any page in either language', () => {
    expect(findings).toEqual([]);
  });
});

describe('Beheer sections and the audit log', () => {
  it('a section keeps its address after a reload; the audit log filters by person and action', async () => {
    const ctx = await desktop();
    const page = await ctx.newPage();
    await signIn(page, 'cora', PASSWORD);
    await page.click('.ws-header nav a[href="/werkplek/beheer"]');
    await page.click('.admin-nav a[href="/werkplek/beheer/logboek"]');
    await page.waitForSelector('[data-testid=audit]');
    expect(new URL(page.url()).pathname).toBe('/werkplek/beheer/logboek');
    await page.reload();
    await page.waitForSelector('[data-testid=audit]');
    expect(await page.getAttribute('.admin-nav a.current', 'href')).toBe(
      '/werkplek/beheer/logboek',
    );
    // Readable words and names, no codes or ids.
    const text = (await page.textContent('[data-testid=audit]')) ?? '';
    expect(text).toContain('Account aangemaakt');
    expect(text).not.toMatch(/user_create|view_profile|[0-9a-f]{8}-[0-9a-f]{4}-/);
    const sam = await page.$eval(
      '[data-testid=audit-person] option:nth-child(3)',
      (o) => (o as HTMLOptionElement).value,
    );
    await page.selectOption('[data-testid=audit-person]', sam);
    await page.selectOption('[data-testid=audit-action]', 'password_change');
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/audit?') && r.url().includes('action=password_change'),
    );
    await page.click('.audit-filters button[type=submit]');
    await filtered;
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=audit] tbody tr').length === 1,
    );
    expect(await page.textContent('[data-testid=audit] tbody')).toContain('Sam');
    const csv = await page.getAttribute('[data-testid=audit-csv]', 'href');
    expect(csv).toContain('action=password_change');
    // The screen language a person chose stays after a reload (it fell back to Dutch).
    await language(page, 'en');
    await page.reload();
    await page.waitForSelector('[data-testid=audit]');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.textContent('.ws-header')).toContain('Sign out');
    await ctx.close();
  });

  it('a coordinator sets a temporary password (confirmed, logged in Dutch words); its owner then chooses their own', async () => {
    const ctx = await desktop();
    const page = await ctx.newPage();
    await signIn(page, 'cora', PASSWORD);
    await page.goto(`${server.url}/werkplek/beheer/medewerkers`);
    await page.click('[data-user=sam] [data-testid=reset-start]');
    await page.waitForSelector('[data-testid=password-reset]');
    expect(await axeViolations(page)).toEqual([]);
    const temporary = await page.inputValue('[data-testid=reset-password]');
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    await page.click('[data-testid=reset-confirm]');
    await page.waitForSelector('[data-testid=staff-accounts] p[role=status]:has-text("Sam")');
    expect(await page.$('[data-testid=password-reset]')).toBeNull();

    // The log says it in words, with the name; its period fields take dd-mm-jjjj like the dashboard's.
    await page.goto(`${server.url}/werkplek/beheer/logboek`);
    await page.waitForSelector('[data-testid=audit]');
    const line = page.locator('[data-testid=audit] tr[data-action=user_update]').first();
    expect(await line.innerText()).toContain('tijdelijk wachtwoord ingesteld voor Sam');
    expect(await page.textContent('[data-testid=audit] tbody')).not.toMatch(
      /account [0-9a-f]{8}|password|staff account/,
    );
    expect(await page.getAttribute('#audit-from', 'placeholder')).toBe('dd-mm-jjjj');
    await page.fill('#audit-from', '1-1-2020');
    await page.press('#audit-from', 'Tab');
    expect(await page.inputValue('#audit-from')).toBe('01-01-2020');
    const filtered = page.waitForResponse(
      (r) => r.url().includes('/api/audit?') && r.url().includes('from=2020-01-01'),
    );
    await page.click('.audit-filters button[type=submit]');
    await filtered;
    await ctx.close();

    const sam = await desktop();
    await signIn(await sam.newPage(), 'sam', temporary, 'first-password');
    await sam.close();
  });
});
