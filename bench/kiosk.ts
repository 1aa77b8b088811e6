// Bench in headless Chromium against the real server: tap → IndexedDB commit, and offline cold start with 4× CPU throttling.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { KioskPage } from '../test/browser/pages/KioskPage.ts';
import { launchBrowser, launchPersistent, startApp } from '../test/browser/harness.ts';

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 50).toFixed(2)} ms, p95 ${pct(xs, 95).toFixed(2)} ms, max ${Math.max(...xs).toFixed(2)} ms (n=${xs.length})`;

/** The same tap (real input through DevTools) on a plain button whose handler does one raw IndexedDB put. */
async function bareTapPut(page: Page): Promise<number[]> {
  await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((res, rej) => {
      const r = indexedDB.open('bench-bare', 1);
      r.onupgradeneeded = () => r.result.createObjectStore('kv');
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error ?? new Error('open failed'));
    });
    document.body.innerHTML = '<button id="bare" style="font-size:2rem">bare put</button>';
    let i = 0;
    document.getElementById('bare')?.addEventListener('click', (e) => {
      const tx = db.transaction('kv', 'readwrite');
      tx.objectStore('kv').put(
        { sessionId: 's', itemId: `i${i}`, value: i % 5, at: Date.now() },
        i++,
      );
      tx.oncomplete = () =>
        performance.measure('bare-commit', { start: e.timeStamp, end: performance.now() });
    });
  });
  for (let i = 0; i < 1000; i++) {
    await page.click('#bare');
    await page.waitForFunction((n) => performance.getEntriesByName('bare-commit').length > n, i);
  }
  return page.evaluate(() => performance.getEntriesByName('bare-commit').map((e) => e.duration));
}

/** Taps 1,000 answers through the real UI; the app records each tap→commit as a performance measure. */
async function answerCommit(url: string): Promise<string[]> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    await page.goto(url);
    const kiosk = new KioskPage(page);
    let taps = 0;
    while (taps < 1000) {
      await kiosk.startAndConsent();
      await kiosk.fillDetails();
      while (taps < 1000 && (await page.locator('main[data-screen="item"]').count()) > 0) {
        await kiosk.answer(1 + (taps % 5));
        taps++;
      }
      if (taps >= 1000) break;
      await kiosk.submit();
      await page.getByRole('button', { name: 'Klaar' }).click();
    }
    const commits = await page.evaluate(() =>
      performance.getEntriesByName('answer-commit').map((e) => e.duration),
    );
    const bare = await bareTapPut(page);
    return [
      `  tap → IndexedDB commit (real UI, ${commits.length} answers): ${fmt(commits)}  [budget p95 ≤ 16 ms]`,
      `  tap → bare IndexedDB put, same browser:     ${fmt(bare)}`,
    ];
  } finally {
    await browser.close();
  }
}

/** After one online visit, opens the app offline with 4× CPU throttling and times the first interactive screen. */
async function coldStart(url: string): Promise<string[]> {
  const profile = mkdtempSync(join(tmpdir(), 'si-bench-'));
  const ctx = await launchPersistent(profile);
  try {
    const first = await ctx.newPage();
    await first.goto(url);
    await first.waitForFunction(async () => (await navigator.serviceWorker.ready).active !== null);
    await first.close();
    await ctx.setOffline(true);
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(url);
      await page.waitForSelector('main[data-screen="welcome"] button');
      times.push(
        await page.evaluate(() => performance.getEntriesByName('kiosk-ready')[0]?.startTime ?? NaN),
      );
      await page.close();
    }
    return [
      `  offline cold start → welcome screen, 4× CPU throttling: ${fmt(times)}  [budget ≤ 1000 ms]`,
    ];
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Runs both kiosk benchmarks against a fresh server. */
export async function benchKiosk(): Promise<string[]> {
  const app = await startApp();
  try {
    return [...(await answerCommit(app.url)), ...(await coldStart(app.url))];
  } finally {
    await app.dispose();
  }
}
