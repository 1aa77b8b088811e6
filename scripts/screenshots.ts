/**
 * Screenshots of every workspace page and every kiosk screen, for a person to look at (issue 12: "look at every
 * screen as a user would"). Starts the real server on the built app (run `npm run build` first) with an embedded
 * database in a temporary folder, seeds a coordinator, a staff member and three synced clients (Dutch, Arabic,
 * Tigrinya), and drives Debian's Chromium. Run it under the browser lock on a shared machine:
 *
 *   flock /tmp/browser.lock npx tsx scripts/screenshots.ts [folder]   # default .scratch/screenshots
 *
 * Kiosk screens in nl, ar and ti at 800×1280 (tablet, portrait) and 1280×800; workspace pages in nl and en at
 * 1280×800, Dutch also at 800×1280; the client summary in nl, ar and ti. File names: <app>-<page>-<lng>-<w>x<h>.png.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createServer } from '../src/server/app.ts';
import { createSetupCode } from '../src/server/auth/setupCode.ts';
import { openPglite } from '../src/server/dbPglite.ts';
import { createEnrollCode } from '../src/server/devices.ts';
import type { ServerKey } from '../src/shared/contract/protocol.ts';
import { sealRecord } from '../src/tablet/sync/seal.ts';
import { PILOT_ANSWERS } from '../test/fixtures/pilotAnswers.ts';
import { makeRecord } from '../test/server/helpers.ts';

const ROOT = resolve(import.meta.dirname, '..');
/** SHOTS_ONLY=kiosk or SHOTS_ONLY=workspace takes one app's screens only. */
const ONLY = process.env.SHOTS_ONLY;
const OUT = resolve(process.argv[2] ?? join(ROOT, '.scratch/screenshots'));
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const PASSWORD = 'een lange zin als wachtwoord';
const KIOSK_LANGUAGES = ['nl', 'ar', 'ti'] as const;
const TABLET = { width: 800, height: 1280 };
const WIDE = { width: 1280, height: 800 };
type Size = { width: number; height: number };

/** Names typed on the details screen per language (an Arabic or Ethiopic name asks for the Latin one too). */
const NAMES: Record<string, { first: string; last: string; latin?: string }> = {
  nl: { first: 'Fatima', last: 'Jansen' },
  ar: { first: 'فاطمة', last: 'الحسن', latin: 'Fatima Al-Hassan' },
  ti: { first: 'ሰላም', last: 'ተስፋይ', latin: 'Selam Tesfay' },
};

let shots = 0;
async function shot(page: Page, name: string, size: Size): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({
    path: join(OUT, `${name}-${size.width}x${size.height}.png`),
    fullPage: true,
  });
  shots++;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'si-shots-'));
  const distDir = join(work, 'dist');
  cpSync(join(ROOT, 'dist'), distDir, { recursive: true });
  const db = await openPglite(join(work, 'pglite'));
  const app = await createServer({ db, distDir, dataDir: work, log: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const ids = await seed(url, db);
    if (ONLY !== 'kiosk') await workspace(browser, url, ids);
    if (ONLY !== 'workspace') await kiosk(browser, url);
  } finally {
    await browser.close();
    await app.close();
    await db.close();
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`${shots} screenshots in ${OUT}`);
}

/** A coordinator (Cora), a staff member (Sam) and three clients answered in nl, ar and ti, linked to Sam. */
async function seed(url: string, db: Awaited<ReturnType<typeof openPglite>>) {
  const setup = await fetch(`${url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      setupCode: await createSetupCode(db, Date.now()),
      name: 'Cora',
      username: 'cora',
      password: PASSWORD,
    }),
  });
  if (setup.status !== 201) throw new Error(`setup: ${setup.status}`);
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const api = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.status === 204 ? null : ((await r.json()) as unknown);
  };
  const sam = (await api('POST', '/api/users', {
    name: 'Sam de Vries',
    username: 'sam',
    role: 'staff',
    password: 'wachtwoord van de coördinator',
  })) as { id: string };
  await api('PUT', '/api/retention', { days: 730 });
  const code = await createEnrollCode(db, 'Tablet 1', Date.now());
  const enrolled = (await (
    await fetch(`${url}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    })
  ).json()) as { token: string; serverKey: ServerKey };
  const sessions = [];
  for (const [i, lng] of KIOSK_LANGUAGES.entries()) {
    const n = NAMES[lng]!;
    const record = makeRecord({
      sessionId: randomUUID(),
      answers: PILOT_ANSWERS,
      reference: null,
      language: lng,
      languagesUsed: [lng],
      details: {
        gender: 'female',
        firstName: n.first,
        lastName: n.last,
        dateOfBirth: `198${i}-03-07`,
        ...(n.latin ? { documentName: n.latin } : {}),
      },
      completedAt: Date.now() - (i + 1) * 3_600_000,
    });
    sessions.push(await sealRecord(record, enrolled.serverKey));
  }
  const sent = await fetch(`${url}/api/sync/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
    body: JSON.stringify({ sessions }),
  });
  if (!sent.ok) throw new Error(`sync: ${sent.status}`);
  const clients = (await api('GET', '/api/clients')) as { id: string }[];
  for (const c of clients) await api('PUT', `/api/clients/${c.id}/link`, { staffId: sam.id });
  const measurements = (await api('GET', '/api/measurements')) as { id: string }[];
  return { clientIds: clients.map((c) => c.id), measurementId: measurements[0]?.id ?? '' };
}

/** Every workspace page as the coordinator, in nl and en (and nl at tablet size); the summary in nl, ar and ti. */
async function workspace(
  browser: Browser,
  url: string,
  ids: { clientIds: string[]; measurementId: string },
) {
  const client = ids.clientIds[0] ?? '';
  const pages: [string, string, string][] = [
    ['clients', '/werkplek/', '[data-screen=clients]'],
    ['client', `/werkplek/clients/${client}`, '[data-screen=client]'],
    ['summary', `/werkplek/clients/${client}/samenvatting`, '[data-testid=summary-sheet]'],
    ['measurements', '/werkplek/measurements', '[data-screen=measurements]'],
    ['answers', `/werkplek/measurements/${ids.measurementId}`, '[data-screen=answers]'],
    ['dashboard', '/werkplek/dashboard', '[data-screen=dashboard]'],
    ['quality', '/werkplek/kwaliteit', 'main'],
    ['beheer', '/werkplek/beheer', 'main'],
    ['beheer-staff', '/werkplek/beheer/medewerkers', '[data-section=staff]'],
    ['beheer-tablets', '/werkplek/beheer/tablets', '[data-section=tablets]'],
    ['beheer-languages', '/werkplek/beheer/talen', '[data-section=languages]'],
    ['beheer-language-ar', '/werkplek/beheer/talen/ar', 'main'],
    ['beheer-settings', '/werkplek/beheer/instellingen', '[data-section=settings]'],
    ['beheer-data', '/werkplek/beheer/gegevens', '[data-section=data]'],
    ['beheer-keys', '/werkplek/beheer/sleutels', '[data-section=keys]'],
    ['beheer-logboek', '/werkplek/beheer/logboek', '[data-testid=audit]'],
    ['account', '/werkplek/account', '[data-screen=account]'],
  ];
  for (const [lng, size] of [
    ['nl', WIDE],
    ['en', WIDE],
    ['nl', TABLET],
  ] as const) {
    const ctx = await browser.newContext({ viewport: size });
    const page = await ctx.newPage();
    await page.goto(`${url}/werkplek/`);
    await page.waitForSelector('[data-screen=signin]');
    await page.click(`.lang-toggle button[lang=${lng}]`);
    await page.waitForFunction((l) => document.documentElement.lang === l, lng);
    await shot(page, `ws-signin-${lng}`, size);
    await page.fill('#username', 'cora');
    await page.fill('#password', PASSWORD);
    await page.click('[data-screen=signin] button[type=submit]');
    await page.waitForSelector('[data-screen=clients]');
    for (const [name, path, ready] of pages) {
      await page.goto(`${url}${path}`);
      await page.waitForSelector(ready);
      await page.waitForFunction(() => !document.querySelector('.loading-line'));
      await shot(page, `ws-${name}-${lng}`, size);
    }
    // The staff list with the temporary-password form open.
    await page.goto(`${url}/werkplek/beheer/medewerkers`);
    await page.click('[data-user=sam] [data-testid=reset-start]');
    await page.waitForSelector('[data-testid=password-reset]');
    await shot(page, `ws-beheer-staff-reset-${lng}`, size);
    await ctx.close();
  }
  // The summary in the clients' languages, and read-aloud marking a sentence.
  const ctx = await browser.newContext({ viewport: WIDE });
  const page = await ctx.newPage();
  await page.goto(`${url}/werkplek/`);
  await page.fill('#username', 'cora');
  await page.fill('#password', PASSWORD);
  await page.click('[data-screen=signin] button[type=submit]');
  await page.waitForSelector('[data-screen=clients]');
  for (const lng of KIOSK_LANGUAGES) {
    await page.goto(`${url}/werkplek/clients/${client}/samenvatting`);
    await page.waitForSelector('[data-testid=summary-sheet]');
    await page.selectOption('[data-testid=summary-language]', lng);
    await page.waitForSelector(`[data-testid=summary-sheet][lang=${lng}]`);
    await shot(page, `ws-summary-${lng}`, WIDE);
  }
  await page.click('[data-testid=read-aloud-start]');
  await page.waitForSelector('[data-testid=read-aloud][data-phase=playing]', { timeout: 60_000 });
  await shot(page, 'ws-summary-reading-ti', WIDE);
  await page.click('[data-testid=read-aloud-stop]');
  await ctx.close();
}

/** Every kiosk screen in nl, ar and ti at both tablet orientations. */
async function kiosk(browser: Browser, url: string) {
  for (const size of [TABLET, WIDE])
    for (const lng of KIOSK_LANGUAGES) {
      const ctx = await browser.newContext({ viewport: size });
      const page = await ctx.newPage();
      const name = (screen: string) => `kiosk-${screen}-${lng}`;
      const screen = (s: string) =>
        page.waitForSelector(`main[data-screen="${s}"]`, { timeout: 30_000 });
      const primary = () => page.locator('main .screen-actions .primary').click();
      await page.goto(url);
      await screen('welcome');
      await page.locator(`button[data-language="${lng}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lng);
      await shot(page, name('welcome'), size);
      await primary();
      await screen('consent');
      await shot(page, name('consent'), size);
      // The language menu a client opens during the session.
      await page.locator('.language-button').first().click();
      await page.waitForSelector('.language-menu [role=dialog]');
      await shot(page, name('language'), size);
      await page.locator('.language-menu [role=dialog] button.secondary').last().click();
      await primary();
      await screen('details');
      await shot(page, name('details-empty'), size);
      await fillDetails(page, lng);
      await shot(page, name('details'), size);
      await page.locator('main[data-screen="details"] button[type="submit"]').click();
      await screen('item');
      await shot(page, name('item'), size);
      for (let i = 0; ; i++) {
        if ((await page.locator('main[data-screen]').getAttribute('data-screen')) === 'review')
          break;
        const before = await page.locator('.progress-label').textContent();
        const id = await page.locator('[data-item]').first().getAttribute('data-item');
        if (i === 4) await page.locator('main .screen-actions .link').click();
        else
          await page
            .locator(`.answers button[data-value="${PILOT_ANSWERS[id ?? ''] ?? 3}"]`)
            .click();
        await page.waitForFunction(
          (b) =>
            document.querySelector('.progress-label')?.textContent !== b ||
            document.querySelector('main[data-screen="review"]') !== null,
          before,
        );
      }
      await shot(page, name('review'), size);
      await primary();
      await screen('thanks');
      await shot(page, name('done'), size);
      await page.goto(url);
      await screen('welcome');
      await page.locator('.staff-entry').click();
      await screen('staff-pin-setup');
      const pins = page.locator('main[data-screen="staff-pin-setup"] input');
      await shot(page, name('staff-pin'), size);
      await pins.nth(0).fill('432198');
      await pins.nth(1).fill('432198');
      await page.locator('main[data-screen="staff-pin-setup"] button[type=submit]').click();
      await screen('staff-home');
      await shot(page, name('staff-home'), size);
      // The client's profile as staff see it on the tablet, and the tablet's settings.
      await page.locator('.staff-nav button.secondary').first().click();
      await screen('staff-completed');
      await page.locator('.staff-row').first().click();
      await screen('staff-profile');
      await shot(page, name('staff-profile'), size);
      // A second client with the answer pictures switched on (the switch is on the welcome screen).
      await page.goto(url);
      await screen('welcome');
      await page.locator(`button[data-language="${lng}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lng);
      await page.locator('.pictogram-toggle').click();
      await primary();
      await screen('consent');
      await primary();
      await screen('details');
      await fillDetails(page, lng);
      await page.locator('main[data-screen="details"] button[type="submit"]').click();
      await screen('item');
      await page.waitForSelector('.pictogram-answer');
      await shot(page, name('item-pictograms'), size);
      await ctx.close();
    }
}

/** Fills the details screen as a client of language `lng` would (with the Latin name for a name in another script). */
async function fillDetails(page: Page, lng: string): Promise<void> {
  const n = NAMES[lng]!;
  await page.locator('input[name="gender"][value="female"]').check();
  await page.locator('input[name="firstName"]').fill(n.first);
  await page.locator('input[name="lastName"]').fill(n.last);
  await page.locator('input[name="dob-day"]').fill('7');
  await page.locator('input[name="dob-month"]').fill('3');
  await page.locator('input[name="dob-year"]').fill('1985');
  if (n.latin) {
    await page.waitForSelector('input[name="documentName"]');
    await page.locator('input[name="documentName"]').fill(n.latin);
  }
}

await main();
