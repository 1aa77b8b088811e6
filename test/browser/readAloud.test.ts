// Read-aloud in real Chromium with no speech voice: every sound must come from the audio packs. Read-everything in
// Arabic through the whole questionnaire, the speaker button on an item, stopping, reload and idle reset.
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, appAndBrowser, tempProfile } from './harness.ts';
import { AudioProbe, attachAudioProbe, type PackFile, type Play } from './pages/AudioProbe.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { KioskPage, PILOT_ANSWERS } from './pages/KioskPage.ts';
import { StaffPage } from './pages/StaffPage.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const kioskTexts = (lng: string) =>
  JSON.parse(readFileSync(resolve(ROOT, 'locales', lng, 'kiosk.json'), 'utf8')) as {
    speech: { read_button: string; read_all: string };
  };
const AR = kioskTexts('ar');
const NS = 'instrument.pilot-2019.v1';
const POSTURES = ['verbondenheid', 'overgave', 'weerstand', 'onthechting', 'omzeiling'];

const fx = appAndBrowser();

type Heard = Play & { pack: PackFile | null };

/** A play on `screen` of the `lng` pack's audio for `key`, while the element `line` was marked. */
const heard =
  (screen: string, lng: string, key: string, line: string) =>
  (p: Heard): boolean =>
    p.screen === screen &&
    p.dialog === null &&
    p.line === line &&
    p.pack?.lng === lng &&
    p.pack.keys.includes(key) &&
    p.error === null;

/** A page on a fresh tablet with the audio probe (sounds played `rate` times faster). */
async function freshTablet(
  b: Browser = fx.browser,
  rate = 1,
): Promise<{ page: Page; probe: AudioProbe }> {
  const ctx = await b.newContext({ viewport: { width: 800, height: 1100 } });
  await attachAudioProbe(ctx, rate);
  const page = await ctx.newPage();
  await page.goto(fx.app.url);
  return { page, probe: new AudioProbe(page) };
}

/** The profile as staff see it on the tablet: each posture's percentage and the dominant ones. */
async function staffProfile(page: Page): Promise<{ values: string[]; dominant: string[] }> {
  const staff = new StaffPage(page);
  await staff.open();
  await staff.openNewestProfile();
  const values = [];
  for (const p of POSTURES) values.push(`${p} ${await staff.postureValue(p)}`);
  return { values, dominant: await staff.dominant() };
}

describe('read-aloud from the audio packs (no speech voice)', () => {
  it('reads every screen by itself in Arabic, marks the sentence said, and scores like the same answers in Dutch', async () => {
    // Four times faster: the whole questionnaire read aloud would otherwise take its spoken length.
    const { page, probe } = await freshTablet(fx.browser, 4);
    await probe.learnServerSpeech(fx.app.url, 'ar', DEFAULT_SETTINGS.agencyName);
    const kiosk = new KioskPage(page);
    await kiosk.expectScreen('welcome');
    expect(await page.evaluate(() => speechSynthesis.getVoices().length)).toBe(0);
    await page.locator('button[data-language="ar"]').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    const toggle = page.getByRole('button', { name: AR.speech.read_all });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');

    // Welcome: the title and intro in Arabic, then "choose your language" in each language, from its own pack.
    await probe.waitFor('welcome title', heard('welcome', 'ar', 'kiosk:welcome.title', 'title'));
    await probe.waitFor(
      'welcome intro',
      heard('welcome', 'ar', 'kiosk:welcome.intro', 'welcome.intro'),
    );
    await probe.waitFor('Dutch prompt', heard('welcome', 'nl', 'meta:prompt', 'prompt-nl'));
    await probe.waitFor('English prompt', heard('welcome', 'en', 'meta:prompt', 'prompt-en'));
    await probe.waitFor('Arabic prompt', heard('welcome', 'ar', 'meta:prompt', 'prompt-ar'));

    await kiosk.primary();
    await kiosk.expectScreen('consent');
    await probe.waitFor('consent title', heard('consent', 'ar', 'kiosk:consent.title', 'title'));
    // The consent text names the agency: its name comes from the server's rendering, the rest from the pack.
    await probe.waitFor(
      'consent text',
      (p) => p.screen === 'consent' && p.line === 'para-0' && p.pack?.lng === 'ar',
    );
    await kiosk.primary();
    await kiosk.expectScreen('details');
    await probe.waitFor('details title', heard('details', 'ar', 'kiosk:details.title', 'title'));
    await probe.waitFor(
      'details intro',
      heard('details', 'ar', 'kiosk:details.intro', 'details.intro'),
    );
    await kiosk.fillDetailsByName();

    let first = true;
    while ((await page.locator('main[data-screen]').getAttribute('data-screen')) === 'item') {
      const id = await kiosk.currentItem();
      await probe.waitFor(`item ${id}`, heard('item', 'ar', `${NS}:items.${id}`, 'title'));
      if (first)
        await probe.waitFor(
          'first answer option',
          heard('item', 'ar', `${NS}:answers.1`, 'answer-1'),
        );
      first = false;
      const before = await kiosk.progress();
      await page.locator(`.answers button[data-value="${PILOT_ANSWERS[id]}"]`).click();
      await page.waitForFunction(
        (b) => document.querySelector('.progress-label')?.textContent !== b,
        before,
      );
    }
    await kiosk.expectScreen('review');
    await probe.waitFor('review title', heard('review', 'ar', 'kiosk:review.title', 'title'));
    await probe.waitFor(
      'review intro',
      heard('review', 'ar', 'kiosk:review.intro', 'review.intro'),
    );
    await kiosk.primary();
    await kiosk.expectScreen('thanks');
    await probe.waitFor('thanks title', heard('thanks', 'ar', 'kiosk:thanks.title', 'title'));
    await probe.waitFor('thanks body', heard('thanks', 'ar', 'kiosk:thanks.body', 'thanks.body'));

    const plays = await probe.plays();
    // Every sound was a pack file; on Arabic screens the Arabic pack, except each language's own prompt. A sound the
    // kiosk itself stopped because the client moved on (its play() ends with "interrupted by a call to pause()") is
    // speech stopping on a screen change, as it must, not a failure to play.
    const stoppedByKiosk = (e: string | null) =>
      e !== null && /interrupted by a call to pause/.test(e);
    expect(
      plays.filter((p) => p.pack === null || (p.error !== null && !stoppedByKiosk(p.error))),
    ).toEqual([]);
    // The agency's name was said in Arabic, rendered by the server (the build cannot know it).
    expect(plays.some((p) => p.pack?.file === 'api/speech' && p.pack.lng === 'ar')).toBe(true);
    const foreign = plays.filter(
      (p) => p.lang === 'ar' && !p.line?.startsWith('prompt-') && p.pack?.lng !== 'ar',
    );
    expect(foreign).toEqual([]);
    // The highlight moved: on the welcome screen alone it marked title, intro and several languages.
    expect(
      new Set(plays.filter((p) => p.screen === 'welcome').map((p) => p.line)).size,
    ).toBeGreaterThan(4);

    // Next client: the welcome screen in the tablet's first language, read-everything off, nothing playing.
    await kiosk.primary();
    await kiosk.expectScreen('welcome');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    expect(await page.locator('.read-all-toggle').getAttribute('aria-pressed')).toBe('false');
    expect(await probe.playingNow()).toBe(false);
    const arabic = await staffProfile(page);

    const dutch = await freshTablet();
    const nl = new KioskPage(dutch.page);
    await nl.startAndConsent();
    await nl.fillDetails();
    await nl.answerUntilReview(PILOT_ANSWERS);
    await nl.submit();
    await nl.primary();
    await nl.expectScreen('welcome');
    expect(await dutch.probe.count()).toBe(0); // read-aloud was off: nothing played
    expect(arabic).toEqual(await staffProfile(dutch.page));
    expect(arabic.dominant).toEqual(['verbondenheid', 'overgave', 'weerstand']);
    await page.context().close();
    await dutch.page.context().close();
  }, 300_000);

  it('the speaker on an item reads the item and all five options; a second tap, a new screen or a language switch stops it', async () => {
    const { page, probe } = await freshTablet();
    const kiosk = new KioskPage(page);
    await kiosk.startAndConsent();
    await kiosk.fillDetails();
    await kiosk.answer(3); // the second item: no part intro, so the item comes first
    const id = await kiosk.currentItem();
    const speaker = page.getByRole('button', { name: 'Lees voor' });
    const box = await speaker.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(48);
    expect(box?.height).toBeGreaterThanOrEqual(48);
    expect(await speaker.getAttribute('aria-pressed')).toBe('false');
    await speaker.click();
    expect(await speaker.getAttribute('aria-pressed')).toBe('true');
    await probe.waitFor('fifth option', heard('item', 'nl', `${NS}:answers.5`, 'answer-5'));
    await page.waitForSelector('.speaker-button[aria-pressed="false"]');
    const said = (await probe.plays()).map((p) => `${p.line} ${p.pack?.keys.join('|')}`);
    expect(said).toEqual([
      `title ${NS}:items.${id}`,
      ...[1, 2, 3, 4, 5].map((v) => `answer-${v} ${NS}:answers.${v}`),
    ]);
    expect(await page.locator('[aria-current="true"]').count()).toBe(0);

    // A second tap stops it at once.
    await speaker.click();
    await expect.poll(() => probe.playingNow()).toBe(true);
    await speaker.click();
    expect(await probe.playingNow()).toBe(false);
    expect(await speaker.getAttribute('aria-pressed')).toBe('false');

    // An answer moves to the next screen: the old item stops and nothing more of it is said. Reading the new item
    // then starts with its own statement, not with a leftover option of the old one.
    await speaker.click();
    await expect.poll(() => probe.playingNow()).toBe(true);
    await kiosk.answer(4);
    expect(await probe.playingNow()).toBe(false);
    expect(await page.locator('.speaker-button').getAttribute('aria-pressed')).toBe('false');
    const count = await probe.count();
    const next = await kiosk.currentItem();
    await speaker.click();
    const after = await probe.waitFor(
      `item ${next}`,
      heard('item', 'nl', `${NS}:items.${next}`, 'title'),
    );
    expect(
      after
        .slice(count, count + 1)
        .map((p) => [p.screen, p.line, p.pack?.keys.includes(`${NS}:items.${next}`)]),
    ).toEqual([['item', 'title', true]]);
    await speaker.click();
    expect(await probe.playingNow()).toBe(false);

    // A language switch stops it too.
    await speaker.click();
    await expect.poll(() => probe.playingNow()).toBe(true);
    await page.getByRole('button', { name: /Taal: Nederlands/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await probe.playingNow()).toBe(false);
    expect(await page.locator('.speaker-button').getAttribute('aria-pressed')).toBe('false');
    await page.context().close();
  });

  it('read-everything survives a reload and a restarted app (sound then waits for the first touch) and ends with the idle reset', async () => {
    const profile = tempProfile();
    // Chromium as a tablet browser: no sound before the user has touched the page.
    const open = async () => {
      const ctx = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM_PATH,
        args: [
          ...CHROMIUM_ARGS,
          '--autoplay-policy=document-user-activation-required',
          '--disable-features=PreloadMediaEngagementData,MediaEngagementBypassAutoplayPolicies',
        ],
        viewport: { width: 800, height: 1100 },
      });
      await attachAudioProbe(ctx);
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.clock.install();
      await page.goto(fx.app.url);
      return { ctx, page, probe: new AudioProbe(page), kiosk: new KioskPage(page) };
    };
    const saysItem = (id: string) => (p: Heard) =>
      heard('item', 'nl', `${NS}:items.${id}`, 'title')(p) && p.playingAt !== null;
    let tablet = await open();
    try {
      const { page, probe, kiosk } = tablet;
      await kiosk.expectScreen('welcome');
      await page.getByRole('button', { name: 'Alles voorlezen' }).click();
      await kiosk.startAndConsent();
      await kiosk.fillDetails();
      await kiosk.answer(2);
      const id = await kiosk.currentItem();
      await page.reload();
      await kiosk.expectScreen('item');
      expect(await page.locator('.read-all-toggle').getAttribute('aria-pressed')).toBe('true');
      // Whether sound may start before a touch right after a reload depends on how recent the last touch was.
      await page.locator('main h1').click();
      await probe.waitFor(`item ${id} after the reload`, saysItem(id));
      await tablet.ctx.close();

      // The app restarted: the mode is still on; the browser refuses sound until the first touch, which starts it.
      tablet = await open();
      await tablet.kiosk.expectScreen('item');
      expect(await tablet.kiosk.currentItem()).toBe(id);
      expect(await tablet.page.locator('.read-all-toggle').getAttribute('aria-pressed')).toBe(
        'true',
      );
      // The attempt comes after the app has started again and loaded the pack: slow on a loaded machine.
      const attempts = await tablet.probe.waitFor(
        'a first sound after the restart',
        (p) => p.error?.includes('NotAllowedError') === true || p.playingAt !== null,
        60_000,
      );
      // Chromium may still let this origin play unasked (its media engagement score, kept in the profile, is not
      // switched off by every build); then the item simply plays. Refused, it must start at the first touch.
      if (attempts.some((p) => p.error?.includes('NotAllowedError')))
        await tablet.page.locator('main h1').click();
      await tablet.probe.waitFor(`item ${id} after the touch`, saysItem(id));

      // Idle: the warning is read by itself; the reset stops it and the next client starts without read-everything.
      await tablet.page.clock.fastForward(91_000);
      await tablet.page.getByRole('alertdialog').waitFor();
      await tablet.probe.waitFor(
        'idle warning',
        (p) => p.dialog === 'idle' && p.pack?.keys.includes('kiosk:idle.title') === true,
      );
      await tablet.page.clock.fastForward(31_000);
      await tablet.kiosk.expectScreen('welcome');
      expect(await tablet.probe.playingNow()).toBe(false);
      expect(await tablet.page.locator('.read-all-toggle').getAttribute('aria-pressed')).toBe(
        'false',
      );
      // Nothing of the warning comes after the reset: the next sound is the welcome screen, when asked for.
      const count = await tablet.probe.count();
      await tablet.page.getByRole('button', { name: 'Lees voor' }).click();
      const after = await tablet.probe.waitFor(
        'the welcome title',
        (p) => p.screen === 'welcome' && p.line === 'title',
      );
      expect(after.slice(count, count + 1).map((p) => [p.screen, p.dialog, p.line])).toEqual([
        ['welcome', null, 'title'],
      ]);
    } finally {
      await tablet.ctx.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
