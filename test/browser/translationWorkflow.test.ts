// Issue 13 §1 in Chromium against the real server: the coordinator exports English as XLIFF, a translator edits one
// statement, the import shows the server's refusal for a broken file and the diff for a good one, applying makes
// version 1, the review page shows the new text beside the Dutch and takes a review status per string.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSetupCode } from '../../src/server/auth/setupCode.ts';
import { launchBrowser, until } from './harness.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { startSyncServer, type SyncServer } from './syncServer.ts';

let server: SyncServer;
let browser: Browser;
const PASSWORD = 'een lange zin als wachtwoord';
const ITEM = 'instrument.pilot-2019.v1:items.A1';
const OLD = 'It is good to keep to the rules of the benefit.';
const NEW = 'Keeping to the rules of the benefit is a good thing.';

beforeAll(async () => {
  server = await startSyncServer();
  browser = await launchBrowser();
  const setupCode = await createSetupCode(server.db, Date.now());
  const r = await fetch(`${server.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ setupCode, name: 'Cora', username: 'cora', password: PASSWORD }),
  });
  expect(r.status).toBe(201);
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

describe('translator workflow in the workspace', () => {
  it('exports XLIFF, refuses a broken file, shows the diff of a good one, applies it and reviews per string', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await new WorkspacePage(page, server.url).signIn('cora', PASSWORD);
    await page.goto(`${server.url}/werkplek/beheer`);
    await page.getByRole('link', { name: 'English bekijken' }).click();
    await page.waitForSelector('[data-screen=language]');
    await expect.poll(() => page.getByTestId('language-version').innerText()).toContain('Versie 0');

    // Export.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('xliff-export').click(),
    ]);
    expect(download.suggestedFilename()).toBe('slimme-intake-en-v0.xlf');
    const xml = readFileSync(await download.path(), 'utf8');
    expect(xml).toContain('urn:oasis:names:tc:xliff:document:2.0');
    expect(xml).toContain(`<target>${OLD}</target>`);

    // A broken file: the server's problems are listed, nothing is applied.
    const file = (content: string) => ({
      name: 'en.xlf',
      mimeType: 'application/xliff+xml',
      buffer: Buffer.from(content, 'utf8'),
    });
    const broken = xml.replace(/(<unit id="kiosk:consent\.default_text"[\s\S]*?<target>)[\s\S]*?(<\/target>)/, '$1No agency here.$2');
    await page.setInputFiles('#xliff-file', file(broken));
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('kiosk:consent.default_text: placeholders differ');

    // The translator's file: one statement reworded.
    await page.setInputFiles('#xliff-file', file(xml.replace(`<target>${OLD}</target>`, `<target>${NEW}</target>`)));
    const row = page.locator(`[data-testid=import-preview] tr[data-key="${ITEM}"]`);
    await row.waitFor();
    expect(await page.getByTestId('import-preview').innerText()).toContain('1 tekst verandert');
    expect(await row.locator('del').innerText()).toBe(OLD);
    expect(await row.locator('ins').innerText()).toBe(NEW);
    await page.screenshot({ path: 'test-results/translation-diff.png', fullPage: false });

    await page.getByRole('button', { name: 'Toepassen als versie 1' }).click();
    await page.getByTestId('import-applied').waitFor();
    await expect.poll(() => page.getByTestId('language-version').innerText()).toContain('Versie 1');

    // The review list shows the new text beside the Dutch, as a draft; the reviewer approves it.
    const review = page.locator(`tr[data-string="${ITEM}"]`);
    await until('the new text in the review list', async () =>
      (await review.innerText()).includes(NEW),
    );
    expect(await review.innerText()).toContain('Het is goed om je aan de regels van de uitkering te houden.');
    expect(await review.getAttribute('data-status')).toBe('draft');
    await review.locator('select').selectOption('approved');
    await until('the string approved', async () => (await review.getAttribute('data-status')) === 'approved');
    expect(await review.innerText()).toContain('Cora');
    await page.screenshot({ path: 'test-results/translation-review.png', fullPage: false });

    // Back on Beheer the languages panel counts it.
    await page.getByRole('link', { name: 'Terug naar Beheer' }).click();
    const en = page.locator('tr', { has: page.locator('span[lang=en]') });
    await until('coverage with one approved statement', async () =>
      (await en.locator('[data-part=items]').innerText()).includes('1 goedgekeurd'),
    );
    await context.close();
  });
});
