/** Clients linked per staff member, for the coordinator's account list (CaseloadSource of src/server/auth/users.ts). */
import type { Queryable } from '../db.ts';

/** Counts client_links per user id. */
export async function linkCaseloads(db: Queryable): Promise<ReadonlyMap<string, number>> {
  const r = await db.query<{ id: string; n: number }>(
    'SELECT staff_id::text AS id, count(*)::int AS n FROM client_links GROUP BY staff_id',
  );
  return new Map(r.rows.map((x) => [x.id, x.n]));
}
