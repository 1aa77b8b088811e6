// Issue 13 §2 in Chromium: a coordinator records a Tigrinya text in the workspace (Chromium's fake microphone plays a
// generated tone), listens back and saves it; the tablet's pack manifest then names the recording, and the kiosk
// plays exactly those bytes for that text.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AudioManifest } from '../../src/shared/core/audioManifest.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './harness.ts';
import { attachAudioProbe } from './pages/AudioProbe.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { WorkspacePage } from './pages/WorkspacePage.ts';
import { COORDINATOR, startSyncServer, type SyncServer } from './syncServer.ts';

const KEY = 'kiosk:welcome.title';
const TI = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../locales/ti/kiosk.json'), 'utf8'),
) as { speech: { read_all: string } };
let server: SyncServer;
let browser: Browser;

beforeAll(async () => {
  server = await startSyncServer();
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  });
  await server.coordinator();
});

afterAll(async () => {
  await browser?.close();
  await server?.dispose();
});

const tigrinyaManifest = async (): Promise<AudioManifest> =>
  (await (await fetch(`${server.url}/audio/ti/manifest.json`)).json()) as AudioManifest;

describe('agency recordings', () => {
  it('a recording made in the workspace is what the kiosk plays for that text', async () => {
    const before = await tigrinyaManifest();
    expect(before.entries[KEY]!.recorded).toBeUndefined();

    const office = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await new WorkspacePage(office, server.url).signIn(COORDINATOR.username, COORDINATOR.password);
    await office.goto(`${server.url}/werkplek/beheer/talen`);
    // The languages panel links each language's recordings, with its counts.
    const link = office.locator('a[href="/werkplek/beheer/opnames/ti"]');
    await link.waitFor();
    await office.waitForFunction(() =>
      /ontbreekt/.test(
        document.querySelector('a[href="/werkplek/beheer/opnames/ti"]')?.textContent ?? '',
      ),
    );
    expect(await link.innerText()).toMatch(/^0 opgenomen · 0 computerstem · \d+ ontbreekt$/);
    await link.click();
    await office.waitForSelector('[data-screen=recordings] [data-testid=recording-counts]');

    const row = office.locator(`tr[data-key="${KEY}"]`);
    expect(await row.getAttribute('data-source')).toBe('missing');
    await row.locator('[data-testid=record]').click();
    await row.locator('[data-testid=stop]').waitFor();
    // The fake microphone's tone reaches the recorder: wait until a few kilobytes are recorded.
    await office.waitForFunction(
      () => Number(document.querySelector('[data-testid=stop]')?.getAttribute('data-bytes')) > 2000,
    );
    await row.locator('[data-testid=stop]').click();
    const take = row.locator('audio[data-testid=take]');
    await take.waitFor();
    // Listening back: the take plays in the page.
    expect(await take.evaluate((a: HTMLAudioElement) => a.play().then(() => !a.paused))).toBe(true);
    await row.locator('[data-testid=save]').click();
    await office.waitForSelector(`tr[data-key="${KEY}"][data-source="recorded"]`);
    expect(await office.locator('[data-testid=recording-counts]').innerText()).toMatch(
      /^1 opgenomen/,
    );

    // The tablet's manifest now names the recording (WebM/Opus from MediaRecorder) for that text.
    const after = await tigrinyaManifest();
    const entry = after.entries[KEY]!;
    expect(entry.recorded).toBe(true);
    const file = (entry.segments[0] as { file: string }).file;
    expect(file).toMatch(/^rec\/[0-9a-f]{24}\.webm$/);
    const clip = await fetch(`${server.url}/audio/ti/${file}`);
    expect(clip.headers.get('content-type')).toBe('audio/webm');
    const bytes = Buffer.from(await clip.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(200);
    const recordedHash = createHash('sha256').update(bytes).digest('hex');

    // The kiosk in Tigrinya, reading aloud from the pack (no device voice): the welcome title plays the recording.
    const ctx = await browser.newContext({ viewport: { width: 800, height: 1100 } });
    await attachAudioProbe(ctx);
    const tablet = await ctx.newPage();
    await tablet.goto(server.url);
    const kiosk = new KioskPage(tablet);
    await kiosk.expectScreen('welcome');
    await tablet.locator('button[data-language="ti"]').click();
    await tablet.waitForFunction(() => document.documentElement.lang === 'ti');
    await tablet.getByRole('button', { name: TI.speech.read_all }).click();
    await tablet.waitForFunction(
      (hash) =>
        (
          window as unknown as {
            __plays: { hash: string | null; line: string | null; error: string | null }[];
          }
        ).__plays.some((p) => p.hash === hash && p.line === 'title' && p.error === null),
      recordedHash,
      { timeout: 60_000 },
    );
  });
});
