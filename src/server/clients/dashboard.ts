/**
 * The organisation dashboard in one statement: whole months (and ISO weeks for the per-week counts) from the rollup
 * (src/server/clients/rollup.ts), the days at the period's edges from its daily rows, plus the few judgements.
 */
import type { Instrument, ScaleKind } from '../../shared/core/instrument.ts';
import { sharedScales } from '../../shared/core/instrumentVersions/diff.ts';
import type { Dashboard, Fit } from '../../shared/contract/workspaceApi.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import type { Filters } from './params.ts';
import { coverPeriod } from './periods.ts';
import { daySql } from './rollup.ts';
import { filterSql } from './views.ts';

// $1 tablet or null; $2–$7 the month cover (whole months [$2, $3), edge days [$4, $5] and [$6, $7]);
// $8–$13 the week cover, the same for ISO weeks; $14, $15 the period itself (judgements).
const DEVICE = '($1::uuid IS NULL OR device_id = $1::uuid)';
const cover = (grain: string, n: number, extra = '') => `
  SELECT * FROM dashboard_rollup WHERE grain = '${grain}' AND start >= $${n}::date AND start < $${n + 1}::date
    AND ${DEVICE}${extra}
  UNION ALL
  SELECT * FROM dashboard_rollup WHERE grain = 'day' AND start >= $${n + 2}::date AND start <= $${n + 3}::date
    AND ${DEVICE}${extra}
  UNION ALL
  SELECT * FROM dashboard_rollup WHERE grain = 'day' AND start >= $${n + 4}::date AND start <= $${n + 5}::date
    AND ${DEVICE}${extra}`;

const SQL = `
WITH r AS (${cover('month', 2)}),
w AS (${cover('week', 8, " AND scale = ''")})
SELECT
  (SELECT COALESCE(json_agg(x), '[]') FROM (
     SELECT scale, min(kind) AS kind, sum(measurements)::int AS measurements, sum(scored)::int AS scored,
       (sum(total) / NULLIF(sum(scored), 0))::float8 AS mean, sum(dominant)::int AS dominant, sum(top)::int AS top
     FROM r GROUP BY scale) x) AS scales,
  (SELECT COALESCE(json_agg(x ORDER BY x.week), '[]') FROM (
     SELECT to_char(date_trunc('week', start::timestamp), 'YYYY-MM-DD') AS week, sum(measurements)::int AS count
     FROM w GROUP BY 1) x) AS weeks,
  (SELECT COALESCE(json_agg(x ORDER BY x.count DESC, x.name), '[]') FROM (
     SELECT s.device_id::text AS "deviceId", d.name, s.count FROM (
       SELECT device_id, sum(measurements)::int AS count FROM r WHERE scale = '' GROUP BY device_id) s
     JOIN devices d ON d.id = s.device_id) x) AS devices,
  (SELECT COALESCE(json_agg(x), '[]') FROM (
     SELECT j.fit, j.client_fit, count(*)::int AS n
     FROM judgements j JOIN measurements m ON m.session_id = j.measurement_id
     WHERE ($14::date IS NULL OR ${daySql('m.completed_at')} >= $14::date)
       AND ($15::date IS NULL OR ${daySql('m.completed_at')} <= $15::date)
       AND ($1::uuid IS NULL OR m.device_id = $1::uuid)
     GROUP BY j.fit, j.client_fit) x) AS fits`;

interface ScaleRow {
  readonly scale: string;
  readonly kind: ScaleKind | '';
  readonly measurements: number;
  readonly scored: number;
  readonly mean: number | null;
  readonly dominant: number;
  readonly top: number;
}

interface Row {
  readonly scales: ScaleRow[];
  readonly weeks: { week: string; count: number }[];
  readonly devices: { deviceId: string; name: string; count: number }[];
  readonly fits: { fit: Fit; client_fit: Fit | null; n: number }[];
}

/** Scale ids in the order of the current instruments, then any others (older versions) by name. */
function scaleOrder(instruments: InstrumentRegistry): Map<string, number> {
  const order = new Map<string, number>();
  for (const i of instruments.current)
    for (const s of i.scales) if (!order.has(s.id)) order.set(s.id, order.size);
  return order;
}

/**
 * The known versions that have a measurement in the period (one index probe per version, not a scan; the registry
 * holds a handful of versions). Versions not in the registry cannot be stored, so none is missed.
 */
async function versionsInPeriod(
  db: Queryable,
  instruments: InstrumentRegistry,
  f: Filters,
): Promise<Instrument[]> {
  await instruments.refresh(db);
  const all = instruments.all();
  // The period as instants (filterSql), so each probe is a range scan of an index on completed_at (with the tablet:
  // measurements_device_completed) from the period's start, not a walk through the tablet's every measurement
  // filtered by day, which grew with the data (0.6 s for one tablet's year at 100,000 measurements).
  const { where, params } = filterSql(f, 1);
  const probes = all.map(
    (_, n) => `EXISTS (SELECT 1 FROM measurements m WHERE m.instrument_id = $${n * 2 + 4}
      AND m.instrument_version = $${n * 2 + 5} AND ${where}) AS v${n}`,
  );
  const r = await db.query<Record<string, boolean>>(`SELECT ${probes.join(', ')}`, [
    ...params,
    ...all.flatMap((i) => [i.id, i.version]),
  ]);
  const row = r.rows[0] ?? {};
  return all.filter((_, n) => row[`v${n}`] === true);
}

const zeroFits = (): Record<Fit, number> => ({ yes: 0, partly: 0, no: 0 });

/** Every dashboard figure over the measurements completed in the period on the tablet. */
export async function dashboard(
  db: Queryable,
  instruments: InstrumentRegistry,
  f: Filters,
): Promise<Dashboard> {
  const months = coverPeriod(f.from, f.to, 'month');
  const weeks = coverPeriod(f.from, f.to, 'week');
  const flat = (c: typeof months) => [c.wholeFrom, c.wholeTo, ...c.days.flat()];
  const [versions, result] = await Promise.all([
    versionsInPeriod(db, instruments, f),
    db.query<Row>(SQL, [f.deviceId, ...flat(months), ...flat(weeks), f.from, f.to]),
  ]);
  const row = result.rows[0];
  if (!row) throw new Error('dashboard query returned no row');
  const scales = row.scales;
  const order = scaleOrder(instruments);
  // Scores are compared only on scales every version in the period has.
  const shared = versions.length > 1 ? new Set(sharedScales(versions)) : null;
  const scalesLeftOut = shared
    ? [...new Set(versions.flatMap((i) => i.scales.map((s) => s.id)))].filter(
        (id) => !shared.has(id),
      )
    : [];
  const rows = scales
    .filter((r) => r.scale !== '' && (shared === null || shared.has(r.scale)))
    .sort(
      (a, b) =>
        (order.get(a.scale) ?? order.size) - (order.get(b.scale) ?? order.size) ||
        a.scale.localeCompare(b.scale),
    );
  const of = (kind: ScaleKind) => rows.filter((r) => r.kind === kind);
  const desirability = of('desirability');
  const scored = desirability.reduce((n, r) => n + r.scored, 0);
  const staff = zeroFits();
  const client = zeroFits();
  for (const r of row.fits) {
    staff[r.fit] += r.n;
    if (r.client_fit !== null) client[r.client_fit] += r.n;
  }
  return {
    n: scales.find((r) => r.scale === '')?.measurements ?? 0,
    filters: { from: f.from, to: f.to, deviceId: f.deviceId },
    averageProfile: of('posture').map((r) => ({ scale: r.scale, mean: r.mean, n: r.scored })),
    dominantCounts: of('posture').map((r) => ({ scale: r.scale, count: r.dominant })),
    topRoleCounts: of('role').map((r) => ({ scale: r.scale, count: r.top })),
    topRoleTies: scales.find((r) => r.scale === '')?.top ?? 0,
    desirability: {
      mean:
        scored === 0
          ? null
          : desirability.reduce((s, r) => s + (r.mean ?? 0) * r.scored, 0) / scored,
      n: scored,
    },
    perWeek: row.weeks,
    perDevice: row.devices,
    fit: { staff, client },
    versions: versions.map((i) => ({ id: i.id, version: i.version })),
    scalesLeftOut,
  };
}
