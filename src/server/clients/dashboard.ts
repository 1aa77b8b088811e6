/** The organisation dashboard, read from the daily rollup (src/server/clients/rollup.ts) plus the few judgements. */
import type { ScaleKind } from '../../core/instrument.ts';
import type { Dashboard, Fit } from '../../core/workspaceApi.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import type { Filters } from './params.ts';
import { daySql } from './rollup.ts';

const WHERE = `($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date)
  AND ($3::uuid IS NULL OR device_id = $3::uuid)`;

/** Scale ids in the order of the current instruments, then any others (older versions) by name. */
function scaleOrder(instruments: InstrumentRegistry): Map<string, number> {
  const order = new Map<string, number>();
  for (const i of instruments.current)
    for (const s of i.scales) if (!order.has(s.id)) order.set(s.id, order.size);
  return order;
}

const zeroFits = (): Record<Fit, number> => ({ yes: 0, partly: 0, no: 0 });

/** Every dashboard figure over the measurements completed in the period on the tablet. */
export async function dashboard(
  db: Queryable,
  instruments: InstrumentRegistry,
  f: Filters,
): Promise<Dashboard> {
  const params = [f.from, f.to, f.deviceId];
  const [scales, weeks, devices, fits] = await Promise.all([
    db.query<{
      scale: string;
      kind: ScaleKind | '';
      measurements: number;
      scored: number;
      mean: number | null;
      dominant: number;
      top: number;
    }>(
      `SELECT scale, min(kind) AS kind, sum(measurements)::int AS measurements, sum(scored)::int AS scored,
         (sum(total) / NULLIF(sum(scored), 0))::float8 AS mean, sum(dominant)::int AS dominant, sum(top)::int AS top
       FROM dashboard_daily WHERE ${WHERE} GROUP BY scale`,
      params,
    ),
    db.query<{ week: string; count: number }>(
      `SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS week, sum(measurements)::int AS count
       FROM dashboard_daily WHERE scale = '' AND ${WHERE} GROUP BY 1 ORDER BY 1`,
      params,
    ),
    db.query<{ device_id: string; name: string; count: number }>(
      `SELECT r.device_id::text AS device_id, d.name, r.count FROM (
         SELECT device_id, sum(measurements)::int AS count FROM dashboard_daily
         WHERE scale = '' AND ${WHERE} GROUP BY device_id) r
       JOIN devices d ON d.id = r.device_id ORDER BY r.count DESC, d.name`,
      params,
    ),
    db.query<{ fit: Fit; client_fit: Fit | null; n: number }>(
      `SELECT j.fit, j.client_fit, count(*)::int AS n
       FROM judgements j JOIN measurements m ON m.session_id = j.measurement_id
       WHERE ($1::date IS NULL OR ${daySql('m.completed_at')} >= $1::date)
         AND ($2::date IS NULL OR ${daySql('m.completed_at')} <= $2::date)
         AND ($3::uuid IS NULL OR m.device_id = $3::uuid)
       GROUP BY j.fit, j.client_fit`,
      params,
    ),
  ]);
  const order = scaleOrder(instruments);
  const rows = scales.rows
    .filter((r) => r.scale !== '')
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
  for (const r of fits.rows) {
    staff[r.fit] += r.n;
    if (r.client_fit !== null) client[r.client_fit] += r.n;
  }
  return {
    n: scales.rows.find((r) => r.scale === '')?.measurements ?? 0,
    filters: { from: f.from, to: f.to, deviceId: f.deviceId },
    averageProfile: of('posture').map((r) => ({ scale: r.scale, mean: r.mean, n: r.scored })),
    dominantCounts: of('posture').map((r) => ({ scale: r.scale, count: r.dominant })),
    topRoleCounts: of('role').map((r) => ({ scale: r.scale, count: r.top })),
    desirability: {
      mean:
        scored === 0
          ? null
          : desirability.reduce((s, r) => s + (r.mean ?? 0) * r.scored, 0) / scored,
      n: scored,
    },
    perWeek: weeks.rows,
    perDevice: devices.rows.map((r) => ({ deviceId: r.device_id, name: r.name, count: r.count })),
    fit: { staff, client },
  };
}
