// Issue 15: sessions are decrypted, validated and re-scored on worker threads, one task per sync request, with the
// same outcome as on the event loop (receipts, 422s, scores by settings version).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateKeyObject } from '../../src/server/crypto/unseal.ts';
import { openSessions, type OpenTask } from '../../src/server/ingestOpen.ts';
import {
  ingestPoolStats,
  ingestThreadsFromEnv,
  openInPool,
  startIngestThreads,
} from '../../src/server/ingestPool.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { DEFAULT_SCORING } from '../../src/shared/core/scoring.ts';
import { DB_KIND, fixture, makeRecord, PILOT, type Fixture } from './helpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});
afterAll(() => f.close());

describe(`ingest on worker threads (${DB_KIND})`, () => {
  it('opens the sessions of one sync request as one task on the pool', async () => {
    const before = ingestPoolStats().tasks;
    const good = [makeRecord(), makeRecord({ reference: 'P-2' })];
    const bad = makeRecord({ answers: { nonsense: 3 } });
    const sealed = await Promise.all(
      [good[0]!, bad, good[1]!].map((r) => sealRecord(r, f.tablet.serverKey)),
    );
    const altered = await sealRecord(makeRecord(), f.tablet.serverKey);
    const flipped = { ...altered, iv: Buffer.alloc(12, 7).toString('base64') };
    const r = await f.sync({ sessions: [...sealed, flipped] });
    expect(r.status).toBe(200);
    const body = r.json as SyncResponse;
    expect(body.receipts.map((x) => [x.sessionId, x.status])).toEqual(
      good.map((g) => [g.sessionId, 'stored']),
    );
    expect(body.rejected.map((x) => [x.sessionId, x.status, x.error])).toEqual([
      [bad.sessionId, 422, 'invalid_record'],
      [altered.sessionId, 422, 'decrypt_failed'],
    ]);
    expect(ingestPoolStats().tasks).toBe(before + 1);
    expect(ingestPoolStats().threads).toBeGreaterThan(0);
  });

  it('answers a key id that names an object property (constructor) as an unknown key', async () => {
    const sealed = await sealRecord(makeRecord(), f.tablet.serverKey);
    const r = await f.sync({ sessions: [{ ...sealed, keyId: 'constructor' }] });
    expect(r.status).toBe(200);
    expect((r.json as SyncResponse).rejected.map((x) => [x.status, x.error])).toEqual([
      [422, 'unknown_key'],
    ]);
  });

  it('gives the same answers on a worker thread as on the event loop', async () => {
    const pair = await globalThis.crypto.subtle.generateKey(
      { name: 'ECDH', namedCurve: 'P-256' },
      true,
      ['deriveBits'],
    );
    const publicKeyJwk = await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey);
    const records = [
      makeRecord({ sessionId: randomUUID() }),
      makeRecord({ sessionId: randomUUID(), settingsVersion: 7 }),
      makeRecord({ sessionId: randomUUID(), settingsVersion: 9 }),
      makeRecord({ sessionId: randomUUID(), answers: { x: 1 } }),
    ];
    const sealed = await Promise.all(
      records.map((r) => sealRecord(r, { keyId: 'k1', publicKeyJwk })),
    );
    const task: OpenTask = {
      sessions: [...sealed, { ...sealed[0]!, ciphertext: sealed[1]!.ciphertext }].map((s) => ({
        sealed: s,
        instrument: 0,
      })),
      instruments: [PILOT],
      keys: new Map([['k1', privateKeyObject(pair.privateKey)]]),
      today: { dominantThreshold: 50, desirabilityCautionAbove: 3 },
      versions: [[7, DEFAULT_SCORING]],
    };
    const inline = openSessions(task);
    expect(await openInPool(task, 2)).toEqual(inline);
    expect(
      inline.map((o) => ('refused' in o ? o.refused.error : o.scored ? 'scored' : 'later')),
    ).toEqual(['scored', 'scored', 'later', 'invalid_record', 'decrypt_failed']);
  });

  it('reads INGEST_WORKERS: a whole number, 0 for the event loop, one per core by default', () => {
    expect(ingestThreadsFromEnv('0')).toBe(0);
    expect(ingestThreadsFromEnv('3')).toBe(3);
    expect(ingestThreadsFromEnv(undefined)).toBeGreaterThan(0);
    expect(() => ingestThreadsFromEnv('two')).toThrow(/INGEST_WORKERS/);
    expect(() => ingestThreadsFromEnv('-1')).toThrow(/INGEST_WORKERS/);
  });

  it('starts the threads at server start and keeps them, so the first request does not wait for them', async () => {
    await startIngestThreads(3);
    // Running before any task, and kept (not ended after a minute idle).
    expect(ingestPoolStats()).toMatchObject({ threads: 3, kept: true });
    const before = ingestPoolStats().tasks;
    const pair = await globalThis.crypto.subtle.generateKey(
      { name: 'ECDH', namedCurve: 'P-256' },
      true,
      ['deriveBits'],
    );
    const publicKeyJwk = await globalThis.crypto.subtle.exportKey('jwk', pair.publicKey);
    const sealed = await sealRecord(makeRecord({ sessionId: randomUUID() }), {
      keyId: 'k1',
      publicKeyJwk,
    });
    const task: OpenTask = {
      sessions: [{ sealed, instrument: 0 }],
      instruments: [PILOT],
      keys: new Map([['k1', privateKeyObject(pair.privateKey)]]),
      today: DEFAULT_SCORING,
      versions: [],
    };
    expect(await openInPool(task, 3)).toEqual(openSessions(task));
    expect(ingestPoolStats()).toMatchObject({ tasks: before + 1, threads: 3, kept: true });
  });
});
