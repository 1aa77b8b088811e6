/** At start: measurements stored before clients existed get their clients, and a new rollup is filled. */
import type { DetailValues } from '../../shared/core/details.ts';
import type { Db } from '../db.ts';
import { LOCK_FIRST_START, XACT_LOCK } from '../locks.ts';
import { assignClients } from './assign.ts';
import { rebuildRollup } from './rollup.ts';

/** The migrations that created a rollup table (003: daily, replaced by 005: days, weeks and months). */
const ROLLUP_MIGRATIONS = [3, 5];

/** Assigns clients to unassigned measurements (oldest first) and rebuilds the rollup when it was just created. */
export async function prepareClientData(
  db: Db,
  appliedMigrations: readonly number[],
  now: number,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Another instance starting beside this one waits here, then finds nothing left to assign (no client made twice).
    await tx.query(XACT_LOCK, [LOCK_FIRST_START]);
    if (ROLLUP_MIGRATIONS.some((v) => appliedMigrations.includes(v))) await rebuildRollup(tx);
    const r = await tx.query<{ id: string; reference: string | null; details: DetailValues }>(
      `SELECT session_id::text AS id, reference, details FROM measurements
       WHERE client_id IS NULL ORDER BY received_at, session_id`,
    );
    for (let i = 0; i < r.rows.length; i += 1000)
      await assignClients(
        tx,
        r.rows
          .slice(i, i + 1000)
          .map((m) => ({ sessionId: m.id, reference: m.reference, details: m.details })),
        now,
      );
  });
}
