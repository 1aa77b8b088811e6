/**
 * The dashboard's rollup (`dashboard_rollup`): per day and per month, tablet and scale, the sums the dashboard needs,
 * and per ISO week the number of measurements; kept in the same transaction as every insert and erasure of a
 * measurement, so the dashboard reads whole months plus the days at a period's edges instead of every measurement.
 * Scales come from the stored profiles, never from a list in code.
 */
import type { Queryable } from '../db.ts';

/** The agency's time zone: a measurement's day (rollup, filters) is its completion date here. */
export const AGENCY_TZ = 'Europe/Amsterdam';

/** SQL for a measurement's day in the agency's time zone; `col` is a timestamptz column. */
export const daySql = (col: string): string => `(${col} AT TIME ZONE '${AGENCY_TZ}')::date`;

// CTEs that add the contributions of the measurements `source` yields (device_id, completed_at, server_profile),
// each multiplied by `sign` (+1 or −1), to the rollup. Scale '' counts measurements; every other row counts
// measurements with that scale, those with a score (scored), the sum of scores (total), dominant postures (dominant;
// for desirability: caution) and top roles (top: only where that role alone is highest; on the count row '' the
// measurements whose highest score is shared by several roles, which the dashboard shows apart). Each contribution goes to its day and its month; the count
// (scale '') also to its ISO week (the per-week chart). Rows are written in key order, so two transactions that add
// to the same rows wait for each other instead of deadlocking. Ingest embeds these in its one write statement.
/** The rollup upsert as CTEs (`rollup_m` … `rollup_write`) to place inside a WITH. */
export const rollupCtes = (source: string, sign: string): string => `
rollup_m AS (
  SELECT device_id, ${daySql('completed_at')} AS day, server_profile AS p FROM (${source}) src
), rollup_c AS (
  SELECT day, device_id, '' AS scale, '' AS kind, 0 AS scored, 0::numeric AS total, 0 AS dominant,
         (jsonb_array_length(COALESCE(p->'topRoles', '[]'::jsonb)) > 1)::int AS top
  FROM rollup_m
  UNION ALL
  SELECT day, device_id, x->>'scale', 'posture', ((x->>'percent') IS NOT NULL)::int,
         COALESCE((x->>'percent')::numeric, 0), (x->>'dominant')::boolean::int, 0
  FROM rollup_m, jsonb_array_elements(p->'postures') x
  UNION ALL
  SELECT day, device_id, x->>'scale', 'role', ((x->>'value') IS NOT NULL)::int,
         COALESCE((x->>'value')::numeric, 0), 0,
         (p->'topRoles' ? (x->>'scale') AND jsonb_array_length(p->'topRoles') = 1)::int
  FROM rollup_m, jsonb_array_elements(p->'roles') x
  UNION ALL
  SELECT day, device_id, p->'desirability'->>'scale', 'desirability',
         ((p->'desirability'->>'mean') IS NOT NULL)::int, COALESCE((p->'desirability'->>'mean')::numeric, 0),
         (p->'desirability'->>'caution')::boolean::int, 0
  FROM rollup_m WHERE jsonb_typeof(p->'desirability') = 'object'
), rollup_g AS (
  SELECT 'day' AS grain, day AS start, rollup_c.* FROM rollup_c
  UNION ALL
  SELECT 'month', date_trunc('month', day::timestamp)::date, rollup_c.* FROM rollup_c
  UNION ALL
  SELECT 'week', date_trunc('week', day::timestamp)::date, rollup_c.* FROM rollup_c WHERE scale = ''
), rollup_write AS (
  INSERT INTO dashboard_rollup AS d (grain, start, device_id, scale, kind, measurements, scored, total, dominant, top)
  SELECT grain, start, device_id, scale, min(kind), ${sign} * count(*), ${sign} * sum(scored), ${sign} * sum(total),
         ${sign} * sum(dominant), ${sign} * sum(top)
  FROM rollup_g GROUP BY grain, start, device_id, scale
  ORDER BY grain, start, device_id, scale
  ON CONFLICT (grain, start, device_id, scale) DO UPDATE SET
    measurements = d.measurements + EXCLUDED.measurements,
    scored = d.scored + EXCLUDED.scored,
    total = d.total + EXCLUDED.total,
    dominant = d.dominant + EXCLUDED.dominant,
    top = d.top + EXCLUDED.top
)`;

// The measurements with the ids in $1 (jsonb array of uuids), multiplied by $2.
const APPLY = `WITH ${rollupCtes(
  `SELECT device_id, completed_at, server_profile FROM measurements
   WHERE session_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)`,
  '$2::int',
)} SELECT 1`;

/** Adds newly inserted measurements to the rollup (call after the INSERT, in its transaction). */
export async function addToRollup(tx: Queryable, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await tx.query(APPLY, [JSON.stringify(sessionIds), 1]);
}

/** Takes measurements out of the rollup (call before deleting them, in the same transaction). */
export async function removeFromRollup(
  tx: Queryable,
  sessionIds: readonly string[],
): Promise<void> {
  if (sessionIds.length === 0) return;
  await tx.query(APPLY, [JSON.stringify(sessionIds), -1]);
  await tx.query('DELETE FROM dashboard_rollup WHERE measurements <= 0');
}

/** Rebuilds the rollup from every stored measurement (after the migration that created it). */
export async function rebuildRollup(tx: Queryable): Promise<void> {
  await tx.query('DELETE FROM dashboard_rollup');
  const ids = await tx.query<{ id: string }>('SELECT session_id::text AS id FROM measurements');
  for (let i = 0; i < ids.rows.length; i += 5000)
    await addToRollup(
      tx,
      ids.rows.slice(i, i + 5000).map((r) => r.id),
    );
}
