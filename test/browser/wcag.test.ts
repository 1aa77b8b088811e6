// WCAG 2.1 AA beyond axe, in real Chromium: keyboard only, visible focus, 200% text, target size, right-to-left.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appAndBrowser } from './harness.ts';
import { KioskPage, PILOT_ANSWERS } from './pages/KioskPage.ts';
import { dumpTablet } from './pages/TabletStore.ts';
import { focusLook, focusProblem, reflowProblems, smallTargets } from './pages/wcagProbe.ts';

const fx = appAndBrowser();

/**
 * Presses Tab until the focused element matches `selector`, checking the focus indicator of every control it
 * passes; problems go into `seen`.
 */
async function tabTo(page: Page, selector: string, seen: Set<string>): Promise<void> {
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press('Tab');
    const look = await focusLook(page);
    // A heading focused by a new screen (tabindex -1, not a control) may win the race with this key press.
    const problem = look && !look.what.startsWith('h1') && focusProblem(look);
    if (problem) seen.add(problem);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${selector} not reachable with Tab`);
}

/** Fills the details with language-independent selectors (pointer allowed: used by the non-keyboard tests). */
async function fillDetails(page: Page): Promise<void> {
  await page.locator('input[name="gender"]').first().check();
  await page.locator('#field-firstName').fill('Amal');
  await page.locator('#field-lastName').fill('Haddad');
  await page.locator('input[name="dob-day"]').fill('7');
  await page.locator('input[name="dob-month"]').fill('3');
  await page.locator('input[name="dob-year"]').fill('1985');
  await page.locator('main[data-screen="details"] button[type="submit"]').click();
}

const primary = (page: Page, screen: string) =>
  page.locator(`main[data-screen="${screen}"] .screen-actions .primary`);

describe('keyboard and visible focus', () => {
  it('completes the questionnaire with Tab, Enter, Space and arrow keys only, every control showing a 3:1 focus indicator', async () => {
    const page = await fx.browser.newPage({ viewport: { width: 800, height: 1100 } });
    const kiosk = new KioskPage(page);
    const focus = new Set<string>();
    await page.goto(fx.app.url);
    await kiosk.expectScreen('welcome');
    await tabTo(page, 'button[data-language="en"]', focus);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await tabTo(page, 'button[data-language="nl"]', focus); // Tab wraps round to the list again
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    await tabTo(page, 'main[data-screen="welcome"] .primary', focus);
    await page.keyboard.press('Enter');
    await kiosk.expectScreen('consent');
    await tabTo(page, 'main[data-screen="consent"] .primary', focus);
    await page.keyboard.press('Enter');
    await kiosk.expectScreen('details');
    await tabTo(page, 'input[name="gender"]', focus);
    await page.keyboard.press('Space'); // Vrouw
    await page.keyboard.press('ArrowRight'); // Man
    await page.keyboard.press('ArrowLeft'); // back to Vrouw
    expect(await page.getByRole('radio', { name: 'Vrouw' }).isChecked()).toBe(true);
    for (const [field, text] of [
      ['#field-firstName', 'Fatima'],
      ['#field-lastName', 'Jansen'],
      ['input[name="dob-day"]', '7'],
      ['input[name="dob-month"]', '3'],
      ['input[name="dob-year"]', '1985'],
    ] as const) {
      await tabTo(page, field, focus);
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Enter'); // submits the form from the last field
    await kiosk.expectScreen('item');
    let n = 0;
    for (;;) {
      const screen = await page.locator('main[data-screen]').getAttribute('data-screen');
      if (screen === 'review') break;
      const id = await kiosk.currentItem();
      const before = await kiosk.progress();
      await tabTo(page, `.answers button[data-value="${PILOT_ANSWERS[id]}"]`, focus);
      await page.keyboard.press(n++ % 2 === 0 ? 'Enter' : 'Space');
      await page.waitForFunction(
        (b) => document.querySelector('.progress-label')?.textContent !== b,
        before,
      );
    }
    await tabTo(page, 'main[data-screen="review"] .primary', focus);
    await page.keyboard.press('Enter');
    await kiosk.expectScreen('thanks');
    const outbox = (await dumpTablet(page)).outbox as { record: { answers: object } }[];
    expect(outbox.at(-1)?.record.answers).toEqual(PILOT_ANSWERS);
    await tabTo(page, 'main[data-screen="thanks"] .primary', focus);
    expect([...focus]).toEqual([]);
    await page.close();
  });

  it('shows the focus indicator on pressed answers, pictograms and dialog buttons too', async () => {
    const page = await fx.browser.newPage({ viewport: { width: 800, height: 1100 } });
    const kiosk = new KioskPage(page);
    const focus = new Set<string>();
    await page.goto(fx.app.url);
    await kiosk.expectScreen('welcome');
    await page.locator('.pictogram-toggle').click(); // pressed toggle, focused
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, '.pictogram-toggle[aria-pressed="true"]', focus);
    await page.keyboard.press('Enter'); // off again: text buttons
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    await kiosk.answer(4);
    await page.getByRole('button', { name: 'Terug' }).click();
    await page.getByText('Vraag 1 van 27').waitFor();
    await tabTo(page, '.answers button[aria-pressed="true"]', focus);
    await tabTo(page, '.language-button', focus);
    await page.keyboard.press('Enter');
    await tabTo(page, '[role="dialog"] button[aria-pressed="true"]', focus);
    await tabTo(page, '[role="dialog"] .secondary', focus);
    expect([...focus]).toEqual([]);
    await page.close();
  });
});

/** Runs the reflow check at both sizes with the root font at 200%, for the screen on show. */
async function reflowAtBothSizes(page: Page, screen: string, out: string[]): Promise<void> {
  for (const size of [
    { width: 1280, height: 800 },
    { width: 768, height: 1024 },
  ]) {
    await page.setViewportSize(size);
    for (const p of await reflowProblems(page))
      out.push(`${screen} at ${size.width}×${size.height}: ${p}`);
  }
}

describe('200% text and target size', () => {
  it.each(['nl', 'uk', 'ar', 'ti'])(
    'in %s: no sideways scrolling or clipped control at 200% text (1280×800 and 768×1024); targets ≥ 48×48 px',
    async (lng) => {
      const page = await fx.browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.clock.install();
      const kiosk = new KioskPage(page);
      const reflow: string[] = [];
      const small: string[] = [];
      await page.goto(fx.app.url);
      await kiosk.expectScreen('welcome');
      await page.locator(`button[data-language="${lng}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lng);
      small.push(...(await smallTargets(page)).map((s) => `welcome: ${s}`));
      await page.locator('.pictogram-toggle').click();
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await reflowAtBothSizes(page, 'welcome', reflow);

      // Pictogram mode: item, language menu, idle warning.
      await primary(page, 'welcome').click();
      await kiosk.expectScreen('consent');
      await primary(page, 'consent').click();
      await kiosk.expectScreen('details');
      await fillDetails(page);
      await page.locator('.pictogram-answer').first().waitFor();
      await reflowAtBothSizes(page, 'item (pictograms)', reflow);
      await page.evaluate(() => (document.documentElement.style.fontSize = ''));
      small.push(...(await smallTargets(page)).map((s) => `item (pictograms): ${s}`));
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await page.locator('.language-button').click();
      await reflowAtBothSizes(page, 'language menu', reflow);
      await page.getByRole('dialog').locator('.secondary').last().click();
      await page.clock.fastForward(91_000);
      await page.locator('[data-screen="idle"]').waitFor();
      await reflowAtBothSizes(page, 'idle warning', reflow);
      await page.clock.fastForward(31_000);
      await kiosk.expectScreen('welcome');

      // Text answers to the end.
      await page.locator(`button[data-language="${lng}"]`).click();
      await page.waitForFunction((l) => document.documentElement.lang === l, lng);
      await primary(page, 'welcome').click();
      await kiosk.expectScreen('consent');
      await reflowAtBothSizes(page, 'consent', reflow);
      await primary(page, 'consent').click();
      await kiosk.expectScreen('details');
      await page.locator('main[data-screen="details"] button[type="submit"]').click(); // errors show
      await page.locator('.error-summary').waitFor();
      await reflowAtBothSizes(page, 'details (with errors)', reflow);
      await fillDetails(page);
      await kiosk.expectScreen('item');
      await reflowAtBothSizes(page, 'item', reflow);
      await kiosk.answerUntilReview();
      await reflowAtBothSizes(page, 'review', reflow);
      await primary(page, 'review').click();
      await kiosk.expectScreen('thanks');
      await reflowAtBothSizes(page, 'thank-you', reflow);
      expect(reflow).toEqual([]);
      expect(small).toEqual([]);
      await page.close();
    },
  );
});

/** Left and right edges of the first element matching `selector`. */
async function edges(page: Page, selector: string): Promise<{ left: number; right: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} not on screen`);
  return { left: box.x, right: box.x + box.width };
}

describe('right-to-left', () => {
  it.each([
    ['ar', 'rtl'],
    ['fa', 'rtl'],
    ['nl', 'ltr'],
  ] as const)('in %s (%s) buttons, progress and text follow the direction', async (lng, dir) => {
    const page = await fx.browser.newPage({ viewport: { width: 800, height: 1100 } });
    const kiosk = new KioskPage(page);
    await page.goto(fx.app.url);
    await kiosk.expectScreen('welcome');
    await page.locator(`button[data-language="${lng}"]`).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, lng);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe(dir);
    const rtl = dir === 'rtl';
    // The Arabic-script font the product ships (fontsource's entry points) is loaded, not a fallback.
    if (rtl)
      await page.waitForFunction(() =>
        [...document.fonts].some(
          (f) => f.family.replace(/["']/g, '') === 'Vazirmatn' && f.status === 'loaded',
        ),
      );
    /** In rtl the forward button is left of the back button; in ltr right of it. */
    const forwardFirst = async (forward: string, back: string) => {
      const f = await edges(page, forward);
      const b = await edges(page, back);
      return rtl ? f.right <= b.left : b.right <= f.left;
    };
    await primary(page, 'welcome').click();
    await kiosk.expectScreen('consent');
    // A short screen fits the display with the language bar above it: its buttons need no scrolling.
    expect(
      await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight),
    ).toBe(true);
    await primary(page, 'consent').click();
    await kiosk.expectScreen('details');
    expect(await forwardFirst('button[type="submit"]', 'main .screen-actions .secondary')).toBe(
      true,
    );
    await fillDetails(page);
    await kiosk.expectScreen('item');
    for (const v of [5, 4, 2, 3, 1, 5, 4, 2]) await kiosk.answer(v);
    const bar = await edges(page, '.progress-bar');
    const fill = await edges(page, '.progress-fill');
    expect(fill.right - fill.left).toBeCloseTo(((bar.right - bar.left) * 9) / 27, 0);
    if (rtl) expect(Math.abs(fill.right - bar.right)).toBeLessThanOrEqual(1);
    else expect(Math.abs(fill.left - bar.left)).toBeLessThanOrEqual(1);
    expect(
      await forwardFirst('main .screen-actions .link', 'main .screen-actions .secondary'),
    ).toBe(true);
    // Answer text starts at the reading side.
    const answer = await edges(page, '.answers button');
    const text = await page
      .locator('.answers button')
      .first()
      .evaluate((b) => {
        const r = document.createRange();
        r.selectNodeContents(b);
        const box = r.getBoundingClientRect();
        return { left: box.left, right: box.right };
      });
    if (rtl) expect(answer.right - text.right).toBeLessThan(text.left - answer.left);
    else expect(text.left - answer.left).toBeLessThan(answer.right - text.right);
    await kiosk.answerUntilReview();
    expect(
      await forwardFirst('main .screen-actions .primary', 'main .screen-actions .secondary'),
    ).toBe(true);
    // The language button sits at the end of the line: left in rtl, right in ltr.
    const lang = await edges(page, '.language-button');
    if (rtl) expect(lang.left).toBeLessThan(200);
    else expect(lang.right).toBeGreaterThan(600);
    await page.close();
  });
});
