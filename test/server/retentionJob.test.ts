// Retention on the server: the job erases measurements completed longer ago than the agency's period from every table
// (the dashboard rollup too), tombstones them so a tablet's replay is refused, and keeps younger ones. And every view
// of a client's profile is in the audit log.
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Dashboard } from '../../src/shared/contract/workspaceApi.ts';
import { runRetention } from '../../src/server/clients/orgRoutes.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
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
const at = (iso: string) => {
  const t = Date.parse(iso);
  return { completedAt: t, startedAt: t - 600_000, consentAt: t - 590_000 };
};
const send = async (...records: ReturnType<typeof makeRecord>[]) =>
  (
    await f.sync({
      sessions: await Promise.all(records.map((r) => sealRecord(r, f.tablet.serverKey))),
    })
  ).json as SyncResponse;

/** Every row of every table, as text: what "gone from the database" is checked against. */
async function everyTable(): Promise<Record<string, string>> {
  const tables = await f.db.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const out: Record<string, string> = {};
  for (const { t } of tables.rows)
    out[t] = JSON.stringify((await f.db.query(`SELECT * FROM "${t}"`)).rows);
  return out;
}

const rollupBefore = async (day: string) =>
  (
    await f.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM dashboard_rollup WHERE start <= $1::date',
      [day],
    )
  ).rows[0]?.n;

describe(`retention on the server (${DB_KIND})`, () => {
  it('erases expired measurements from every table and the rollup, refuses their replay, keeps younger ones', async () => {
    // The test clock stands at 2026-03-02. Old: 2025-11-20 (102 days); young: 2026-02-20 (10 days).
    const details = { firstName: 'Olga', lastName: 'Ouderdom', dateOfBirth: '1960-01-01' };
    const old = makeRecord({ reference: 'OUD-1', details, ...at('2025-11-20T10:00:00Z') });
    const young = makeRecord({ reference: 'OUD-2', details, ...at('2026-02-20T10:00:00Z') });
    const onlyOld = makeRecord({
      reference: 'ALLEEN-OUD',
      details: { firstName: 'Henk', lastName: 'Vroeger', dateOfBirth: '1950-05-05' },
      ...at('2025-11-21T10:00:00Z'),
    });
    expect((await send(old, young, onlyOld)).receipts).toHaveLength(3);
    const staff = await signedIn(f.app, f.db, 'staff');
    const olga = (
      await f.db.query<{ id: string }>(
        'SELECT client_id::text AS id FROM measurements WHERE session_id = $1::uuid',
        [old.sessionId],
      )
    ).rows[0]!.id;
    await ws(f.app, 'PUT', `/api/clients/${olga}/link`, {
      cookie: coord,
      body: { staffId: staff.id },
    });
    await ws(f.app, 'POST', `/api/clients/${olga}/judgements`, {
      cookie: staff.cookie,
      body: { measurementId: old.sessionId, fit: 'no', note: 'oude notitie' },
    });
    expect(await rollupBefore('2025-11-30')).toBeGreaterThan(0);

    // Setting 60 days applies at once.
    const put = await ws(f.app, 'PUT', '/api/retention', { cookie: coord, body: { days: 60 } });
    expect(put.statusCode).toBe(200);
    const dump = await everyTable();
    for (const [table, rows] of Object.entries(dump)) {
      if (table !== 'tombstones') {
        expect(rows, table).not.toContain(old.sessionId);
        expect(rows, table).not.toContain(onlyOld.sessionId);
      }
      expect(rows, table).not.toContain('Henk');
      expect(rows, table).not.toContain('oude notitie');
      expect(rows, table).not.toContain('ALLEEN-OUD');
    }
    expect(dump.tombstones).toContain(old.sessionId);
    expect(await rollupBefore('2025-11-30')).toBe(0);
    // The younger measurement and its client stay; the client left without measurements is gone.
    const kept = await f.db.query<{ id: string; client: string }>(
      'SELECT session_id::text AS id, client_id::text AS client FROM measurements',
    );
    expect(kept.rows).toEqual([{ id: young.sessionId, client: olga }]);
    expect((await f.db.query('SELECT 1 FROM clients')).rows).toHaveLength(1);
    const dash = (await ws(f.app, 'GET', '/api/dashboard', { cookie: coord })).json<Dashboard>();
    expect(dash.n).toBe(1);
    // A tablet still holding the old sessions is told they were erased.
    const replay = await send(old, onlyOld);
    expect(replay.rejected.map((r) => r.status)).toEqual([410, 410]);

    // The hourly job: once the young one passes 60 days it goes too, with an audit line.
    f.clock.advance(45 * DAY);
    expect(await runRetention({ db: f.db, clock: f.clock.now })).toBe(0);
    expect((await f.db.query('SELECT 1 FROM measurements')).rows).toHaveLength(1);
    f.clock.advance(10 * DAY);
    expect(await runRetention({ db: f.db, clock: f.clock.now })).toBe(1);
    expect((await f.db.query('SELECT 1 FROM measurements')).rows).toHaveLength(0);
    expect((await f.db.query('SELECT 1 FROM clients')).rows).toHaveLength(0);
    expect((await f.db.query('SELECT 1 FROM dashboard_rollup')).rows).toHaveLength(0);
    expect((await send(young)).rejected.map((r) => r.status)).toEqual([410]);
    // 55 days later the coordinator's session has long ended.
    coord = (await signedIn(f.app, f.db, 'coordinator')).cookie;
    const audit = (await ws(f.app, 'GET', '/api/audit', { cookie: coord })).json<AuditEntry[]>();
    expect(audit.filter((e) => e.action === 'erase_retention').map((e) => e.detail)).toEqual([
      '1 measurements past the retention period',
      '2 measurements past the retention period',
    ]);
  });

  it('writes every view of a client profile to the audit log', async () => {
    const r = makeRecord({ reference: 'AUDIT-1', ...at('2026-04-20T10:00:00Z') });
    await send(r);
    const client = (
      await f.db.query<{ id: string }>(
        'SELECT client_id::text AS id FROM measurements WHERE session_id = $1::uuid',
        [r.sessionId],
      )
    ).rows[0]!.id;
    const staff = await signedIn(f.app, f.db, 'staff', { name: 'Vera Viewer' });
    await ws(f.app, 'PUT', `/api/clients/${client}/link`, {
      cookie: coord,
      body: { staffId: staff.id },
    });
    for (let i = 0; i < 3; i++)
      expect(
        (await ws(f.app, 'GET', `/api/clients/${client}`, { cookie: staff.cookie })).statusCode,
      ).toBe(200);
    expect((await ws(f.app, 'GET', `/api/clients/${client}`, { cookie: coord })).statusCode).toBe(
      200,
    );
    const views = (await ws(f.app, 'GET', `/api/audit?clientId=${client}`, { cookie: coord }))
      .json<AuditEntry[]>()
      .filter((e) => e.action === 'view_profile');
    expect(views.map((e) => e.actorName)).toEqual([
      expect.stringMatching(/Coördinator/),
      'Vera Viewer',
      'Vera Viewer',
      'Vera Viewer',
    ]);
    expect(views.every((e) => e.clientId === client)).toBe(true);
  });
});
