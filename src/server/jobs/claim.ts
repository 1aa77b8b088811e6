/** Background jobs that run once across all server instances on one database, not once per instance. */
import type { Queryable } from '../db.ts';

/**
 * Claims job `name` for a run at `now` unless some instance started it less than `periodMs` ago; true when this caller
 * won. One upsert on the job's row: concurrent claims queue on the row lock and only the first one's condition holds.
 */
export async function claimJob(
  db: Queryable,
  name: string,
  now: number,
  periodMs: number,
): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO job_runs (job, started_at, runs) VALUES ($1, $2, 1)
     ON CONFLICT (job) DO UPDATE SET started_at = EXCLUDED.started_at, runs = job_runs.runs + 1
       WHERE job_runs.started_at <= $3
     RETURNING runs`,
    [name, new Date(now).toISOString(), new Date(now - periodMs).toISOString()],
  );
  return r.rowCount > 0;
}

/** How many times job `name` has run across all instances (tests and the two-instance check count with it). */
export async function jobRuns(db: Queryable, name: string): Promise<number> {
  const r = await db.query<{ runs: string | number }>('SELECT runs FROM job_runs WHERE job = $1', [
    name,
  ]);
  return Number(r.rows[0]?.runs ?? 0);
}
