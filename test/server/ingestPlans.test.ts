// Issue 15: a sync batch reads measurements, tombstones and clients by key, also while the tables are young (a few
// thousand rows, never analysed). The ids and keys used to arrive as jsonb lists, which the planner guesses at 100
// elements; at 1,260 measurements it then read the whole table for every batch (auto_explain: a Seq Scan taking 8 of
// the batch's 9 ms). Arrays tell it the batch's size. The clients' newest-measurement update was joined to the batch
// and read every client, even for a batch of new clients only (3.7 of a batch's 7.4 ms on PGlite at 3,000 clients).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEFORE_SQL } from '../../src/server/ingest.ts';
import { STATE_SQL, WRITE_SQL } from '../../src/server/ingestStore.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';

let f: Fixture;
let device: string;
const ROWS = 3000;

beforeAll(async () => {
  f = await fixture();
  device = (await f.db.query<{ id: string }>('SELECT id::text FROM devices LIMIT 1')).rows[0]!.id;
  // Rows about as wide as real ones (~2 kB), so a full read costs what it costs in use.
  await f.db.query(
    `INSERT INTO clients (id, code, reference, reference_key, first_name, last_name, name_key, date_of_birth,
       created_at, latest_at, measurement_count)
     SELECT gen_random_uuid(), 'P' || g, 'A-' || g, 'a-' || g, 'Amira', 'Jansen-' || g, 'amira jansen-' || g,
       '1980-01-01', now(), now(), 1 FROM generate_series(1, ${ROWS}) g`,
  );
  await f.db.query(
    `INSERT INTO measurements (session_id, device_id, client_id, instrument_id, instrument_version, language, details,
       answers, answered_at, client_profile, server_profile, score_mismatch, body_hash, started_at, completed_at,
       received_at)
     SELECT gen_random_uuid(), $1::uuid, id, 'pilot-2019', 1, 'nl', jsonb_build_object('note', repeat('x', 1500)),
       '{}', '{}', '{}', '{}', false, md5(code), now(), now(), now() FROM clients`,
    [device],
  );
}, 60_000);
afterAll(() => f.close());

type PlanNode = Record<string, unknown>;

/** Every node of a statement's plan, from EXPLAIN's JSON. */
async function planNodes(sql: string, params: unknown[]): Promise<PlanNode[]> {
  const r = await f.db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const plan = r.rows[0]?.['QUERY PLAN'];
  const found: PlanNode[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ('Node Type' in node) found.push(node);
      Object.values(node).forEach(walk);
    }
  };
  walk(typeof plan === 'string' ? JSON.parse(plan) : plan);
  return found;
}

/** The tables a plan reads in full ("Seq Scan" nodes). */
const fullReads = async (sql: string, params: unknown[]): Promise<string[]> =>
  (await planNodes(sql, params))
    .filter((n) => n['Node Type'] === 'Seq Scan')
    .map((n) => String(n['Relation Name']));

const twenty = () => Array.from({ length: 20 }, () => randomUUID());

describe(`a sync batch reads by key on young tables (${DB_KIND}, ${ROWS} measurements, not analysed)`, () => {
  it('looks up erased ids before decrypting without reading every tombstone', async () => {
    expect(await fullReads(BEFORE_SQL, [twenty()])).not.toContain('tombstones');
  });

  it('reads stored and erased ids by key', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `a-${i * 7}`);
    const names = Array.from({ length: 20 }, (_, i) => `amira jansen-${i * 7}`);
    const reads = await fullReads(STATE_SQL, [
      twenty(),
      [],
      keys,
      names,
      new Date().toISOString(),
      device,
    ]);
    // Candidate clients are matched on keys the planner has no statistics for until the table is analysed (it then
    // guesses 1 in 200 rows per key); those arms may read a young clients table whole, which costs ~0.2 ms.
    expect(reads.filter((t) => t !== 'clients')).toEqual([]);
  });

  it("reads only the batch's existing clients to update their newest measurement", async () => {
    const existing = (
      await f.db.query<{ id: string }>('SELECT id::text FROM clients ORDER BY code LIMIT 3')
    ).rows.map((r) => r.id);
    const nodes = await planNodes(WRITE_SQL, [
      '[]',
      new Date().toISOString(),
      '[]',
      device,
      existing,
    ]);
    // The update's scan of clients (alias c): by key, or (PostgreSQL on a small table) filtered on the listed ids;
    // never the whole table joined to the batch.
    const scans = nodes.filter(
      (n) => n['Alias'] === 'c' && String(n['Node Type']).includes('Scan'),
    );
    expect(scans.length).toBeGreaterThan(0);
    for (const scan of scans) expect(JSON.stringify(scan)).toMatch(/ANY/);
  });
});
