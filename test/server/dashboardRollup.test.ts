// The dashboard read from the rollup (whole months, ISO weeks, edge days) equals the same figures computed here straight
// from the stored measurements, for random periods and tablets, after inserts and an erasure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/shared/core/scoring.ts';
import type { Dashboard, Fit } from '../../src/shared/contract/workspaceApi.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { scoreAnswers } from '../../src/shared/core/scoring.ts';
import { DB_KIND, fixture, makeRecord, PILOT, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

/** A small deterministic generator, so a failure can be replayed. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

const amsterdamDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

function isoWeek(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

interface Stored {
  readonly id: string;
  readonly device: string;
  readonly deviceName: string;
  readonly completed: string;
  readonly profile: Profile;
  readonly fits: { fit: Fit; client_fit: Fit | null }[];
}

type Filter = { from: string | null; to: string | null; deviceId: string | null };

/** The dashboard's figures computed from the measurements one by one. */
function direct(rows: readonly Stored[], f: Filter): Omit<Dashboard, 'filters'> {
  const ms = rows.filter((m) => {
    const day = amsterdamDay(m.completed);
    return (
      (f.from === null || day >= f.from) &&
      (f.to === null || day <= f.to) &&
      (f.deviceId === null || m.device === f.deviceId)
    );
  });
  const postures = PILOT.scales.filter((s) => s.kind === 'posture').map((s) => s.id);
  const roles = PILOT.scales.filter((s) => s.kind === 'role').map((s) => s.id);
  const count = <K extends string>(keys: Iterable<K>) => {
    const out = new Map<K, number>();
    for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
    return out;
  };
  const scores = (scale: string) =>
    ms.flatMap((m) => m.profile.postures.filter((p) => p.scale === scale));
  const desir = ms.flatMap((m) =>
    m.profile.desirability?.mean == null ? [] : [m.profile.desirability.mean],
  );
  const fits = { staff: { yes: 0, partly: 0, no: 0 }, client: { yes: 0, partly: 0, no: 0 } };
  for (const j of ms.flatMap((m) => m.fits)) {
    fits.staff[j.fit] += 1;
    if (j.client_fit) fits.client[j.client_fit] += 1;
  }
  const perDevice = [...count(ms.map((m) => `${m.device}|${m.deviceName}`))]
    .map(([k, c]) => ({ deviceId: k.split('|')[0]!, name: k.split('|')[1]!, count: c }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  const anyMeasurement = ms.length > 0;
  return {
    n: ms.length,
    averageProfile: anyMeasurement
      ? postures.map((scale) => {
          const xs = scores(scale).flatMap((p) => (p.percent === null ? [] : [p.percent]));
          return {
            scale,
            mean: xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null,
            n: xs.length,
          };
        })
      : [],
    dominantCounts: anyMeasurement
      ? postures.map((scale) => ({
          scale,
          count: scores(scale).filter((p) => p.dominant).length,
        }))
      : [],
    topRoleCounts: anyMeasurement
      ? roles.map((scale) => ({
          scale,
          count: ms.filter(
            (m) => m.profile.topRoles.length === 1 && m.profile.topRoles[0] === scale,
          ).length,
        }))
      : [],
    topRoleTies: ms.filter((m) => m.profile.topRoles.length > 1).length,
    desirability: {
      mean: desir.length ? desir.reduce((a, b) => a + b, 0) / desir.length : null,
      n: desir.length,
    },
    perWeek: [...count(ms.map((m) => isoWeek(amsterdamDay(m.completed))))]
      .map(([week, c]) => ({ week, count: c }))
      .sort((a, b) => a.week.localeCompare(b.week)),
    perDevice,
    fit: fits,
    versions: anyMeasurement ? [{ id: 'pilot-2019', version: 1 }] : [],
    scalesLeftOut: [],
  };
}

/** Means are float sums in one place and numeric sums in the other: equal to 1e-9, everything else exactly. */
function expectSame(actual: Dashboard, expected: Omit<Dashboard, 'filters'>, label: string) {
  const round = (d: Omit<Dashboard, 'filters'>) =>
    JSON.parse(
      JSON.stringify({ ...d, filters: undefined }, (_k, v: unknown) =>
        typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9 : v,
      ),
    ) as unknown;
  expect(round(actual), label).toEqual(round(expected));
}

let f: Fixture;
let coord: string;
const stored: Stored[] = [];
const random = rng(20_260_302);

beforeAll(async () => {
  f = await fixture();
  coord = (await signedIn(f.app, f.db, 'coordinator')).cookie;
});
afterAll(() => f.close());

describe(`dashboard rollup (${DB_KIND})`, () => {
  // Many random periods over 120 sealed sessions: seconds alone, more on a loaded machine, hence its own timeout.
  it('equals the figures computed from the measurements, for random periods and tablets', async () => {
    const staff = await signedIn(f.app, f.db, 'staff');
    const tablets = [
      { ...f.tablet, name: 'Tablet 1' },
      { ...(await f.enroll('Tablet 2')), name: 'Tablet 2' },
      { ...(await f.enroll('Tablet 3')), name: 'Tablet 3' },
    ];
    const items = PILOT.parts.flatMap((p) => p.items);
    for (const [t, tablet] of tablets.entries()) {
      const records = Array.from({ length: 40 }, (_, i) => {
        const answers: Record<string, number> = {};
        for (const item of items)
          if (random() > 0.08) answers[item.id] = 1 + Math.floor(random() * 5);
        // Spread over 14 months; some just before midnight UTC, which is the next day in Amsterdam.
        const completedAt =
          Date.parse('2025-01-01T00:00:00Z') +
          Math.floor(random() * 425) * 86_400_000 +
          (random() < 0.25 ? 23 * 3_600_000 + 30 * 60_000 : Math.floor(random() * 86_400_000));
        return makeRecord({
          answers,
          profile: scoreAnswers(PILOT, answers),
          reference: `T${t}-${i}`,
          details: { firstName: `Naam${t}x${i}`, lastName: 'Test', dateOfBirth: '1990-01-01' },
          startedAt: completedAt - 600_000,
          consentAt: completedAt - 590_000,
          completedAt,
        });
      });
      const r = await f.sync(
        { sessions: await Promise.all(records.map((x) => sealRecord(x, tablet.serverKey))) },
        tablet.token,
      );
      expect((r.json as SyncResponse).rejected).toEqual([]);
    }
    // A judgement on a few measurements, and one client erased: the rollup must follow both.
    const rows = await f.db.query<{
      id: string;
      client: string;
      device: string;
      name: string;
      completed: string;
      profile: Profile;
    }>(
      `SELECT m.session_id::text AS id, m.client_id::text AS client, m.device_id::text AS device, d.name,
         to_char(m.completed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS completed,
         m.server_profile AS profile
       FROM measurements m JOIN devices d ON d.id = m.device_id ORDER BY m.completed_at`,
    );
    expect(rows.rows).toHaveLength(120);
    const judged = rows.rows.filter((_, i) => i % 17 === 0);
    const fits: Fit[] = ['yes', 'partly', 'no'];
    for (const [i, m] of judged.entries()) {
      await ws(f.app, 'PUT', `/api/clients/${m.client}/link`, {
        cookie: coord,
        body: { staffId: staff.id },
      });
      const r = await ws(f.app, 'POST', `/api/clients/${m.client}/judgements`, {
        cookie: staff.cookie,
        body: {
          measurementId: m.id,
          fit: fits[i % 3],
          ...(i % 2 ? { clientFit: fits[(i + 1) % 3] } : {}),
          note: '',
        },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const erased = rows.rows[5]!;
    expect(
      (await ws(f.app, 'DELETE', `/api/clients/${erased.client}`, { cookie: coord })).statusCode,
    ).toBe(204);
    for (const m of rows.rows)
      if (m.client !== erased.client)
        stored.push({
          id: m.id,
          device: m.device,
          deviceName: m.name,
          completed: m.completed,
          profile: m.profile,
          fits: judged.includes(m)
            ? [
                {
                  fit: fits[judged.indexOf(m) % 3]!,
                  client_fit: judged.indexOf(m) % 2 ? fits[(judged.indexOf(m) + 1) % 3]! : null,
                },
              ]
            : [],
        });
    expect(stored.length).toBeLessThan(120);

    const day = (n: number) =>
      new Date(Date.parse('2024-12-20') + n * 86_400_000).toISOString().slice(0, 10);
    const filters: Filter[] = [
      { from: null, to: null, deviceId: null },
      { from: '2025-02-01', to: '2025-02-28', deviceId: null },
      { from: '2025-02-03', to: '2025-02-09', deviceId: null },
      { from: null, to: '2025-06-30', deviceId: tablets[1]!.deviceId },
      { from: '2025-06-15', to: null, deviceId: null },
    ];
    for (let k = 0; k < 40; k++) {
      const a = Math.floor(random() * 460);
      const b = a + Math.floor(random() * (random() < 0.3 ? 10 : 300));
      filters.push({
        from: random() < 0.15 ? null : day(a),
        to: random() < 0.15 ? null : day(b),
        deviceId: random() < 0.4 ? tablets[Math.floor(random() * 3)]!.deviceId : null,
      });
    }
    for (const filter of filters) {
      const q = new URLSearchParams();
      if (filter.from) q.set('from', filter.from);
      if (filter.to) q.set('to', filter.to);
      if (filter.deviceId) q.set('deviceId', filter.deviceId);
      const r = await ws(f.app, 'GET', `/api/dashboard?${q.toString()}`, { cookie: coord });
      expect(r.statusCode).toBe(200);
      expectSame(r.json<Dashboard>(), direct(stored, filter), JSON.stringify(filter));
    }
  }, 120_000);

  it('gets the same role figures when the role-ties migration recomputes a rollup kept the old way', async () => {
    // The old rollup counted a tie as top for every tied role and nothing on the count row.
    await f.db.exec(`
      UPDATE dashboard_rollup d SET top = (
        SELECT count(*) FROM measurements m
        WHERE m.device_id = d.device_id AND m.server_profile->'topRoles' ? d.scale
          AND (m.completed_at AT TIME ZONE 'Europe/Amsterdam')::date >= d.start
          AND (m.completed_at AT TIME ZONE 'Europe/Amsterdam')::date
              < d.start + CASE d.grain WHEN 'day' THEN 1 WHEN 'week' THEN 7 ELSE 0 END
                + CASE d.grain WHEN 'month' THEN (d.start + interval '1 month')::date - d.start ELSE 0 END)
      WHERE kind = 'role';
      UPDATE dashboard_rollup SET top = 0 WHERE scale = '';`);
    const before = await ws(f.app, 'GET', '/api/dashboard', { cookie: coord });
    expect(before.json<Dashboard>().topRoleTies).toBe(0);
    const migration = readFileSync(
      join(import.meta.dirname, '../../src/server/migrations/014_dashboard_role_ties.sql'),
      'utf8',
    );
    await f.db.exec(migration);
    const r = await ws(f.app, 'GET', '/api/dashboard', { cookie: coord });
    const all: Filter = { from: null, to: null, deviceId: null };
    expectSame(r.json<Dashboard>(), direct(stored, all), 'after the migration');
    expect(r.json<Dashboard>().topRoleTies).toBeGreaterThan(0);
  });
});
