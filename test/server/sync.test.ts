// The sync protocol end to end: sealed sessions in, receipts and rejections out, and bad input never changes the data.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rotateServerKey } from '../../src/server/crypto/keys.ts';
import { saveSettings } from '../../src/server/settingsStore.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { DB_KIND, fixture, makeRecord, TEST_KEK, type Fixture } from './helpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});
afterAll(() => f.close());
beforeEach(async () => {
  await f.db.exec('TRUNCATE measurements, tombstones, clients, dashboard_rollup CASCADE');
  await saveSettings(f.db, {}, f.clock.now());
});

const send = async (...records: ReturnType<typeof makeRecord>[]) => {
  const sessions = await Promise.all(records.map((r) => sealRecord(r, f.tablet.serverKey)));
  return f.sync({ sessions });
};

describe(`POST /api/sync/sessions (${DB_KIND})`, () => {
  it('stores a sealed session and returns a receipt', async () => {
    const record = makeRecord();
    const r = await send(record);
    expect(r.status).toBe(200);
    const body = r.json as SyncResponse;
    expect(body.rejected).toEqual([]);
    expect(body.receipts).toEqual([
      {
        sessionId: record.sessionId,
        status: 'stored',
        receivedAt: new Date(f.clock.now()).toISOString(),
      },
    ]);
    const row = (
      await f.db.query<Record<string, unknown>>(
        'SELECT * FROM measurements WHERE session_id = $1',
        [record.sessionId],
      )
    ).rows[0];
    expect(row).toMatchObject({
      device_id: f.tablet.deviceId,
      instrument_id: 'pilot-2019',
      instrument_version: 1,
      language: 'nl',
      reference: 'AFSPRAAK-123',
      details: record.details,
      answers: record.answers,
      score_mismatch: false,
    });
    expect(row?.server_profile).toEqual(row?.client_profile);
  });

  it('stores every language the client used, for researchers to compare', async () => {
    const record = makeRecord({ language: 'ar', languagesUsed: ['nl', 'ar'] });
    expect((await send(record)).status).toBe(200);
    const row = (
      await f.db.query<{ language: string; languages_used: unknown }>(
        'SELECT language, languages_used FROM measurements WHERE session_id = $1',
        [record.sessionId],
      )
    ).rows[0];
    expect(row).toEqual({ language: 'ar', languages_used: ['nl', 'ar'] });
  });

  it('answers a re-sealed copy of the same record as a duplicate with the first receipt', async () => {
    const record = makeRecord();
    const first = (await send(record)).json as SyncResponse;
    f.clock.advance(60_000);
    const again = await send(record);
    expect(again.status).toBe(200);
    const body = again.json as SyncResponse;
    expect(body.receipts).toEqual([
      {
        sessionId: record.sessionId,
        status: 'duplicate',
        receivedAt: first.receipts[0]?.receivedAt,
      },
    ]);
    expect((await f.counts()).measurements).toBe(1);
  });

  it('refuses a different record under a stored id with 409 and keeps the first', async () => {
    const record = makeRecord();
    await send(record);
    const other = makeRecord({ sessionId: record.sessionId, reference: 'ANDERS' });
    const body = (await send(other)).json as SyncResponse;
    expect(body.receipts).toEqual([]);
    expect(body.rejected).toMatchObject([
      { sessionId: record.sessionId, status: 409, error: 'conflict' },
    ]);
    const row = await f.db.query<{ reference: string }>(
      'SELECT reference FROM measurements WHERE session_id = $1',
      [record.sessionId],
    );
    expect(row.rows[0]?.reference).toBe('AFSPRAAK-123');
  });

  it('refuses an erased session with 410', async () => {
    const record = makeRecord();
    await f.db.query('INSERT INTO tombstones (session_id, erased_at) VALUES ($1, now())', [
      record.sessionId,
    ]);
    const body = (await send(record)).json as SyncResponse;
    expect(body.rejected).toMatchObject([
      { sessionId: record.sessionId, status: 410, error: 'erased' },
    ]);
    expect((await f.counts()).measurements).toBe(0);
  });

  it('refuses an unknown instrument version with 422', async () => {
    const record = makeRecord({ instrumentVersion: 99 });
    const body = (await send(record)).json as SyncResponse;
    expect(body.rejected).toMatchObject([{ status: 422, error: 'unknown_instrument' }]);
    expect((await f.counts()).measurements).toBe(0);
  });

  it('refuses answers that are not items or not on the scale with 422', async () => {
    const a = makeRecord({ answers: { nope: 3 } });
    const b = makeRecord({ answers: { [Object.keys(makeRecord().answers)[0] ?? '']: 9 } });
    const body = (await send(a, b)).json as SyncResponse;
    expect(body.rejected.map((r) => [r.status, r.error])).toEqual([
      [422, 'invalid_record'],
      [422, 'invalid_record'],
    ]);
  });

  it('keeps good sessions of a batch when others are rejected', async () => {
    const good = makeRecord();
    const bad = makeRecord({ instrumentVersion: 42 });
    const body = (await send(good, bad)).json as SyncResponse;
    expect(body.receipts.map((r) => r.sessionId)).toEqual([good.sessionId]);
    expect(body.rejected.map((r) => r.sessionId)).toEqual([bad.sessionId]);
  });

  it('flags a score mismatch and stores both profiles', async () => {
    await saveSettings(f.db, { scoring: { dominantThreshold: 10 } }, f.clock.now());
    const record = makeRecord();
    const body = (await send(record)).json as SyncResponse;
    expect(body.receipts[0]?.status).toBe('stored');
    const row = (
      await f.db.query<{
        score_mismatch: boolean;
        client_profile: { threshold: number };
        server_profile: { threshold: number };
      }>(
        'SELECT score_mismatch, client_profile, server_profile FROM measurements WHERE session_id = $1',
        [record.sessionId],
      )
    ).rows[0];
    expect(row?.score_mismatch).toBe(true);
    expect(row?.client_profile.threshold).toBe(62);
    expect(row?.server_profile.threshold).toBe(10);
  });

  it('still decrypts a record sealed to the previous key after a rotation', async () => {
    const old = f.tablet.serverKey;
    const record = makeRecord();
    const sealed = await sealRecord(record, old);
    const fresh = await rotateServerKey(f.db, TEST_KEK, f.clock.now());
    expect(fresh.keyId).not.toBe(old.keyId);
    const config = await f.app.inject({
      url: '/api/devices/config',
      headers: { authorization: `Bearer ${f.tablet.token}` },
    });
    expect(config.json<{ serverKey: { keyId: string } }>().serverKey.keyId).toBe(fresh.keyId);
    const body = (await f.sync({ sessions: [sealed] })).json as SyncResponse;
    expect(body.receipts[0]?.status).toBe('stored');
    const withNew = makeRecord();
    const body2 = (await f.sync({ sessions: [await sealRecord(withNew, fresh)] }))
      .json as SyncResponse;
    expect(body2.receipts[0]?.status).toBe('stored');
  });

  it('refuses a session sealed to an unknown key or altered in transit with 422', async () => {
    const record = makeRecord();
    const sealed = await sealRecord(record, f.tablet.serverKey);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[5] = (bytes[5] ?? 0) ^ 1;
    const tampered = { ...sealed, ciphertext: bytes.toString('base64') };
    const moved = { ...sealed, sessionId: randomUUID() };
    const unknown = { ...sealed, keyId: 'k-none' };
    const before = await f.counts();
    const body = (await f.sync({ sessions: [tampered, moved, unknown] })).json as SyncResponse;
    expect(body.rejected.map((r) => [r.status, r.error])).toEqual([
      [422, 'decrypt_failed'],
      [422, 'decrypt_failed'],
      [422, 'unknown_key'],
    ]);
    expect(await f.counts()).toEqual(before);
  });

  it('settles one id sent twice within a batch', async () => {
    const record = makeRecord();
    const other = makeRecord({ sessionId: record.sessionId, reference: 'ANDERS' });
    const body = (await send(record, record, other)).json as SyncResponse;
    expect(body.receipts.map((r) => r.status)).toEqual(['stored', 'duplicate']);
    expect(body.rejected.map((r) => r.status)).toEqual([409]);
    expect((await f.counts()).measurements).toBe(1);
  });

  it('is idempotent under concurrent sends of the same record', async () => {
    const record = makeRecord();
    const results = await Promise.all(Array.from({ length: 8 }, () => send(record)));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    const statuses = results.map((r) => (r.json as SyncResponse).receipts[0]?.status);
    expect(statuses.filter((s) => s === 'stored')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(7);
    expect((await f.counts()).measurements).toBe(1);
  });

  it('gives exactly one winner when different records race for one id', async () => {
    const id = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => send(makeRecord({ sessionId: id, reference: `R${i}` }))),
    );
    const bodies = results.map((r) => r.json as SyncResponse);
    expect(bodies.filter((b) => b.receipts[0]?.status === 'stored')).toHaveLength(1);
    expect(bodies.filter((b) => b.rejected[0]?.status === 409)).toHaveLength(5);
  });
});
