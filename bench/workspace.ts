// Bench: the staff client page's first render after sign-in, in Chromium at 4× CPU throttling (budget 1 s), 5 runs.
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createSetupCode } from '../src/server/auth/setupCode.ts';
import { sealRecord } from '../src/tablet/sync/seal.ts';
import type { ServerKey } from '../src/shared/contract/protocol.ts';
import { PILOT_ANSWERS } from '../test/fixtures/pilotAnswers.ts';
import { makeRecord } from '../test/server/helpers.ts';
import { launchBrowser } from '../test/browser/harness.ts';
import { startSyncServer } from '../test/browser/syncServer.ts';

const PASSWORD = 'een lange zin als wachtwoord';
/** The password sam chooses himself at his first sign-in. */
const OWN_PASSWORD = 'mijn eigen lange zin als wachtwoord';

/** Seeds one linked client, then times sign-in → client page with the profile drawn. */
export async function benchWorkspace(): Promise<string[]> {
  const server = await startSyncServer();
  const browser = await launchBrowser();
  try {
    const post = (url: string, body: unknown, cookie = '') =>
      fetch(`${server.url}${url}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify(body),
      });
    const setupCode = await createSetupCode(server.db, Date.now());
    const setup = await post('/api/auth/setup', {
      setupCode,
      name: 'C',
      username: 'cora',
      password: PASSWORD,
    });
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const staff = (await (
      await post(
        '/api/users',
        { name: 'Sam', username: 'sam', role: 'staff', password: PASSWORD },
        cookie,
      )
    ).json()) as { id: string };
    // A password a coordinator set must be changed at the first sign-in: sam does that once, before the timed ones.
    const samSignIn = await post('/api/auth/login', { username: 'sam', password: PASSWORD });
    const samCookie = (samSignIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const changed = await post(
      '/api/auth/password',
      { current: PASSWORD, next: OWN_PASSWORD },
      samCookie,
    );
    if (changed.status !== 204) throw new Error(`password change: ${changed.status}`);
    const enrolled = (await server.enroll('Tablet')) as { token: string; serverKey: ServerKey };
    const sealed = await sealRecord(
      makeRecord({ sessionId: randomUUID(), answers: PILOT_ANSWERS }),
      enrolled.serverKey,
    );
    await fetch(`${server.url}/api/sync/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${enrolled.token}` },
      body: JSON.stringify({ sessions: [sealed] }),
    });
    const clients = (await (
      await fetch(`${server.url}/api/clients`, { headers: { cookie } })
    ).json()) as { id: string }[];
    const id = clients[0]?.id ?? '';
    await fetch(`${server.url}/api/clients/${id}/link`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ staffId: staff.id }),
    });
    const times: number[] = [];
    const wall: number[] = [];
    const signIn: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${server.url}/werkplek/clients/${id}`);
      await page.waitForSelector('[data-screen=signin]');
      await page.fill('#username', 'sam');
      await page.fill('#password', OWN_PASSWORD);
      // Timed in the page: from the click's event time to the frame after the profile's first bar is in the DOM.
      // Playwright's waitForSelector polls with a back-off of up to 500 ms, which alone would add that much.
      await page.evaluate(() => {
        const marks: { click?: number; painted?: number } = {};
        Object.assign(globalThis, { benchMarks: marks });
        document.addEventListener('click', (e) => (marks.click ??= e.timeStamp), true);
        const observer = new MutationObserver(() => {
          if (
            !document.querySelector('[data-screen=client] [data-posture=verbondenheid] .bar-value')
          )
            return;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => (marks.painted = performance.now())));
        });
        observer.observe(document.body, { childList: true, subtree: true });
      });
      const start = Date.now();
      await page.click('[data-screen=signin] button[type=submit]');
      await page.waitForSelector('[data-screen=client] [data-posture=verbondenheid] .bar-value');
      wall.push(Date.now() - start);
      const marks = await page.waitForFunction(() => {
        const m = (globalThis as { benchMarks?: { click?: number; painted?: number } }).benchMarks;
        return m?.painted !== undefined && m.click !== undefined ? m.painted - m.click : null;
      });
      times.push(Math.round(Number(await marks.jsonValue())));
      // How much of it is the sign-in request itself (the server's scrypt check), not the page.
      signIn.push(
        await page.evaluate(() => {
          const login = performance
            .getEntriesByType('resource')
            .map((e) => e as PerformanceResourceTiming)
            .find((e) => e.name.endsWith('/api/auth/login'));
          const click = (globalThis as { benchMarks?: { click?: number } }).benchMarks?.click ?? 0;
          return Math.round(login ? login.responseEnd - click : 0);
        }),
      );
      await context.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const p50 = sorted[2] ?? 0;
    const max = sorted[4] ?? 0;
    const wallSorted = [...wall].sort((a, b) => a - b);
    const after = times.map((t, i) => t - (signIn[i] ?? 0)).sort((a, b) => a - b);
    const login = [...signIn].sort((a, b) => a - b);
    return [
      `  staff client page after sign-in, 4× CPU throttling: p50 ${p50} ms, max ${max} ms over 5 runs (budget 1000 ms) ${max < 1000 ? 'OK' : 'OVER BUDGET'}`,
      `  of which click → signed in (server's password check): p50 ${login[2] ?? 0} ms; signed in → page drawn: p50 ${after[2] ?? 0} ms, max ${after[4] ?? 0} ms`,
      `  (wall clock with Playwright's click and polling: p50 ${wallSorted[2] ?? 0} ms, max ${wallSorted[4] ?? 0} ms)`,
    ];
  } finally {
    await browser.close();
    await server.dispose();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  for (const line of await benchWorkspace()) console.log(line);
