// Issue 13 §1 in Chromium against the real server: the coordinator exports English as XLIFF, a translator edits one
// statement, the import shows the server's refusal for a broken file and the diff for a good one, applying makes
// version 1, the review page shows the new text beside the Dutch and takes a review status per string.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { until } from './harness.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { dumpTablet, seedEnrollment } from './pages/TabletStore.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { COORDINATOR, syncServerAndBrowser } from './syncServer.ts';

const ITEM = 'instrument.pilot-2019.v1:items.A1';
const OLD = 'It is good to keep to the rules of the benefit.';
const NEW = 'Keeping to the rules of the benefit is a good thing.';

const fx = syncServerAndBrowser();

describe('translator workflow in the workspace', () => {
  it('exports XLIFF, refuses a broken file, shows the diff of a good one, applies it and reviews per string', async () => {
    const context = await fx.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    await new WorkspacePage(page, fx.server.url).signIn(COORDINATOR.username, COORDINATOR.password);
    await page.goto(`${fx.server.url}/werkplek/beheer/talen`);
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
    const broken = xml.replace(
      /(<unit id="kiosk:consent\.default_text"[\s\S]*?<target>)[\s\S]*?(<\/target>)/,
      '$1No agency here.$2',
    );
    await page.setInputFiles('#xliff-file', file(broken));
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('kiosk:consent.default_text: placeholders differ');

    // The translator's file: one statement reworded.
    await page.setInputFiles(
      '#xliff-file',
      file(xml.replace(`<target>${OLD}</target>`, `<target>${NEW}</target>`)),
    );
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
    expect(await review.innerText()).toContain(
      'Het is goed om je aan de regels van de uitkering te houden.',
    );
    expect(await review.getAttribute('data-status')).toBe('draft');
    await review.locator('select').selectOption('approved');
    await until(
      'the string approved',
      async () => (await review.getAttribute('data-status')) === 'approved',
    );
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

  it('reaches tablets through the config: the welcome screen shows the new texts and only the languages switched on, a running session keeps its own', async () => {
    const onTablet = async (name: string) => {
      const page = await (await fx.browser.newContext()).newPage();
      await page.goto(fx.server.url);
      const kiosk = new KioskPage(page);
      await kiosk.expectScreen('welcome');
      await seedEnrollment(page, fx.server.url, await fx.server.enroll(name));
      await page.reload();
      await kiosk.expectScreen('welcome');
      await page.getByRole('button', { name: 'English' }).first().click();
      await page.getByRole('heading', { name: 'Welcome', exact: true }).waitFor();
      return { page, kiosk };
    };
    const idle = await onTablet('Tablet wachtkamer');
    const busy = await onTablet('Tablet balie');
    await busy.page.getByRole('button', { name: 'Start' }).click();
    await busy.kiosk.expectScreen('consent');
    await busy.page.getByRole('heading', { name: 'Why these questions?' }).waitFor();

    // The coordinator imports a new English version (through the same API the workspace uses).
    const office = await (await fx.browser.newContext()).newPage();
    await new WorkspacePage(office, fx.server.url).signIn(
      COORDINATOR.username,
      COORDINATOR.password,
    );
    expect(await idle.page.getByRole('button', { name: 'Polski' }).count()).toBe(1);
    const version = await office.evaluate(async () => {
      const json = { 'content-type': 'application/json', accept: 'application/json' };
      // The coordinator also offers only Dutch and English from now on.
      const settings = (await (await fetch('/api/settings')).json()) as Record<string, unknown>;
      const saved = await fetch('/api/settings', {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ ...settings, languages: ['nl', 'en'] }),
      });
      if (!saved.ok) throw new Error(`settings: ${saved.status}`);
      const xml = await (await fetch('/api/languages/en/xliff')).text();
      const edited = xml
        .replace(
          /(<unit id="kiosk:welcome\.title"[\s\S]*?<target>)Welcome(<\/target>)/,
          '$1Welcome to the agency$2',
        )
        .replace(
          /(<unit id="kiosk:consent\.title"[\s\S]*?<target>)[^<]*(<\/target>)/,
          '$1Why do we ask this?$2',
        );
      const preview = (await (
        await fetch('/api/languages/en/import/preview', {
          method: 'POST',
          headers: json,
          body: JSON.stringify({ xliff: edited }),
        })
      ).json()) as { baseVersion: number; changes: unknown[] };
      const applied = await fetch('/api/languages/en/import', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ xliff: edited, baseVersion: preview.baseVersion }),
      });
      return ((await applied.json()) as { version: number }).version;
    });
    expect(version).toBe(2);

    // One sync round on each tablet stores the new version.
    for (const t of [idle, busy]) {
      await t.page.evaluate(() => window.dispatchEvent(new Event('online')));
      await until('version 2 of English stored on the tablet', async () => {
        const settings = (await dumpTablet(t.page)).settings as { key: string; value: unknown }[];
        const texts = settings.find((s) => s.key === 'languageTexts')?.value as
          { code: string; version: number }[] | undefined;
        return texts?.some((x) => x.code === 'en' && x.version === 2) ?? false;
      });
    }
    // Between clients: at once, and only the languages the coordinator switched on are offered.
    await idle.page.getByRole('heading', { name: 'Welcome to the agency' }).waitFor();
    await until(
      'Polish no longer offered',
      async () => (await idle.page.getByRole('button', { name: 'Polski' }).count()) === 0,
    );
    expect(await idle.page.getByRole('button', { name: 'English' }).count()).toBe(1);
    // The client answering keeps the texts they started with.
    expect(await busy.page.getByRole('heading', { name: 'Why these questions?' }).count()).toBe(1);
    expect(await busy.page.getByText('Why do we ask this?').count()).toBe(0);
  });
});
