// The client's summary in Chromium: Tigrinya and Arabic text get the fonts the product ships (not a fallback box),
// and the sheet prints on exactly one A4 page in Dutch, Arabic and Tigrinya. With SUMMARY_SHOTS=<folder> it also
// saves screenshots at A4 print size and at 1280 px, for a person to look at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetupCode } from '../../src/server/auth/setupCode.ts';
import type { ServerKey } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { makeRecord } from '../server/helpers.ts';
import { launchBrowser, until } from './harness.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { startSyncServer, type SyncServer } from './syncServer.ts';

let server: SyncServer;
let browser: Browser;
let clientId = '';
const PASSWORD = 'een lange zin als wachtwoord';
const SHOTS = process.env.SUMMARY_SHOTS;

beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchBrowser();
  const setupCode = await createSetupCode(server.db, Date.now());
  const setup = await fetch(`${server.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ setupCode, name: 'Cora', username: 'cora', password: PASSWORD }),
  });
  expect(setup.status).toBe(201);
  const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  await fetch(`${server.url}/api/retention`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ days: 730 }),
  });
  // A Tigrinya-speaking client whose name is in Ethiopic script, answering everything "eens" or "geheel eens".
  const enrolled = (await server.enroll('Tablet 1')) as { token: string; serverKey: ServerKey };
  const base = makeRecord();
  const answers = Object.fromEntries(
    Object.keys(base.answers).map((id, i) => [id, i % 3 === 0 ? 5 : 4]),
  );
  const record = makeRecord({
    answers,
    language: 'ti',
    languagesUsed: ['ti'],
    details: { gender: 'female', firstName: 'ሰላም', lastName: 'ተስፋይ', dateOfBirth: '1990-02-03' },
    completedAt: Date.now() - 60_000,
  });
  const sent = await fetch(`${server.url}/api/sync/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
    body: JSON.stringify({ sessions: [await sealRecord(record, enrolled.serverKey)] }),
  });
  expect(sent.status).toBe(200);
  const r = await server.db.query<{ id: string }>('SELECT id::text AS id FROM clients LIMIT 1');
  clientId = r.rows[0]?.id ?? '';
});
afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

async function openSummary(page: Page, lang: string): Promise<void> {
  await page.goto(`${server.url}/werkplek/clients/${clientId}/samenvatting`);
  await page.waitForSelector('[data-testid=summary-sheet]');
  await page.selectOption('[data-testid=summary-language]', lang);
  await page.waitForSelector(`[data-testid=summary-sheet][lang=${lang}]`);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The number of pages in a PDF Chromium made. */
const pageCount = (pdf: Buffer): number =>
  (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;

describe('client summary in the browser', () => {
  it('loads the shipped Ethiopic and Arabic-script fonts for Tigrinya and Arabic text', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await new WorkspacePage(page, server.url).signIn('cora', PASSWORD);
    // The client list already shows the name in Ethiopic script.
    await until('the Ethiopic font for the name in the client list', () =>
      page.evaluate(() =>
        [...document.fonts].some(
          (f) => f.family.includes('Noto Sans Ethiopic') && f.status === 'loaded',
        ),
      ),
    );
    await openSummary(page, 'ti');
    const ti = await page.evaluate(() => ({
      check: document.fonts.check('16px "Noto Sans Ethiopic Variable"', 'ውጽኢትኩም'),
      loaded: [...document.fonts]
        .filter((f) => f.status === 'loaded')
        .map((f) => f.family.replace(/"/g, '')),
      family: getComputedStyle(document.querySelector('.summary-sheet h1')!).fontFamily,
    }));
    expect(ti.check).toBe(true);
    expect(ti.loaded).toContain('Noto Sans Ethiopic Variable');
    expect(ti.family).toMatch(/^["']?Noto Sans Ethiopic Variable/);
    await openSummary(page, 'ar');
    await until('the Arabic-script font for the Arabic summary', () =>
      page.evaluate(() =>
        [...document.fonts].some((f) => f.family.includes('Vazirmatn') && f.status === 'loaded'),
      ),
    );
    await context.close();
  });

  it('prints on exactly one A4 page in Dutch, Arabic and Tigrinya', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await new WorkspacePage(page, server.url).signIn('cora', PASSWORD);
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    for (const lang of ['nl', 'ar', 'ti']) {
      await openSummary(page, lang);
      if (SHOTS)
        await page.screenshot({ path: join(SHOTS, `summary-${lang}-1280.png`), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      expect(pageCount(pdf), lang).toBe(1);
      if (SHOTS) {
        await page.setViewportSize({ width: 794, height: 1123 });
        await page.screenshot({ path: join(SHOTS, `summary-${lang}-a4.png`), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 900 });
      }
      await page.emulateMedia({ media: 'screen' });
    }
    await context.close();
  });

  it('reads the Arabic summary aloud sentence by sentence, marking the sentence, with pause and stop', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const speech: { status: number; type: string | null; text: string }[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/speech/sentence'))
        speech.push({
          status: r.status(),
          type: r.headers()['content-type'] ?? null,
          text: new URL(r.url()).searchParams.get('text') ?? '',
        });
    });
    await new WorkspacePage(page, server.url).signIn('cora', PASSWORD);
    await openSummary(page, 'ar');
    await page.click('[data-testid=read-aloud-start]');
    const audio = page.locator('[data-testid=read-aloud-audio]');
    // The audio really plays: its clock advances.
    await until('the first sentence playing', () =>
      audio.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime > 0.2),
    );
    // The marked sentence is the sheet's title, said as it is written, in the sheet's language.
    const marked = () =>
      page.evaluate(() => {
        const h = CSS.highlights.get('read-aloud');
        const r = h ? ([...h][0] as Range | undefined) : undefined;
        return r ? r.toString() : null;
      });
    const title = await page.locator('.summary-sheet h1').innerText();
    expect(await marked()).toBe(title.trim());
    expect(speech[0]).toEqual({ status: 200, type: 'audio/mpeg', text: title.trim() });

    await page.click('[data-testid=read-aloud-pause]');
    const held = await audio.evaluate((a: HTMLAudioElement) => a.currentTime);
    await until('paused', () => audio.evaluate((a: HTMLAudioElement) => a.paused));
    expect(await audio.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeCloseTo(held, 1);
    await page.click('[data-testid=read-aloud-resume]');
    // On to the next sentences, up to the date: the figures asked for are the ones the sheet shows.
    await until('the date sentence', () =>
      Promise.resolve(speech.some((x) => /[0-9٠-٩]/.test(x.text))),
    );
    const sheetText = (await page.locator('.summary-sheet').innerText()).replace(/\s+/g, ' ');
    for (const x of speech) {
      expect(x.status).toBe(200);
      expect(sheetText).toContain(x.text);
    }
    expect(await page.locator('[data-testid=read-aloud-position]').innerText()).toMatch(/[2-9]/);

    await page.click('[data-testid=read-aloud-stop]');
    await until(
      'stopped',
      async () =>
        (await page.locator('[data-testid=read-aloud]').getAttribute('data-phase')) === 'idle',
    );
    expect(await marked()).toBeNull();
    expect(await audio.evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
    await context.close();
  });
});
