/**
 * Keeps what a client's list row shows of its measurements current after a change of measurements: latest_at
 * (migration 008), and measurement_count, latest_id, latest_language, latest_dominant (migration 019). "Latest" is
 * the newest by completion, then by session id, as the lists always showed it.
 */
import type { Queryable } from '../db.ts';

/** SQL for the newest measurement of client `c` (one row or none). */
const NEWEST = `SELECT m.completed_at, m.session_id, m.language, m.server_profile->'dominant' AS dominant
  FROM measurements m WHERE m.client_id = c.id ORDER BY m.completed_at DESC, m.session_id DESC LIMIT 1`;

/** Recomputes those columns of these clients from their measurements (after a merge, split or erasure), in the caller's transaction. */
export async function refreshLatestAt(tx: Queryable, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  await tx.query(
    `UPDATE clients c
     SET (latest_at, latest_id, latest_language, latest_dominant, measurement_count) = (
       SELECT x.completed_at, x.session_id, x.language, x.dominant,
         (SELECT count(*)::int FROM measurements n WHERE n.client_id = c.id)
       FROM (SELECT 1) one LEFT JOIN LATERAL (${NEWEST}) x ON true)
     WHERE c.id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)`,
    [JSON.stringify([...new Set(clientIds)])],
  );
}
