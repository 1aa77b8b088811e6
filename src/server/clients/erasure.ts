/**
 * Erasure: gone from the database, not flagged. A measurement's row, answers, judgements and rollup contribution are
 * deleted and its session id becomes a tombstone (a tablet still holding a copy is told 410); a client left without
 * measurements is deleted with its link. The audit log keeps who erased which client id, never personal data.
 */
import { retentionCutoff } from '../../shared/core/retention.ts';
import type { Db, Queryable } from '../db.ts';
import { refreshLatestAt } from './latest.ts';
import { removeFromRollup } from './rollup.ts';

/** Erases the measurements with these ids (tombstoned), in the caller's transaction; returns how many. */
export async function eraseMeasurements(
  tx: Queryable,
  ids: readonly string[],
  now: number,
): Promise<number> {
  if (ids.length === 0) return 0;
  const list = JSON.stringify(ids);
  await removeFromRollup(tx, ids);
  const clients = await tx.query<{ id: string }>(
    `DELETE FROM measurements WHERE session_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)
     RETURNING client_id::text AS id`,
    [list],
  );
  await tx.query(
    `INSERT INTO tombstones (session_id, erased_at)
     SELECT (jsonb_array_elements_text($1::jsonb))::uuid, $2 ON CONFLICT (session_id) DO NOTHING`,
    [list, new Date(now).toISOString()],
  );
  const touched = [...new Set(clients.rows.map((r) => r.id).filter((x) => x))];
  await tx.query(
    `DELETE FROM clients c WHERE c.id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)
       AND NOT EXISTS (SELECT 1 FROM measurements m WHERE m.client_id = c.id)`,
    [JSON.stringify(touched)],
  );
  await refreshLatestAt(tx, touched);
  return clients.rows.length;
}

/** Erases one client and every measurement of theirs; false when there is no such client. */
export async function eraseClient(tx: Queryable, clientId: string, now: number): Promise<boolean> {
  const found = await tx.query('SELECT 1 FROM clients WHERE id = $1::uuid FOR UPDATE', [clientId]);
  if (found.rows.length === 0) return false;
  const ids = await tx.query<{ id: string }>(
    'SELECT session_id::text AS id FROM measurements WHERE client_id = $1::uuid',
    [clientId],
  );
  await eraseMeasurements(
    tx,
    ids.rows.map((r) => r.id),
    now,
  );
  await tx.query('DELETE FROM clients WHERE id = $1::uuid', [clientId]);
  return true;
}

/** End of study: every measurement tombstoned and erased, every client, link, judgement and rollup row deleted. */
export async function eraseEverything(tx: Queryable, now: number): Promise<number> {
  await tx.query(
    `INSERT INTO tombstones (session_id, erased_at) SELECT session_id, $1 FROM measurements
     ON CONFLICT (session_id) DO NOTHING`,
    [new Date(now).toISOString()],
  );
  await tx.query('DELETE FROM judgements');
  const r = await tx.query('DELETE FROM measurements');
  await tx.query('DELETE FROM client_links');
  await tx.query('DELETE FROM clients');
  await tx.query('DELETE FROM dashboard_rollup');
  return r.rowCount;
}

/** The agency's retention period in days, or null (keep). */
export async function loadRetention(db: Queryable): Promise<number | null> {
  const r = await db.query<{ days: number | null }>(
    'SELECT days FROM retention_settings WHERE id = 1',
  );
  return r.rows[0]?.days ?? null;
}

/** Stores the retention period. */
export async function saveRetention(
  db: Queryable,
  days: number | null,
  now: number,
): Promise<void> {
  await db.query(
    `INSERT INTO retention_settings (id, days, updated_at) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET days = EXCLUDED.days, updated_at = EXCLUDED.updated_at`,
    [days, new Date(now).toISOString()],
  );
}

/** Erases measurements completed before the retention cutoff (in batches); returns how many. */
export async function eraseExpired(db: Db, now: number): Promise<number> {
  const cutoff = retentionCutoff(now, await loadRetention(db));
  if (cutoff === null) return 0;
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const ids = await tx.query<{ id: string }>(
        `SELECT session_id::text AS id FROM measurements WHERE completed_at < $1
         ORDER BY completed_at LIMIT 2000 FOR UPDATE`,
        [new Date(cutoff).toISOString()],
      );
      return eraseMeasurements(
        tx,
        ids.rows.map((r) => r.id),
        now,
      );
    });
    total += n;
    if (n < 2000) return total;
  }
}
