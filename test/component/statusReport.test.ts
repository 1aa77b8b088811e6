// The tablet's status report: counts from the outbox, sent with the device token; a failure never throws.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { cachePacks } from '../../src/tablet/speech/packCache.ts';
import { saveSettings } from '../../src/tablet/storage/settings.ts';
import { fakeServer, manifestFor, MemoryCache } from './fakeAudioServer.ts';
import { database } from '../../src/tablet/storage/db.ts';
import { sendStatusReport } from '../../src/tablet/sync/statusReport.ts';
import { enrollTestTablet, freshDatabase, outboxRow } from './fixtures.ts';

beforeEach(async () => {
  await freshDatabase();
});
afterEach(() => vi.unstubAllGlobals());

describe('sendStatusReport', () => {
  it('sends nothing before the tablet is enrolled', async () => {
    let calls = 0;
    const sent = await sendStatusReport(() => {
      calls++;
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    expect(sent).toBe(false);
    expect(calls).toBe(0);
  });

  it('reports queued and rejected counts with the device token, and no session data', async () => {
    await enrollTestTablet();
    await database().outbox.bulkAdd([
      outboxRow('00000000-0000-4000-8000-000000000001'),
      outboxRow('00000000-0000-4000-8000-000000000002'),
      outboxRow('00000000-0000-4000-8000-000000000003', {
        rejected: { status: 409, error: 'conflict' },
      }),
    ]);
    let seen: { url: string; auth: string | null; body: Record<string, unknown> } | null = null;
    const sent = await sendStatusReport((url, init) => {
      seen = {
        url: url instanceof URL ? url.href : typeof url === 'string' ? url : url.url,
        auth: new Headers(init?.headers).get('authorization'),
        body: JSON.parse(init?.body as string) as Record<string, unknown>,
      };
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    expect(sent).toBe(true);
    expect(seen).toMatchObject({
      url: 'http://server.test/api/devices/status',
      auth: 'Bearer secret',
      body: { queued: 2, rejected: 1, appVersion: 'dev' },
    });
    expect(JSON.stringify(seen!.body)).not.toContain('00000000-0000-4000');
  });

  it('answers false instead of throwing when the network is down', async () => {
    await enrollTestTablet();
    expect(await sendStatusReport(() => Promise.reject(new TypeError('offline')))).toBe(false);
  });

  it('says per enabled language how it is read aloud: a cached pack, or nothing offline', async () => {
    await enrollTestTablet();
    await saveSettings({ ...DEFAULT_SETTINGS, languages: ['nl', 'ar'], agencyName: 'Loket' });
    const cache = new MemoryCache();
    const server = fakeServer(new Map([['nl', manifestFor('nl')]]));
    await cachePacks({ fetch: server.fetch, cache: cache as unknown as Cache }, ['nl'], ['Loket']);
    vi.stubGlobal('caches', { open: () => Promise.resolve(cache) });
    let body: Record<string, unknown> = {};
    await sendStatusReport((_url, init) => {
      body = JSON.parse(init?.body as string) as Record<string, unknown>;
      return Promise.resolve(new Response(null, { status: 204 }));
    });
    // No device voices here (as on a tablet without them): Dutch plays its cached pack, Arabic has nothing offline.
    expect(body.readAloud).toEqual({ nl: 'audio', ar: 'none' });
  });
});
