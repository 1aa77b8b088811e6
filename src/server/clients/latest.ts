/** Keeps clients.latest_at (the newest measurement's completion, migration 006) current after a change of measurements. */
import type { Queryable } from '../db.ts';

/** Recomputes latest_at of these clients from their measurements (after a merge, split or erasure), in the caller's transaction. */
export async function refreshLatestAt(tx: Queryable, clientIds: readonly string[]): Promise<void> {
  if (clientIds.length === 0) return;
  await tx.query(
    `UPDATE clients c SET latest_at = (SELECT max(m.completed_at) FROM measurements m WHERE m.client_id = c.id)
     WHERE c.id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)`,
    [JSON.stringify([...new Set(clientIds)])],
  );
}
