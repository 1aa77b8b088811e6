// The tablet's side of office settings on fake-indexeddb: conditional fetch, a rotated key used for the next record,
// a running session finishing under the settings it started with, the "not reached" warning and the day's-end purge.
import { beforeEach, describe, expect, it } from 'vitest';
import { itemsInOrder } from '../../src/shared/core/instrument.ts';
import {
  DEFAULT_SETTINGS,
  restoreSettings,
  type AgencySettings,
} from '../../src/shared/core/settings.ts';
import type { DeviceConfig } from '../../src/shared/contract/protocol.ts';
import { database } from '../../src/tablet/storage/db.ts';
import { loadEnrollment, saveEnrollment, type ServerKey } from '../../src/tablet/storage/device.ts';
import { loadOfficeConfig, saveOfficeStamp } from '../../src/tablet/storage/officeConfig.ts';
import { markDelivered, purgeSyncedPreviews } from '../../src/tablet/storage/outbox.ts';
import { completeSession, saveAnswer, startSession } from '../../src/tablet/storage/sessions.ts';
import { loadSettings, saveSettings } from '../../src/tablet/storage/settings.ts';
import { refreshConfig } from '../../src/tablet/sync/config.ts';
import { contactOverdue } from '../../src/tablet/sync/contact.ts';
import { beforeSending, startOfLocalDay } from '../../src/tablet/sync/round.ts';
import { drainOutbox } from '../../src/tablet/sync/sender.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { freshDatabase, instrument } from './fixtures.ts';

async function newKey(keyId: string): Promise<ServerKey> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ]);
  return { keyId, publicKeyJwk: await crypto.subtle.exportKey('jwk', pair.publicKey) };
}

/** A fake server: answers config conditionally from `state`, takes every sync batch, and logs the requests. */
function fakeServer(state: { config: DeviceConfig; etag: string }) {
  const log: { url: string; ifNoneMatch: string | null; status: number; sealedTo?: string[] }[] =
    [];
  const fetchFn: typeof fetch = (input, init) => Promise.resolve(answer(input, init));
  const answer = (input: string | URL | Request, init?: RequestInit): Response => {
    const url = input instanceof Request ? input.url : input.toString();
    const headers = new Headers(init?.headers);
    if (url.endsWith('/api/devices/config')) {
      const ifNoneMatch = headers.get('if-none-match');
      const status = ifNoneMatch === state.etag ? 304 : 200;
      log.push({ url, ifNoneMatch, status });
      return status === 304
        ? new Response(null, { status, headers: { etag: state.etag } })
        : new Response(JSON.stringify(state.config), { status, headers: { etag: state.etag } });
    }
    if (url.endsWith('/api/sync/sessions')) {
      const body = JSON.parse(init?.body as string) as {
        sessions: { sessionId: string; keyId: string }[];
      };
      log.push({
        url,
        ifNoneMatch: null,
        status: 200,
        sealedTo: body.sessions.map((s) => s.keyId),
      });
      return Response.json({
        receipts: body.sessions.map((s) => ({
          sessionId: s.sessionId,
          status: 'stored',
          receivedAt: 'x',
        })),
        rejected: [],
      });
    }
    return new Response(null, { status: 404 });
  };
  return { fetch: fetchFn, log };
}

const configWith = (
  settings: AgencySettings,
  version: number,
  serverKey: ServerKey,
): DeviceConfig => ({
  deviceId: 'd1',
  name: 'Tablet 1',
  settings,
  settingsVersion: version,
  settingsUpdatedAt: '2026-03-02T09:00:00.000Z',
  instruments: [],
  serverKey,
});

let k1: ServerKey;
beforeEach(async () => {
  await freshDatabase();
  k1 = await newKey('k1');
  await saveEnrollment({
    serverUrl: 'http://server.test',
    deviceId: 'd1',
    deviceName: 'Tablet 1',
    token: 'secret',
    serverKey: k1,
    enrolledAt: 0,
  });
});

async function answeredSession(id: string, settings: AgencySettings, settingsVersion: number) {
  // What the office last sent; startSession takes its snapshot from here.
  await saveSettings(settings);
  await saveOfficeStamp({ etag: null, settingsVersion, settingsUpdatedAt: null, checkedAt: 0 });
  await startSession({ id, at: 1, instrument, language: 'nl', reference: null });
  let i = 0;
  for (const { item } of itemsInOrder(instrument)) await saveAnswer(id, item.id, (i++ % 5) + 1, 2);
}

describe('refreshConfig', () => {
  it('stores a changed config and then asks with If-None-Match, getting a 304', async () => {
    const settings = restoreSettings({ consentText: 'Van het kantoor' });
    const server = fakeServer({ config: configWith(settings, 4, k1), etag: '"v4"' });
    const deps = { fetch: server.fetch, now: () => 5_000 };
    expect((await refreshConfig(deps)).kind).toBe('changed');
    expect((await loadSettings()).consentText).toBe('Van het kantoor');
    expect(await loadOfficeConfig()).toEqual({
      etag: '"v4"',
      settingsVersion: 4,
      settingsUpdatedAt: '2026-03-02T09:00:00.000Z',
      checkedAt: 5_000,
    });
    expect((await refreshConfig({ ...deps, now: () => 9_000 })).kind).toBe('unchanged');
    expect(server.log.map((r) => [r.ifNoneMatch, r.status])).toEqual([
      [null, 200],
      ['"v4"', 304],
    ]);
    expect((await loadOfficeConfig())?.checkedAt).toBe(9_000);
  });

  it('picks up a rotated key, and the next record is sealed to it in the same round', async () => {
    await answeredSession('00000000-0000-4000-8000-00000000000a', DEFAULT_SETTINGS, 1);
    await completeSession(
      instrument,
      '00000000-0000-4000-8000-00000000000a',
      DEFAULT_SETTINGS.scoring,
      3,
    );
    const k2 = await newKey('k2');
    const server = fakeServer({ config: configWith(DEFAULT_SETTINGS, 1, k2), etag: '"k2"' });
    const deps = {
      fetch: server.fetch,
      now: () => 10_000,
      random: () => 0.5,
      seal: sealRecord,
      retention: 'until-synced' as const,
      online: () => true,
    };
    await beforeSending(deps);
    expect((await loadEnrollment())?.serverKey.keyId).toBe('k2');
    expect((await drainOutbox(deps)).kind).toBe('done');
    expect(server.log.find((r) => r.sealedTo)?.sealedTo).toEqual(['k2']);
  });

  it('leaves a running session on the settings it started with; its record names that version', async () => {
    const id = '00000000-0000-4000-8000-00000000000b';
    const old = restoreSettings({ scoring: { dominantThreshold: 20 }, consentText: 'Oud' });
    await answeredSession(id, old, 7);
    const server = fakeServer({
      config: configWith(
        restoreSettings({ scoring: { dominantThreshold: 95 }, consentText: 'Nieuw' }),
        8,
        k1,
      ),
      etag: '"v8"',
    });
    await refreshConfig({ fetch: server.fetch, now: () => 4 });
    expect((await loadSettings()).consentText).toBe('Nieuw');
    const row = await database().sessions.get(id);
    expect(row?.settings?.consentText).toBe('Oud');
    // Even if the caller hands in today's scoring, the session's own snapshot decides.
    await completeSession(instrument, id, (await loadSettings()).scoring, 5);
    const record = (await database().outbox.get(id))?.record;
    expect(record?.settingsVersion).toBe(7);
    expect(record?.profile.threshold).toBe(20);
  });
});

describe('contactOverdue', () => {
  const DAY = 86_400_000;
  const enrollment = {
    serverUrl: 'x',
    deviceId: 'd',
    deviceName: 'T',
    token: 't',
    serverKey: { keyId: 'k', publicKeyJwk: {} },
    enrolledAt: 0,
  };
  const status = {
    lastAttemptAt: null,
    lastSuccessAt: DAY,
    lastError: null,
    refused: false,
    failures: 0,
    retryAt: 0,
  };
  it("warns after the agency's number of days without any contact, with the sessions waiting", () => {
    const base = { enrollment, status, office: null, queued: 4, warnDays: 3 };
    expect(contactOverdue({ ...base, now: 4 * DAY })).toBeNull();
    expect(contactOverdue({ ...base, now: 4 * DAY + 1 })).toEqual({ since: DAY, queued: 4 });
    const office = { etag: null, settingsVersion: 1, settingsUpdatedAt: null, checkedAt: 2 * DAY };
    expect(contactOverdue({ ...base, office, now: 4 * DAY + 1 })).toBeNull();
    expect(contactOverdue({ ...base, enrollment: null, now: 40 * DAY })).toBeNull();
  });
});

describe('previews at the end of the day', () => {
  it('keeps a synced preview through its day and drops it after local midnight', async () => {
    const id = '00000000-0000-4000-8000-00000000000c';
    const noon = new Date(2026, 2, 2, 12).getTime();
    await answeredSession(id, DEFAULT_SETTINGS, 1);
    await completeSession(instrument, id, DEFAULT_SETTINGS.scoring, noon);
    await markDelivered([id], noon + 60_000, 'end-of-day');
    expect(await purgeSyncedPreviews(startOfLocalDay(noon + 3_600_000))).toBe(0);
    expect((await database().sessions.get(id))?.profile).not.toBeNull();
    expect(await database().outbox.get(id)).toBeUndefined();
    const nextMorning = new Date(2026, 2, 3, 7).getTime();
    expect(await purgeSyncedPreviews(startOfLocalDay(nextMorning))).toBe(1);
    expect(await database().sessions.get(id)).toBeUndefined();
  });
});
