// A tablet backs off during an outage: every trigger passes the same gate, Retry-After is honoured, and a request
// that never answers ends at its deadline instead of holding sync forever. Clock and fetch are injected.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffCeiling } from '../../src/shared/core/backoff.ts';
import { closeDatabase, database } from '../../src/tablet/storage/db.ts';
import { loadSyncStatus } from '../../src/tablet/storage/device.ts';
import { startSyncLoop, type SyncLoop } from '../../src/tablet/sync/scheduler.ts';
import { drainOutbox, type DrainResult, type SenderDeps } from '../../src/tablet/sync/sender.ts';
import { sendStatusReport } from '../../src/tablet/sync/statusReport.ts';
import { enrollTestTablet, freshDatabase, outboxRow, sealedSession } from './fixtures.ts';

const ID = '00000000-0000-4000-8000-0000000000a1';
const OUTAGE_MS = 20_000;

async function enrolledWithOneSession(): Promise<void> {
  await enrollTestTablet();
  await database().outbox.add(outboxRow(ID, { sealed: sealedSession(ID) }));
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const receipt = () =>
  json(200, { receipts: [{ sessionId: ID, status: 'stored', receivedAt: 'x' }], rejected: [] });

/** A fake server with an injected clock: down (503) until `upAt`, counting requests and their times. */
function fakeServer(upAt: number, down = () => json(503, { error: 'unavailable', message: 'x' })) {
  const clock = { t: 0 };
  const requests: number[] = [];
  const deps: SenderDeps = {
    fetch: (url) => {
      // Sync requests only; the status report after a good round is counted apart.
      if (!(url instanceof URL && url.pathname === '/api/sync/sessions'))
        return Promise.resolve(json(204, null));
      requests.push(clock.t);
      return Promise.resolve(clock.t < upAt ? down() : receipt());
    },
    now: () => clock.t,
    random: () => 0, // the worst case: the shortest waits
    seal: () => Promise.reject(new Error('nothing to seal')),
    retention: 'until-synced',
    online: () => true,
  };
  return { clock, requests, deps };
}

beforeEach(async () => {
  await freshDatabase();
  await enrolledWithOneSession();
});

describe('drainOutbox during an outage', () => {
  it('sends at most 10 requests in a 20 s outage however often it is triggered, and the session arrives one step after', async () => {
    const { clock, requests, deps } = fakeServer(OUTAGE_MS);
    let arrivedAt: number | null = null;
    let stepWhenUp = 0;
    // A trigger (start, online, visible, completion, Background Sync, timer: each only asks for a round) three times
    // every 250 ms.
    for (clock.t = 0; arrivedAt === null && clock.t < 10 * 60_000; clock.t += 250) {
      if (clock.t === OUTAGE_MS) stepWhenUp = (await loadSyncStatus()).retryAt - OUTAGE_MS;
      for (let trigger = 0; trigger < 3; trigger++) await drainOutbox(deps);
      if ((await database().outbox.count()) === 0) arrivedAt = clock.t;
    }
    const during = requests.filter((t) => t < OUTAGE_MS);
    console.info(
      `requests during a ${OUTAGE_MS} ms outage: ${during.length} at ${during.join(', ')} ms`,
    );
    expect(during.length).toBeLessThanOrEqual(10);
    expect(arrivedAt).not.toBeNull();
    // It arrives at the retry the backoff had already set when the server came back (one step), not later.
    expect(arrivedAt! - OUTAGE_MS).toBeLessThanOrEqual(stepWhenUp + 250);
    expect(stepWhenUp).toBeLessThanOrEqual(backoffCeiling(during.length - 1));
  }, 30_000);

  it('keeps the backoff across a reload: a fresh start inside the wait sends nothing', async () => {
    const { clock, requests, deps } = fakeServer(OUTAGE_MS);
    await drainOutbox(deps);
    expect(requests).toHaveLength(1);
    closeDatabase(); // as after a reload, the state comes from IndexedDB
    clock.t = 500;
    expect((await drainOutbox(deps)).kind).toBe('backing-off');
    expect(requests).toHaveLength(1);
  });

  it('honours Retry-After on 503 and on 429 (seconds or a date)', async () => {
    const seconds = fakeServer(Infinity, () =>
      json(503, { error: 'unavailable', message: 'x' }, { 'retry-after': '120' }),
    );
    await drainOutbox(seconds.deps);
    expect((await loadSyncStatus()).retryAt).toBe(120_000);
    seconds.clock.t = 119_999;
    expect((await drainOutbox(seconds.deps)).kind).toBe('backing-off');
    seconds.clock.t = 120_000;
    await drainOutbox(seconds.deps);
    expect(seconds.requests).toEqual([0, 120_000]);

    await freshDatabase();
    await enrolledWithOneSession();
    const date = fakeServer(Infinity, () =>
      json(
        429,
        { error: 'too_many', message: 'x' },
        { 'retry-after': new Date(90_000).toUTCString() },
      ),
    );
    await drainOutbox(date.deps);
    expect((await loadSyncStatus()).retryAt).toBe(90_000);
    expect((await database().outbox.get(ID))?.rejected).toBeNull(); // 429 is "not now", never "never"
  });

  it('ends a request that never answers at its deadline, counts it as a failure, and sends again later', async () => {
    const { clock, requests, deps } = fakeServer(0);
    let hang = true;
    const hanging: SenderDeps = {
      ...deps,
      timeoutMs: 30,
      fetch: (url, init) => (hang ? new Promise<Response>(() => undefined) : deps.fetch(url, init)),
    };
    const result = await drainOutbox(hanging);
    expect(result).toEqual({ kind: 'retry-later', sent: 0, error: 'timeout' });
    const status = await loadSyncStatus();
    expect(status.failures).toBe(1);
    hang = false;
    clock.t = status.retryAt;
    expect((await drainOutbox(hanging)).kind).toBe('done');
    expect(requests).toEqual([status.retryAt]);
  });

  it('ends a status report that never answers at its deadline', async () => {
    expect(await sendStatusReport(() => new Promise<Response>(() => undefined), 30)).toBe(false);
  });
});

describe('sessions the server refused', () => {
  it('keeps a session refused with 4xx out of the retry loop, with the reason for staff', async () => {
    const { requests, deps } = fakeServer(Infinity, () =>
      json(200, {
        receipts: [],
        rejected: [
          {
            sessionId: ID,
            status: 422,
            error: 'invalid_record',
            message: 'timestamp out of range',
          },
        ],
      }),
    );
    expect((await drainOutbox(deps)).kind).toBe('done');
    expect((await database().outbox.get(ID))?.rejected).toEqual({
      status: 422,
      error: 'invalid_record',
      message: 'timestamp out of range',
    });
    await drainOutbox(deps);
    expect(requests).toHaveLength(1);
  });

  it('does not take a 4xx that is not the API’s own answer (a proxy’s page) as a final refusal', async () => {
    const { deps } = fakeServer(
      Infinity,
      () => new Response('<h1>Not found</h1>', { status: 404 }),
    );
    expect((await drainOutbox(deps)).kind).toBe('retry-later');
    expect((await database().outbox.get(ID))?.rejected).toBeNull();
  });
});

describe('the sync loop', () => {
  let loop: SyncLoop | null = null;
  afterEach(() => loop?.stop());

  it('answers a burst of triggers while backing off without a single request, and staff can still send now', async () => {
    const { clock, requests, deps } = fakeServer(Infinity);
    clock.t = 1_000;
    const results: (DrainResult | null)[] = [];
    loop = startSyncLoop(deps);
    const unsubscribe = loop.subscribe((r) => results.push(r));
    await expect.poll(() => results.length).toBeGreaterThanOrEqual(1);
    expect(requests).toHaveLength(1);
    for (let i = 0; i < 20; i++) {
      window.dispatchEvent(new Event('online'));
      document.dispatchEvent(new Event('visibilitychange'));
      loop.request();
    }
    await expect
      .poll(() => results.filter((r) => r?.kind === 'backing-off').length)
      .toBeGreaterThanOrEqual(2);
    expect(requests).toHaveLength(1);
    loop.sendNow();
    await expect.poll(() => requests.length).toBe(2);
    // Let that round finish writing before the next test opens a fresh database.
    await expect.poll(() => results.filter((r) => r?.kind === 'retry-later').length).toBe(2);
    unsubscribe();
  });

  it('recovers from a request that never answers: the next round runs', async () => {
    const { clock, requests, deps } = fakeServer(0);
    let hang = true;
    const results: (DrainResult | null)[] = [];
    loop = startSyncLoop({
      ...deps,
      timeoutMs: 30,
      fetch: (url, init) => (hang ? new Promise<Response>(() => undefined) : deps.fetch(url, init)),
    });
    loop.subscribe((r) => results.push(r));
    await expect.poll(() => results[0]?.kind).toBe('retry-later');
    hang = false;
    clock.t = (await loadSyncStatus()).retryAt;
    loop.request();
    await expect.poll(() => results.at(-1)?.kind).toBe('done');
    expect(requests).toHaveLength(1);
    expect(await database().outbox.count()).toBe(0);
  });
});
