// Clients end to end: ingest matching (follow-up by code), staff see only linked clients, dashboard, erasure + replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ClientDetail,
  ClientSummary,
  Dashboard,
} from '../../src/shared/contract/workspaceApi.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { DB_KIND, fixture, makeRecord, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

let f: Fixture;
let coord: string;
let staff: { id: string; cookie: string };
beforeAll(async () => {
  f = await fixture();
  coord = (await signedIn(f.app, f.db, 'coordinator')).cookie;
  staff = await signedIn(f.app, f.db, 'staff');
});
afterAll(() => f.close());

const send = async (...records: ReturnType<typeof makeRecord>[]) =>
  (
    await f.sync({
      sessions: await Promise.all(records.map((r) => sealRecord(r, f.tablet.serverKey))),
    })
  ).json as SyncResponse;

describe(`clients (${DB_KIND})`, () => {
  it('matches by name and birth date, by client code (follow-up), and erases for good', async () => {
    const first = makeRecord({ reference: 'R-1' });
    const sameName = makeRecord({
      reference: 'R-2',
      details: { firstName: 'FATIMA', lastName: 'de  vries', dateOfBirth: '1980-04-01' },
    });
    await send(first, sameName);
    const list = (await ws(f.app, 'GET', '/api/clients', { cookie: coord })).json<
      ClientSummary[]
    >();
    expect(list).toHaveLength(1);
    const client = list[0]!;
    expect(client.measurementCount).toBe(2);
    const followUp = makeRecord({ reference: client.code.toLowerCase(), details: {} });
    await send(followUp);
    const detail = (
      await ws(f.app, 'GET', `/api/clients/${client.id}`, { cookie: coord })
    ).json<ClientDetail>();
    expect(detail.measurements).toHaveLength(3);
    expect(JSON.stringify(detail)).not.toContain('"answers"');

    // Staff: 403 before the link, the profile after it.
    expect(
      (await ws(f.app, 'GET', `/api/clients/${client.id}`, { cookie: staff.cookie })).statusCode,
    ).toBe(403);
    await ws(f.app, 'PUT', `/api/clients/${client.id}/link`, {
      cookie: coord,
      body: { staffId: staff.id },
    });
    expect(
      (await ws(f.app, 'GET', `/api/clients/${client.id}`, { cookie: staff.cookie })).statusCode,
    ).toBe(200);
    const j = await ws(f.app, 'POST', `/api/clients/${client.id}/judgements`, {
      cookie: staff.cookie,
      body: {
        measurementId: first.sessionId,
        fit: 'yes',
        observedPosture: 'verbondenheid',
        note: 'klopt',
      },
    });
    expect(j.statusCode).toBe(201);
    const bad = await ws(f.app, 'POST', `/api/clients/${client.id}/judgements`, {
      cookie: staff.cookie,
      body: { measurementId: first.sessionId, fit: 'yes', observedPosture: 'begeleider' },
    });
    expect(bad.statusCode).toBe(400);

    const dash = (await ws(f.app, 'GET', '/api/dashboard', { cookie: coord })).json<Dashboard>();
    expect(dash.n).toBe(3);
    expect(dash.fit.staff.yes).toBe(1);
    expect(dash.averageProfile.map((p) => p.scale)).toEqual([
      'verbondenheid',
      'overgave',
      'weerstand',
      'onthechting',
      'omzeiling',
    ]);

    const erase = await ws(f.app, 'DELETE', `/api/clients/${client.id}`, { cookie: coord });
    expect(erase.statusCode).toBe(204);
    const replay = await send(first);
    expect(replay.rejected.map((r) => r.status)).toEqual([410]);
    expect((await ws(f.app, 'GET', '/api/dashboard', { cookie: coord })).json<Dashboard>().n).toBe(
      0,
    );
    // Gone from every table (tombstones keep session ids; the audit log keeps the client id, nothing personal).
    const tables = await f.db.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    for (const { t } of tables.rows) {
      const dump = JSON.stringify((await f.db.query(`SELECT * FROM "${t}"`)).rows);
      expect(dump, t).not.toContain('Fatima');
      expect(dump, t).not.toMatch(/vries/i);
      expect(dump, t).not.toContain(client.code);
      expect(dump, t).not.toContain('klopt');
      if (t !== 'tombstones') expect(dump, t).not.toContain(first.sessionId);
      if (t !== 'audit_log') expect(dump, t).not.toContain(client.id);
    }
  });
});
