// The coordinator's corrections of a wrong match: merge moves every measurement (and judgement) to the kept client,
// split moves one measurement to a new client; history stays in time order, links follow the design, both are audited,
// and a measurement erased after being moved stays refused on replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AuditEntry,
  ClientDetail,
  ClientSummary,
} from '../../src/shared/contract/workspaceApi.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, fixture, makeRecord, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

let f: Fixture;
let coord: string;
let anna: { id: string; cookie: string };
let bram: { id: string; cookie: string };
beforeAll(async () => {
  f = await fixture();
  coord = (await signedIn(f.app, f.db, 'coordinator')).cookie;
  anna = await signedIn(f.app, f.db, 'staff');
  bram = await signedIn(f.app, f.db, 'staff');
});
afterAll(() => f.close());

const DAY = 86_400_000;
const T0 = Date.parse('2026-01-10T10:00:00Z');
const send = async (...records: ReturnType<typeof makeRecord>[]) =>
  (
    await f.sync({
      sessions: await Promise.all(records.map((r) => sealRecord(r, f.tablet.serverKey))),
    })
  ).json as SyncResponse;
const person = (firstName: string, lastName: string, reference: string, day: number) =>
  makeRecord({
    reference,
    details: { firstName, lastName, dateOfBirth: '1975-06-15' },
    completedAt: T0 + day * DAY,
    startedAt: T0 + day * DAY - 600_000,
    consentAt: T0 + day * DAY - 590_000,
  });
const detail = async (id: string, cookie = coord) =>
  (await ws(f.app, 'GET', `/api/clients/${id}`, { cookie })).json<ClientDetail>();
const clientOf = async (sessionId: string) =>
  (
    await f.db.query<{ id: string }>(
      'SELECT client_id::text AS id FROM measurements WHERE session_id = $1::uuid',
      [sessionId],
    )
  ).rows[0]?.id ?? null;
const auditOf = async (clientId: string) =>
  (await ws(f.app, 'GET', `/api/audit?clientId=${clientId}`, { cookie: coord })).json<
    AuditEntry[]
  >();

describe(`merge and split (${DB_KIND})`, () => {
  it('merge moves measurements and judgements, keeps history in order, keeps a link and is audited', async () => {
    // One person measured three times, but typed differently once: two clients.
    const a1 = person('Joke', 'Smit', 'M-1', 0);
    const a3 = person('Joke', 'Smit', 'M-3', 20);
    const b2 = person('Joke', 'Smid', 'M-2', 10);
    expect((await send(a1, a3, b2)).receipts).toHaveLength(3);
    const keep = (await clientOf(a1.sessionId))!;
    const gone = (await clientOf(b2.sessionId))!;
    expect(keep).not.toBe(gone);
    expect(await clientOf(a3.sessionId)).toBe(keep);

    // The wrong client is linked to Anna, the kept one to nobody yet; Anna judged the measurement.
    await ws(f.app, 'PUT', `/api/clients/${gone}/link`, {
      cookie: coord,
      body: { staffId: anna.id },
    });
    const judged = await ws(f.app, 'POST', `/api/clients/${gone}/judgements`, {
      cookie: anna.cookie,
      body: { measurementId: b2.sessionId, fit: 'partly', note: 'later samengevoegd' },
    });
    expect(judged.statusCode).toBe(201);

    const merged = await ws(f.app, 'POST', '/api/clients/merge', {
      cookie: coord,
      body: { keepId: keep, mergeId: gone },
    });
    expect(merged.statusCode).toBe(200);
    expect(merged.json<ClientSummary>().measurementCount).toBe(3);
    const d = await detail(keep);
    expect(d.measurements.map((m) => m.id)).toEqual([a1.sessionId, b2.sessionId, a3.sessionId]);
    expect(d.judgements.map((j) => [j.measurementId, j.note])).toEqual([
      [b2.sessionId, 'later samengevoegd'],
    ]);
    // The kept client had no link: it takes over Anna's, so she keeps seeing the person.
    expect(d.client.staff?.id).toBe(anna.id);
    expect(
      (await ws(f.app, 'GET', `/api/clients/${keep}`, { cookie: anna.cookie })).statusCode,
    ).toBe(200);
    // The merged client is gone, not flagged.
    expect((await ws(f.app, 'GET', `/api/clients/${gone}`, { cookie: coord })).statusCode).toBe(
      404,
    );
    expect((await f.db.query('SELECT 1 FROM clients WHERE id = $1::uuid', [gone])).rows).toEqual(
      [],
    );
    expect(
      (await f.db.query('SELECT 1 FROM client_links WHERE client_id = $1::uuid', [gone])).rows,
    ).toEqual([]);
    const merges = (await auditOf(keep)).filter((e) => e.action === 'merge');
    expect(merges.map((e) => e.detail)).toEqual([`merged client ${gone}`]);
  });

  it('a kept client keeps its own link when both were linked', async () => {
    const x = person('Piet', 'Bos', 'L-1', 30);
    const y = person('Pieter', 'Bos', 'L-2', 31);
    await send(x, y);
    const keep = (await clientOf(x.sessionId))!;
    const other = (await clientOf(y.sessionId))!;
    await ws(f.app, 'PUT', `/api/clients/${keep}/link`, {
      cookie: coord,
      body: { staffId: bram.id },
    });
    await ws(f.app, 'PUT', `/api/clients/${other}/link`, {
      cookie: coord,
      body: { staffId: anna.id },
    });
    await ws(f.app, 'POST', '/api/clients/merge', {
      cookie: coord,
      body: { keepId: keep, mergeId: other },
    });
    expect((await detail(keep)).client.staff?.id).toBe(bram.id);
    expect(
      (await ws(f.app, 'GET', `/api/clients/${keep}`, { cookie: anna.cookie })).statusCode,
    ).toBe(403);
  });

  it('split moves one measurement to a new, unlinked client, audited; the last one cannot be split', async () => {
    const p1 = person('Kees', 'Vos', 'S-1', 40);
    const p2 = person('Kees', 'Vos', 'S-2', 41);
    const p3 = person('Kees', 'Vos', 'S-3', 42);
    await send(p1, p2, p3);
    const from = (await clientOf(p1.sessionId))!;
    expect(await clientOf(p3.sessionId)).toBe(from);
    await ws(f.app, 'PUT', `/api/clients/${from}/link`, {
      cookie: coord,
      body: { staffId: anna.id },
    });

    const split = await ws(f.app, 'POST', `/api/measurements/${p2.sessionId}/split`, {
      cookie: coord,
    });
    expect(split.statusCode).toBe(200);
    const created = split.json<ClientSummary>();
    expect(created.id).not.toBe(from);
    expect(created.measurementCount).toBe(1);
    expect(created.staff).toBeNull();
    expect(await clientOf(p2.sessionId)).toBe(created.id);
    const left = await detail(from);
    expect(left.measurements.map((m) => m.id)).toEqual([p1.sessionId, p3.sessionId]);
    expect(left.client.staff?.id).toBe(anna.id);
    // Anna sees the client she is linked to, not the one split off.
    expect(
      (await ws(f.app, 'GET', `/api/clients/${created.id}`, { cookie: anna.cookie })).statusCode,
    ).toBe(403);
    expect(
      (await auditOf(created.id)).filter((e) => e.action === 'split').map((e) => e.detail),
    ).toEqual([`from client ${from}`]);

    const last = await ws(f.app, 'POST', `/api/measurements/${p2.sessionId}/split`, {
      cookie: coord,
    });
    expect(last.statusCode).toBe(409);
    expect(await clientOf(p2.sessionId)).toBe(created.id);
  });

  it('measurements moved by a merge or split stay refused after erasure (tombstones)', async () => {
    const m1 = person('Ria', 'Kok', 'T-1', 50);
    const m2 = person('Ria', 'Kox', 'T-2', 51);
    const m3 = person('Ria', 'Kok', 'T-3', 52);
    await send(m1, m2, m3);
    const keep = (await clientOf(m1.sessionId))!;
    await ws(f.app, 'POST', '/api/clients/merge', {
      cookie: coord,
      body: { keepId: keep, mergeId: (await clientOf(m2.sessionId))! },
    });
    const split = (
      await ws(f.app, 'POST', `/api/measurements/${m3.sessionId}/split`, { cookie: coord })
    ).json<ClientSummary>();
    expect((await ws(f.app, 'DELETE', `/api/clients/${keep}`, { cookie: coord })).statusCode).toBe(
      204,
    );
    expect(
      (await ws(f.app, 'DELETE', `/api/clients/${split.id}`, { cookie: coord })).statusCode,
    ).toBe(204);
    const replay = await send(m1, m2, m3);
    expect(replay.receipts).toEqual([]);
    expect(replay.rejected.map((r) => r.status)).toEqual([410, 410, 410]);
    // Merging into an erased client is refused.
    const other = person('Ria', 'Anders', 'T-4', 53);
    await send(other);
    const r = await ws(f.app, 'POST', '/api/clients/merge', {
      cookie: coord,
      body: { keepId: keep, mergeId: (await clientOf(other.sessionId))! },
    });
    expect(r.statusCode).toBe(404);
  });
});
