// Staff mode in Chromium: after a full questionnaire the profile shows the pilot's 93,75% and the advice.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appAndBrowser } from './harness.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { StaffPage } from './pages/StaffPage.ts';

const fx = appAndBrowser();

const instrument = JSON.parse(
  readFileSync(
    resolve(import.meta.dirname, '../../src/shared/instruments/pilot-2019.v1.json'),
    'utf8',
  ),
) as { scales: { id: string; advice?: { full: string } }[] };
const advice = (id: string) => instrument.scales.find((s) => s.id === id)?.advice?.full ?? '';

describe('staff mode', () => {
  it('shows 93,75% for verbondenheid and the full advice for each dominant posture', async () => {
    const page = await fx.browser.newPage({ viewport: { width: 1000, height: 1300 } });
    const kiosk = new KioskPage(page);
    await page.goto(fx.app.url);
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    await kiosk.answerUntilReview();
    await kiosk.submit();
    await page.getByRole('button', { name: 'Klaar' }).click();
    await kiosk.expectScreen('welcome');

    const staff = new StaffPage(page);
    await staff.open();
    await staff.openNewestProfile();
    expect(await staff.postureValue('verbondenheid')).toBe('93,75%');
    // PILOT_ANSWERS: overgave 4,4,3 → 66,67%; weerstand 4,4,5,4,5 → 85%; onthechting 43,75%; omzeiling 8,33%.
    expect(await staff.postureValue('overgave')).toBe('66,67%');
    expect(await staff.postureValue('weerstand')).toBe('85%');
    expect(await staff.dominant()).toEqual(['verbondenheid', 'overgave', 'weerstand']);
    // Deferent and defiant postures both dominant: the mixed-profile advice (enforcement pyramid) comes first.
    expect(await staff.adviceShown()).toEqual(['mixed', 'verbondenheid', 'overgave', 'weerstand']);
    for (const p of ['verbondenheid', 'overgave', 'weerstand'])
      expect(await page.locator(`[data-advice="${p}"]`).textContent()).toContain(advice(p));
    expect(await page.getByTestId('imago').textContent()).toBe(
      'Cliënt ziet Werkplein Drentsche Aa vooral als een begeleider met een score van 5 uit 5. ' +
        'Daarnaast scoorde Werkplein Drentsche Aa als politieagent een 4 uit 5 en als leraar een 2 uit 5.',
    );
    expect(await page.getByTestId('desirability-caution').textContent()).toContain('4,2 uit 5');
    await page.screenshot({
      path: resolve(import.meta.dirname, '../../test-results/staff-profile.png'),
      fullPage: true,
    });
    await page.close();
  });

  it('lets staff resume an interrupted session for its client', async () => {
    const ctx = await fx.browser.newContext();
    const page = await ctx.newPage();
    await page.clock.install();
    const kiosk = new KioskPage(page);
    await page.goto(fx.app.url);
    await kiosk.startAndConsent();
    await kiosk.fillDetails({
      first: 'Onderbroken',
      last: 'Klant',
      day: '1',
      month: '1',
      year: '1980',
    });
    await kiosk.answer(2);
    await page.clock.fastForward(91_000);
    await page.getByRole('alertdialog').waitFor();
    await page.clock.fastForward(31_000);
    await kiosk.expectScreen('welcome');
    const staff = new StaffPage(page);
    await staff.open();
    await page.getByRole('button', { name: /Onderbroken vragenlijsten \(1\)/ }).click();
    await page.getByRole('button', { name: 'Hervatten' }).click();
    await kiosk.expectScreen('item');
    expect(await kiosk.progress()).toBe('Vraag 2 van 27');
    await ctx.close();
  });
});
