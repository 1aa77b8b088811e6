// Issue 15: clients.latest_at (what the client lists sort and page by) always equals the newest measurement's
// completion, after ingest, merge, split and erasure, and the list is in that order. The other list columns kept on
// the client (count, newest measurement's id, language and dominant postures, migration 019) and the per-staff link
// counts of the account list follow the same changes.
import { describe, expect, it } from 'vitest';
import { mergeClients, splitMeasurement } from '../../src/server/clients/changes.ts';
import { eraseClient, eraseMeasurements } from '../../src/server/clients/erasure.ts';
import type { ClientSummary } from '../../src/shared/contract/workspaceApi.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, makeRecord, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';
import { coordinatorFixture } from './coordinatorFixture.ts';

let f: Fixture;
let coord: string;
coordinatorFixture((w) => {
  ({ f, cookie: coord } = w);
});

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-10T10:00:00Z');
const at = (reference: string, day: number) =>
  makeRecord({
    reference,
    details: {},
    completedAt: T0 + day * DAY,
    startedAt: T0 + day * DAY - 600_000,
    consentAt: T0 + day * DAY - 500_000,
  });
const send = async (...records: ReturnType<typeof makeRecord>[]) =>
  f.sync({ sessions: await Promise.all(records.map((r) => sealRecord(r, f.tablet.serverKey))) });

/** Clients whose list columns differ from their measurements, and staff whose link count is off (should be none). */
const drift = async () => [
  ...(
    await f.db.query<{ id: string }>(
      `SELECT c.id::text AS id FROM clients c
       LEFT JOIN LATERAL (SELECT m.completed_at, m.session_id, m.language, m.server_profile->'dominant' AS dominant
         FROM measurements m WHERE m.client_id = c.id ORDER BY m.completed_at DESC, m.session_id DESC LIMIT 1) x ON true
       WHERE c.latest_at IS DISTINCT FROM x.completed_at OR c.latest_id IS DISTINCT FROM x.session_id
         OR c.latest_language IS DISTINCT FROM x.language OR c.latest_dominant IS DISTINCT FROM x.dominant
         OR c.measurement_count <> (SELECT count(*) FROM measurements m WHERE m.client_id = c.id)
         OR c.staff_id IS DISTINCT FROM (SELECT l.staff_id FROM client_links l WHERE l.client_id = c.id)`,
    )
  ).rows,
  ...(
    await f.db.query<{ id: string }>(
      `SELECT u.id::text AS id FROM users u
       WHERE COALESCE((SELECT clients FROM staff_caseloads s WHERE s.staff_id = u.id), 0)
         <> (SELECT count(*) FROM client_links l WHERE l.staff_id = u.id)`,
    )
  ).rows,
];
const list = async () =>
  (await ws(f.app, 'GET', '/api/clients', { cookie: coord })).json<ClientSummary[]>();
const idOf = async (reference: string) =>
  (await list()).find((c) => c.reference === reference)?.id ?? '';

describe(`clients.latest_at (${DB_KIND})`, () => {
  it('follows ingest, merge, split and erasure; the list is newest first', async () => {
    const a1 = at('A', 1);
    await send(a1, at('A', 5), at('B', 3), at('C', 4));
    await send(at('B', 2));
    expect(await drift()).toEqual([]);
    expect((await list()).map((c) => c.reference)).toEqual(['A', 'C', 'B']);

    const [a, b, c] = [await idOf('A'), await idOf('B'), await idOf('C')];
    await f.db.transaction((tx) => mergeClients(tx, b, a));
    expect(await drift()).toEqual([]);
    expect((await list()).map((x) => x.reference)).toEqual(['B', 'C']);

    const split = await f.db.transaction((tx) => splitMeasurement(tx, a1.sessionId, T0));
    expect(split.ok).toBe(true);
    expect(await drift()).toEqual([]);

    await f.db.transaction((tx) => eraseClient(tx, c, T0));
    await f.db.transaction((tx) => eraseMeasurements(tx, [a1.sessionId], T0));
    expect(await drift()).toEqual([]);
    expect((await list()).map((x) => x.reference)).toEqual(['B']);
  });

  it("keeps a staff member's list newest first as measurements arrive after the link", async () => {
    const staff = await signedIn(f.app, f.db, 'staff');
    await send(at('X', 1), at('Y', 2));
    for (const ref of ['X', 'Y'])
      await ws(f.app, 'PUT', `/api/clients/${await idOf(ref)}/link`, {
        cookie: coord,
        body: { staffId: staff.id },
      });
    const mine = async () =>
      (await ws(f.app, 'GET', '/api/clients', { cookie: staff.cookie }))
        .json<ClientSummary[]>()
        .map((c) => c.reference);
    expect(await mine()).toEqual(['Y', 'X']);
    await send(at('X', 3));
    expect(await mine()).toEqual(['X', 'Y']);
    expect(await drift()).toEqual([]);
    // Moving a link and erasing a linked client change the account list's counts.
    const other = await signedIn(f.app, f.db, 'staff');
    await ws(f.app, 'PUT', `/api/clients/${await idOf('X')}/link`, {
      cookie: coord,
      body: { staffId: other.id },
    });
    expect(await drift()).toEqual([]);
    await ws(f.app, 'DELETE', `/api/clients/${await idOf('Y')}`, { cookie: coord });
    expect(await drift()).toEqual([]);
    const accounts = (await ws(f.app, 'GET', '/api/users', { cookie: coord })).json<
      { id: string; caseload: number }[]
    >();
    expect(accounts.find((a) => a.id === staff.id)?.caseload).toBe(0);
    expect(accounts.find((a) => a.id === other.id)?.caseload).toBe(1);
  });

  it('takes the newest of one batch, ties broken by session id, and counts every measurement', async () => {
    const same = [at('T', 7), at('T', 7), at('T', 6)];
    await send(...same);
    const id = await idOf('T');
    const row = (await list()).find((c) => c.id === id);
    const newest = [same[0]!.sessionId, same[1]!.sessionId].sort().reverse()[0];
    expect(row?.measurementCount).toBe(3);
    expect(row?.latest?.measurementId).toBe(newest);
    // A follow-up in a later batch at the same instant with a higher id takes over; one older does not.
    await send(at('T', 7), at('T', 2));
    expect(await drift()).toEqual([]);
    expect((await list()).find((c) => c.id === id)?.measurementCount).toBe(5);
  });
});
