// Bench in headless Chromium: the kiosk beside the bare-stack page (bench/bare) in the same run, interleaved, each
// figure printed as a ratio to the bare stack's, so a busy machine slows both alike.
//
// What is measured, exactly:
// - Offline cold start: one Chromium profile visits both pages online once and waits until each has an active
//   service worker; then the network is switched off, and each round opens a new tab per page (kiosk and bare stack
//   alternate which goes first) with the CPU throttled 4× from before navigation. A script injected before the
//   page's own code checks at the start of every animation frame for an enabled
//   `main[data-screen="welcome"] button.primary` (the kiosk's "Beginnen", the bare page's start button, same markup);
//   the figure is `performance.now()` at the first frame that has it: milliseconds from navigation start to the frame
//   that paints a welcome screen whose start button takes a tap. Median of the rounds.
// - Tap → IndexedDB commit: real taps (DevTools input) on answer buttons, no throttling. The kiosk: through the real
//   client flow, from the tap event's timestamp to the moment its answer's IndexedDB transaction has committed
//   ('answer-commit', measured by the app). The bare stack: the same measure around one Dexie put on tap. Blocks of
//   taps alternate between the two pages; p50 and p95 of each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { KioskPage } from '../test/browser/pages/KioskPage.ts';
import { launchBrowser, launchPersistent, startApp } from '../test/browser/harness.ts';
import { serveBareStack } from './bareStack.ts';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const verdict = (ratio: number, budget: number) =>
  `${ratio.toFixed(2)}× (budget ≤ ${budget}×: ${ratio <= budget ? 'OK' : 'OVER BUDGET'})`;

/** Injected before any page script: the time of the first animation frame with a usable start button. */
const USABLE_PROBE = `
  (() => {
    const usable = 'main[data-screen="welcome"] button.primary:not([disabled])';
    const look = () => {
      if (document.querySelector(usable)) window.__usableAt = performance.now();
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  })();
`;

async function usableAt(page: Page): Promise<number> {
  await page.waitForFunction(
    () => typeof (window as { __usableAt?: number }).__usableAt === 'number',
    null,
    {
      timeout: 60_000,
    },
  );
  return page.evaluate(() => (window as unknown as { __usableAt: number }).__usableAt);
}

/** Offline cold start of both pages at 4× CPU, interleaved rounds; medians and their ratio. */
async function coldStart(kioskUrl: string, bareUrl: string, rounds = 7): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'si-bench-'));
  const ctx = await launchPersistent(profile);
  try {
    await ctx.addInitScript({ content: USABLE_PROBE });
    for (const url of [kioskUrl, bareUrl]) {
      const first = await ctx.newPage();
      await first.goto(url);
      await first.waitForFunction(
        async () => (await navigator.serviceWorker.ready).active !== null,
      );
      await usableAt(first);
      await first.close();
    }
    await ctx.setOffline(true);
    const times = { kiosk: [] as number[], bare: [] as number[] };
    for (let i = 0; i < rounds; i++) {
      const order: ['kiosk' | 'bare', string][] = [
        ['kiosk', kioskUrl],
        ['bare', bareUrl],
      ];
      if (i % 2) order.reverse();
      for (const [name, url] of order) {
        const page = await ctx.newPage();
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await page.goto(url);
        times[name].push(await usableAt(page));
        await page.close();
      }
    }
    const k = pct(times.kiosk, 50);
    const b = pct(times.bare, 50);
    return [
      `  offline cold start → usable welcome button, 4× CPU (median of ${rounds}): kiosk ${ms(k)}, bare stack ${ms(b)}`,
      `    kiosk runs: ${times.kiosk.map((t) => t.toFixed(0)).join(', ')} ms; bare: ${times.bare.map((t) => t.toFixed(0)).join(', ')} ms`,
      `    ratio ${verdict(k / b, 1.6)}`,
    ];
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const commits = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('answer-commit').map((e) => e.duration));

/** Taps `n` answers in the kiosk's client flow, starting new sessions as needed. */
async function kioskTaps(page: Page, n: number): Promise<void> {
  const kiosk = new KioskPage(page);
  for (let taps = 0; taps < n;) {
    if ((await page.locator('main[data-screen="welcome"]').count()) > 0) {
      await kiosk.startAndConsent();
      await kiosk.fillDetails();
    }
    if ((await page.locator('main[data-screen="item"]').count()) > 0) {
      await kiosk.answer(1 + (taps % 5));
      taps++;
      continue;
    }
    if ((await page.locator('main[data-screen="review"]').count()) > 0) {
      await kiosk.submit();
      await page.getByRole('button', { name: 'Klaar' }).click();
      await kiosk.expectScreen('welcome');
    }
  }
}

/** Taps `n` answers on the bare page, each waiting for its commit. */
async function bareTaps(page: Page, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const before = (await commits(page)).length;
    await page.click(`.answers button[data-value="${1 + (i % 5)}"]`);
    await page.waitForFunction(
      (k) => performance.getEntriesByName('answer-commit').length > k,
      before,
    );
  }
}

/** Tap → commit in both pages, alternating blocks of taps in one browser. */
async function answerCommit(
  browser: Browser,
  kioskUrl: string,
  bareUrl: string,
  blocks = 5,
  perBlock = 100,
): Promise<string[]> {
  const viewport = { width: 800, height: 1100 };
  const kiosk = await (await browser.newContext({ viewport })).newPage();
  const bare = await (await browser.newContext({ viewport })).newPage();
  await kiosk.goto(kioskUrl);
  await bare.goto(bareUrl);
  await bare.waitForSelector('.answers button');
  for (let i = 0; i < blocks; i++) {
    await kioskTaps(kiosk, perBlock);
    await bareTaps(bare, perBlock);
  }
  const k = await commits(kiosk);
  const b = await commits(bare);
  return [
    `  tap → IndexedDB commit (${k.length} kiosk answers, ${b.length} bare puts, blocks of ${perBlock} alternating):`,
    `    kiosk p50 ${ms(pct(k, 50))}, p95 ${ms(pct(k, 95))}; bare stack (one Dexie put on tap) p50 ${ms(pct(b, 50))}, p95 ${ms(pct(b, 95))}`,
    `    ratio p50 ${verdict(pct(k, 50) / pct(b, 50), 1.5)}; p95 ${verdict(pct(k, 95) / pct(b, 95), 1.5)}`,
  ];
}

/** Runs both kiosk benchmarks against a fresh server and the bare-stack page. */
export async function benchKiosk(): Promise<string[]> {
  const app = await startApp();
  const bare = await serveBareStack();
  const browser = await launchBrowser();
  try {
    const cold = await coldStart(`${app.url}/`, bare.url);
    const taps = await answerCommit(browser, `${app.url}/`, bare.url);
    return [...cold, ...taps];
  } finally {
    await browser.close();
    await bare.close();
    await app.dispose();
  }
}
