// Issue 11 §2: each session of a sync batch succeeds or fails on its own; only a malformed envelope fails the batch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import type { CompletedRecord } from '../../src/shared/core/session.ts';
import { DB_KIND, fixture, makeRecord, type Fixture } from './helpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});
afterAll(() => f.close());
beforeEach(async () => {
  await f.db.exec('TRUNCATE measurements, tombstones, clients, dashboard_rollup CASCADE');
});

const seal = (records: readonly CompletedRecord[]) =>
  Promise.all(records.map((r) => sealRecord(r, f.tablet.serverKey)));

const count = async (table: string): Promise<number> =>
  (await f.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? -1;

describe(`one bad record never blocks a batch (${DB_KIND})`, () => {
  it('rejects a record with a timestamp beyond what a date can hold (422) and stores the rest', async () => {
    const good = [makeRecord(), makeRecord({ reference: 'B' })];
    const late = makeRecord({ startedAt: 9e15 });
    const base = makeRecord();
    const firstItem = Object.keys(base.answeredAt)[0] ?? '';
    const lateAnswer = makeRecord({ answeredAt: { ...base.answeredAt, [firstItem]: 8.7e15 } });
    const lateCompletion = makeRecord({ completedAt: 1e300 });
    const r = await f.sync({
      sessions: await seal([good[0]!, late, lateAnswer, lateCompletion, good[1]!]),
    });
    expect(r.status).toBe(200);
    const body = r.json as SyncResponse;
    expect(body.receipts.map((x) => [x.sessionId, x.status])).toEqual(
      good.map((g) => [g.sessionId, 'stored']),
    );
    expect(body.rejected.map((x) => [x.sessionId, x.status, x.error])).toEqual([
      [late.sessionId, 422, 'invalid_record'],
      [lateAnswer.sessionId, 422, 'invalid_record'],
      [lateCompletion.sessionId, 422, 'invalid_record'],
    ]);
    expect(await count('measurements')).toBe(2);
  });

  it('rejects text the database cannot hold (NUL, a lone surrogate) per record', async () => {
    const good = makeRecord();
    const nul = makeRecord({ reference: 'A\u0000B' });
    const surrogate = makeRecord({
      details: { firstName: 'Fa\ud800tima', lastName: 'de Vries', dateOfBirth: '1980-04-01' },
    });
    const r = await f.sync({ sessions: await seal([nul, good, surrogate]) });
    expect(r.status).toBe(200);
    const body = r.json as SyncResponse;
    expect(body.receipts.map((x) => x.sessionId)).toEqual([good.sessionId]);
    expect(body.rejected.map((x) => [x.sessionId, x.status, x.error])).toEqual([
      [nul.sessionId, 422, 'invalid_record'],
      [surrogate.sessionId, 422, 'invalid_record'],
    ]);
    expect(await count('measurements')).toBe(1);
  });

  it('still fails the whole batch with 400 when an envelope is malformed', async () => {
    const [ok] = await seal([makeRecord()]);
    const r = await f.sync({ sessions: [ok, { ...ok, sessionId: 'not-a-uuid' }] });
    expect(r.status).toBe(400);
    expect(r.json).toMatchObject({ error: 'bad_request' });
    expect(await count('measurements')).toBe(0);
  });

  it('handles the same session id twice in one batch once: one measurement, one client', async () => {
    // Without reference or name every session starts a new client, so a second pass would leave an empty one.
    const record = makeRecord({ reference: null, details: {} });
    const sealed = await seal([record, record]);
    const body = (await f.sync({ sessions: sealed })).json as SyncResponse;
    expect(body.receipts.map((x) => x.status)).toEqual(['stored', 'duplicate']);
    expect(body.receipts[0]?.receivedAt).toBe(body.receipts[1]?.receivedAt);
    expect(await count('measurements')).toBe(1);
    expect(await count('clients')).toBe(1);
  });
});
