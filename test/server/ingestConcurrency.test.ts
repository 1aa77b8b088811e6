// Issue 11 §4: "one person, one client" and no deadlock when tablets send at the same moment (real concurrency on
// PostgreSQL: parallel requests, each its own pooled transaction; PGlite runs them one after another).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import type { EnrollResponse, SyncResponse } from '../../src/shared/contract/protocol.ts';
import type { CompletedRecord } from '../../src/shared/core/session.ts';
import { DB_KIND, fixture, makeRecord, type Fixture } from './helpers.ts';

let f: Fixture;
let second: EnrollResponse;
beforeAll(async () => {
  f = await fixture();
  second = await f.enroll('Tablet 2');
});
afterAll(() => f.close());
beforeEach(async () => {
  await f.db.exec('TRUNCATE measurements, tombstones, clients, dashboard_rollup CASCADE');
});

const count = async (table: string): Promise<number> =>
  (await f.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]?.n ?? -1;

const sendFrom = async (tablet: EnrollResponse, records: readonly CompletedRecord[]) => {
  const sessions = await Promise.all(records.map((r) => sealRecord(r, tablet.serverKey)));
  return f.sync({ sessions }, tablet.token);
};

const person = (i: number, run: string) => ({
  reference: null,
  details: { firstName: `Persoon${i}`, lastName: run, dateOfBirth: '1990-01-01' },
});

describe(`concurrent tablets (${DB_KIND})`, () => {
  it('gives 20 people sent at the same moment from two tablets 20 clients (name + birth date)', async () => {
    const run = randomUUID().slice(0, 8);
    const a = Array.from({ length: 20 }, (_, i) => makeRecord(person(i, run)));
    const b = Array.from({ length: 20 }, (_, i) => makeRecord(person(i, run)));
    const results = await Promise.all(
      a.flatMap((r, i) => [sendFrom(f.tablet, [r]), sendFrom(second, [b[i]!])]),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(await count('measurements')).toBe(40);
    expect(await count('clients')).toBe(20);
  });

  it('gives 20 people sent at the same moment from two tablets 20 clients (same reference)', async () => {
    const run = randomUUID().slice(0, 8);
    const ref = (i: number) => ({ reference: `${run}-${i}`, details: {} });
    const a = Array.from({ length: 20 }, (_, i) => makeRecord(ref(i)));
    const b = Array.from({ length: 20 }, (_, i) => makeRecord(ref(i)));
    const results = await Promise.all(
      a.flatMap((r, i) => [sendFrom(f.tablet, [r]), sendFrom(second, [b[i]!])]),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(await count('clients')).toBe(20);
  });

  it('answers overlapping batches sent in opposite order without a 500, each session stored once', async () => {
    const run = randomUUID().slice(0, 8);
    const rounds = Array.from({ length: 10 }, (_, k) =>
      Array.from({ length: 20 }, (_, i) => makeRecord(person(k * 20 + i, run))),
    );
    const results = await Promise.all(
      rounds.flatMap((batch) => [
        sendFrom(f.tablet, batch),
        sendFrom(f.tablet, [...batch].reverse()),
        sendFrom(second, batch.slice(5, 15)),
      ]),
    );
    expect(results.map((r) => r.status)).toEqual(Array(results.length).fill(200));
    for (const r of results) expect((r.json as SyncResponse).rejected).toEqual([]);
    expect(await count('measurements')).toBe(200);
    expect(await count('clients')).toBe(200);
  });
});
