// Issue 13 §4 in Chromium against the real server: Beheer → Vragenlijst lists the shipped version, refuses a revised
// questionnaire whose translations are incomplete (the problems listed, nothing stored), shows the diff of a complete
// one (one statement changed, one added, a scale dropped), stores it as version 2 and lists it as the tablets' version.
// Screenshots of the page in Dutch and English at 1280 px go to $SCREENSHOT_DIR when set.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { COORDINATOR, syncServerAndBrowser } from './syncServer.ts';

const fixture = (name: string) =>
  readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
const V2 = fixture('pilot-2019.v2.json');
const TEXTS = JSON.parse(fixture('pilot-2019.v2.translations.json')) as Record<string, object>;
const json = (name: string, content: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content), 'utf8'),
});

const fx = syncServerAndBrowser();

describe('Beheer → Vragenlijst', () => {
  it('refuses an incomplete upload with its problems, shows the diff of a good one and stores it as version 2', async () => {
    const page = await fx.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await new WorkspacePage(page, fx.server.url).signIn(COORDINATOR.username, COORDINATOR.password);
    await page.goto(`${fx.server.url}/werkplek/beheer`);
    await page.getByRole('link', { name: 'Vragenlijst', exact: true }).click();
    await page.waitForURL(/\/werkplek\/beheer\/vragenlijst$/);
    const rows = page.locator('[data-testid=instrument-versions] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);

    // Per-language files, English missing: refused, with the problem in words.
    const others = Object.fromEntries(Object.entries(TEXTS).filter(([code]) => code !== 'en'));
    await page.setInputFiles('#instrument-file', json('pilot-2019.v2.json', V2));
    await page.setInputFiles(
      '#translation-files',
      Object.entries(others).map(([code, texts]) => json(`${code}.json`, texts)),
    );
    await page.getByRole('button', { name: 'Controleren' }).click();
    const refused = page.getByTestId('version-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('De vertaling in en ontbreekt');
    await expect.poll(() => rows.count()).toBe(1);

    // One file with every language: the diff, then stored.
    await page.setInputFiles('#translation-files', json('vertalingen.json', TEXTS));
    await page.getByRole('button', { name: 'Controleren' }).click();
    const diff = page.getByTestId('version-diff');
    await diff.waitFor();
    expect(await diff.locator('tr[data-item=A1]').getAttribute('data-change')).toBe('changed');
    expect(await diff.locator('tr[data-item=A11]').getAttribute('data-change')).toBe('added');
    expect(await diff.locator('tr[data-item=B6]').getAttribute('data-change')).toBe('removed');
    expect(await diff.locator('li[data-scale=leraar]').getAttribute('data-change')).toBe('removed');
    const shots = process.env.SCREENSHOT_DIR;
    if (shots)
      await page.screenshot({ path: join(shots, 'questionnaire-diff-nl.png'), fullPage: true });
    await page.getByRole('button', { name: 'Opslaan als versie 2' }).click();
    await page.getByTestId('version-stored').waitFor();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-version')).toBe('2');
    expect(await rows.first().innerText()).toContain('Nieuwe cliënten');
    if (shots) {
      await page.screenshot({ path: join(shots, 'questionnaire-nl.png'), fullPage: true });
      await page.locator('.lang-toggle button[lang=en]').first().click();
      await page.getByRole('heading', { name: 'Questionnaire' }).waitFor();
      await page.screenshot({ path: join(shots, 'questionnaire-en.png'), fullPage: true });
    }
    await page.close();
  });
});
