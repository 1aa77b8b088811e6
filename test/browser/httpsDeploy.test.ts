// Deployed as an agency would: the server serves HTTPS itself (TLS_CERT/TLS_KEY, a throwaway certificate) on a host name
// that is not loopback. A tablet enrols through staff mode with a code from the workspace, completes a session offline
// and syncs; plain http is redirected. On plain http at that host name (a server without TLS) staff see the clear
// insecure-context screen, not a PIN form that fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startApp, type AppServer } from './harness.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { StaffPage } from './pages/StaffPage.ts';
import { dumpTablet } from './pages/TabletStore.ts';

const HOST = 'intake.test';
let certDir: string;
let secure: AppServer;
let plain: AppServer;
let browser: Browser;
let redirectPort: number;

const portOf = (url: string) => Number(new URL(url).port);
const onHost = (app: AppServer, scheme: 'http' | 'https') =>
  `${scheme}://${HOST}:${portOf(app.url)}/`;

beforeAll(async () => {
  certDir = mkdtempSync(join(tmpdir(), 'si-cert-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${HOST}`,
    '-addext', `subjectAltName=DNS:${HOST}`,
    '-keyout', join(certDir, 'key.pem'), '-out', join(certDir, 'cert.pem'),
  ], { stdio: 'ignore' }); // prettier-ignore
  redirectPort = 20_000 + Math.floor(Math.random() * 20_000);
  secure = await startApp({
    TLS_CERT: join(certDir, 'cert.pem'),
    TLS_KEY: join(certDir, 'key.pem'),
    HTTP_REDIRECT_PORT: String(redirectPort),
  });
  plain = await startApp();
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
      '--ignore-certificate-errors',
    ],
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([secure?.dispose(), plain?.dispose()]);
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

/** A workspace call from inside the page (the page's host resolver and cookies), as the office app makes it. */
async function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const r = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: r.status, json: (await r.json()) as unknown };
    },
    { method, path, body },
  );
}

/** Creates the first coordinator with the setup code the server printed, and asks the workspace for a tablet code. */
async function enrollCodeFromWorkspace(page: Page): Promise<string> {
  const setupCode = /setup code:\s+([0-9A-Z-]{19})/.exec(secure.output())?.[1];
  expect(setupCode, secure.output()).toBeDefined();
  const setup = await call(page, 'POST', '/api/auth/setup', {
    setupCode,
    name: 'Coördinator',
    username: 'coord',
    password: 'een lang wachtwoord',
  });
  expect(setup.status).toBe(201);
  const code = await call(page, 'POST', '/api/enroll-codes', { name: 'Tablet https' });
  expect(code.status).toBe(201);
  return (code.json as { code: string }).code;
}

describe('deployed over https on a host name', () => {
  it('prints the workspace address, redirects http, enrols, completes a session offline and syncs it', async () => {
    expect(secure.output()).toContain(`https://127.0.0.1:${portOf(secure.url)}/werkplek/`);
    const ctx = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await ctx.newPage();
    const base = onHost(secure, 'https');
    // Plain http on the redirect port lands on the https address, same path.
    await page.goto(`http://${HOST}:${redirectPort}/`);
    expect(page.url()).toBe(base);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    const kiosk = new KioskPage(page);
    await kiosk.expectScreen('welcome');

    const code = await enrollCodeFromWorkspace(page);
    const staff = new StaffPage(page);
    await staff.open(); // the PIN is hashed with WebCrypto: this is what fails over http
    await expect
      .poll(() => page.getByLabel('Adres van de server').inputValue())
      .toBe(base.slice(0, -1));
    await page.getByLabel('Koppelcode').fill(code);
    await page.getByRole('button', { name: 'Koppel deze tablet' }).click();
    await page.getByText('“Tablet https”').waitFor();
    await page.getByRole('button', { name: 'Terug naar het welkomstscherm' }).first().click();
    await kiosk.expectScreen('welcome');

    // Offline: the service worker serves the app after a reload, and a whole session is stored sealed.
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.ready).active !== null,
      null,
      {
        timeout: 90_000,
      },
    );
    if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null)))
      await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await ctx.setOffline(true);
    await page.reload();
    await kiosk.expectScreen('welcome');
    await kiosk.startAndConsent();
    await kiosk.fillDetails({ first: 'Hasna', last: 'Https', day: '3', month: '4', year: '1985' });
    await kiosk.answerUntilReview();
    await kiosk.submit();
    await page.getByRole('button', { name: 'Klaar' }).click();
    await kiosk.expectScreen('welcome');
    const offline = await dumpTablet(page);
    expect(offline.outbox).toHaveLength(1);
    expect(JSON.stringify(offline)).not.toContain('Https');

    await ctx.setOffline(false);
    await expect
      .poll(async () => (await dumpTablet(page)).outbox?.length, { timeout: 60_000 })
      .toBe(0);
    const clients = await call(page, 'GET', '/api/clients');
    expect(JSON.stringify(clients.json)).toContain('Hasna');
    await ctx.close();
  });

  it('over plain http on that host name shows the staff screen with the https address, not a PIN form', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(onHost(plain, 'http'));
    const screen = page.locator('main[data-screen="insecure-context"]');
    await screen.waitFor();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    expect(await screen.getByRole('alert').textContent()).toContain('geopend via http');
    expect(await screen.textContent()).toContain('pincode');
    expect(await page.getByTestId('https-address').getAttribute('href')).toBe(`https://${HOST}/`);
    expect(await page.getByRole('button', { name: 'Medewerker' }).count()).toBe(0);
    expect(await page.locator('input').count()).toBe(0);
    await page.screenshot({ path: join(tmpdir(), 'si-insecure-context.png') });
    await ctx.close();
  });
});
