/** Clients linked per staff member, for the coordinator's account list (CaseloadSource of src/server/auth/users.ts). */
import type { Queryable } from '../db.ts';

/** Links per user id, from the counts triggers keep on client_links (migration 019): as fast at any size. */
export async function linkCaseloads(db: Queryable): Promise<ReadonlyMap<string, number>> {
  const r = await db.query<{ id: string; n: number }>(
    'SELECT staff_id::text AS id, clients AS n FROM staff_caseloads WHERE clients > 0',
  );
  return new Map(r.rows.map((x) => [x.id, x.n]));
}
