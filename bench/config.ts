// Bench: the tablet's conditional config fetch (304 vs a changed config) and the office → tablet round trip.
import { performance } from 'node:perf_hooks';
import { createSetupCode } from '../src/server/auth/setupCode.ts';
import { launchBrowser } from '../test/browser/harness.ts';
import { dumpTablet, seedEnrollment } from '../test/browser/pages/TabletStore.ts';
import { startSyncServer, type SyncServer } from '../test/browser/syncServer.ts';

const RUNS = 50;

async function coordinator(server: SyncServer): Promise<string> {
  const setupCode = await createSetupCode(server.db, Date.now());
  const r = await fetch(`${server.url}/api/auth/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      setupCode,
      name: 'Bench',
      username: 'bench',
      password: 'bench wachtwoord 123',
    }),
  });
  return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

const putConsent = (server: SyncServer, cookie: string, text: string) =>
  fetch(`${server.url}/api/settings`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ consentText: text }),
  });

/** Median of a list of numbers. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Bytes on the wire (status line and headers approximated, plus body) and time per request, 304 vs 200. */
export async function benchConfigFetch(): Promise<string[]> {
  const server = await startSyncServer();
  try {
    const cookie = await coordinator(server);
    const { token } = (await server.enroll('Bench tablet')) as { token: string };
    const get = async (etag?: string) => {
      const t0 = performance.now();
      const r = await fetch(`${server.url}/api/devices/config`, {
        headers: { authorization: `Bearer ${token}`, ...(etag ? { 'if-none-match': etag } : {}) },
      });
      const body = await r.text();
      const ms = performance.now() - t0;
      const headerBytes = [...r.headers].reduce((n, [k, v]) => n + k.length + v.length + 4, 17);
      return {
        status: r.status,
        etag: r.headers.get('etag') ?? '',
        bytes: headerBytes + body.length,
        ms,
      };
    };
    const unchanged: { bytes: number; ms: number }[] = [];
    const changed: { bytes: number; ms: number }[] = [];
    let etag = (await get()).etag;
    for (let i = 0; i < RUNS; i++) {
      const same = await get(etag);
      if (same.status !== 304) throw new Error(`expected 304, got ${same.status}`);
      unchanged.push(same);
      await putConsent(server, cookie, `Tekst ${i}`);
      const next = await get(etag);
      if (next.status !== 200) throw new Error(`expected 200, got ${next.status}`);
      changed.push(next);
      etag = next.etag;
    }
    const line = (name: string, xs: { bytes: number; ms: number }[]) =>
      `  ${name}: ${median(xs.map((x) => x.bytes))} bytes, median ${median(xs.map((x) => x.ms)).toFixed(1)} ms (${RUNS} requests, loopback)`;
    return [line('unchanged (304)', unchanged), line('changed (200)  ', changed)];
  } finally {
    await server.dispose();
  }
}

/** A coordinator saves a new consent text; one sync round later the tablet's next client sees it. */
export async function benchConfigRoundTrip(): Promise<string[]> {
  const server = await startSyncServer();
  const browser = await launchBrowser();
  try {
    const cookie = await coordinator(server);
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForSelector('main[data-screen="welcome"]');
    await seedEnrollment(page, server.url, await server.enroll('Bench tablet'));
    await page.reload();
    await page.waitForSelector('main[data-screen="welcome"]');
    // The start's own sync round ends first, so only the rounds after the save are counted.
    await page.waitForLoadState('networkidle');
    let rounds = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/devices/config')) rounds += 1;
    });
    const text = `Nieuwe tekst ${Date.now()}`;
    const t0 = performance.now();
    await putConsent(server, cookie, text);
    rounds = 0;
    // The round a sync opportunity starts (network back, page visible, staff mode, or the 60 s heartbeat).
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    for (;;) {
      const rows = (await dumpTablet(page)).settings as { key: string; value: unknown }[];
      if (
        (rows.find((r) => r.key === 'agency')?.value as { consentText?: string })?.consentText ===
        text
      )
        break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await page.getByRole('button', { name: 'Beginnen' }).click();
    await page.getByText(text).waitFor();
    const seconds = (performance.now() - t0) / 1000;
    return [
      `  workspace save → next client sees it: ${rounds} sync round${rounds === 1 ? '' : 's'}, ${seconds.toFixed(2)} s (round started at once; without a trigger the next round comes within the 60 s heartbeat)`,
    ];
  } finally {
    await browser.close();
    await server.dispose();
  }
}
