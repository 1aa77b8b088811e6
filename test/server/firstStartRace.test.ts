// First start raced by several instances on one database: exactly one sealing key (no 23505 on
// server_keys_one_active), a key rotation racing another keeps one active key, and the retention job claimed once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureServerKey, rotateServerKey } from '../../src/server/crypto/keys.ts';
import type { Db } from '../../src/server/db.ts';
import { claimJob, jobRuns } from '../../src/server/jobs/claim.ts';
import { migrate } from '../../src/server/migrate.ts';
import { DB_KIND, TEST_KEK, testDb } from './helpers.ts';

let db: Db;
beforeAll(async () => {
  db = await testDb();
  await migrate(db);
}, 180_000);
afterAll(() => db.close());

const count = async (sql: string) => (await db.query<{ n: number }>(sql)).rows[0]?.n ?? -1;

describe(`first start raced by several instances (${DB_KIND})`, () => {
  it('creates one sealing key when eight starts ask at once, and all get that key', async () => {
    const now = Date.now();
    const keys = await Promise.all(
      Array.from({ length: 8 }, () => ensureServerKey(db, TEST_KEK, now)),
    );
    expect(new Set(keys.map((k) => k.keyId)).size).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM server_keys')).toBe(1);
  });

  it('keeps exactly one active key when two rotations race', async () => {
    await Promise.all([
      rotateServerKey(db, TEST_KEK, Date.now()),
      rotateServerKey(db, TEST_KEK, Date.now()),
    ]);
    expect(await count('SELECT count(*)::int AS n FROM server_keys WHERE active')).toBe(1);
    expect(await count('SELECT count(*)::int AS n FROM server_keys')).toBe(3);
  });

  it('lets one of many simultaneous claims run a job, and the next only after its period', async () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    const hour = 3_600_000;
    const won = await Promise.all(
      Array.from({ length: 6 }, () => claimJob(db, 'test-job', now, hour)),
    );
    expect(won.filter(Boolean)).toHaveLength(1);
    expect(await claimJob(db, 'test-job', now + hour - 1, hour)).toBe(false);
    expect(await claimJob(db, 'test-job', now + hour, hour)).toBe(true);
    expect(await jobRuns(db, 'test-job')).toBe(2);
  });
});
