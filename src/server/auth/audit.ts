/** The audit log: who did what and when; detail never holds answers or personal details. */
import type { AuditEntry } from '../../shared/contract/workspaceApi.ts';
import type { Queryable } from '../db.ts';

/** Appends one entry (inside the caller's transaction when `db` is one). */
export async function writeAudit(
  db: Queryable,
  e: {
    at: number;
    actorId: string | null;
    actorName: string;
    action: string;
    clientId: string | null;
    detail: string;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor_id, actor_name, action, client_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [new Date(e.at).toISOString(), e.actorId, e.actorName, e.action, e.clientId, e.detail],
  );
}

/** Filters for the coordinator's audit view; every field optional. */
export interface AuditQuery {
  readonly clientId?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit?: number;
}

/** Largest page of audit entries one request returns. */
export const AUDIT_MAX_LIMIT = 1000;

/** Entries newest first, filtered by client and period (from inclusive, to exclusive). */
export async function listAudit(db: Queryable, q: AuditQuery = {}): Promise<AuditEntry[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.clientId !== undefined) {
    params.push(q.clientId);
    where.push(`client_id = $${params.length}::uuid`);
  }
  if (q.from !== undefined) {
    params.push(q.from.toISOString());
    where.push(`at >= $${params.length}`);
  }
  if (q.to !== undefined) {
    params.push(q.to.toISOString());
    where.push(`at < $${params.length}`);
  }
  params.push(Math.min(q.limit ?? 200, AUDIT_MAX_LIMIT));
  const r = await db.query<{
    at: Date | string;
    actor_id: string | null;
    actor_name: string;
    action: string;
    client_id: string | null;
    detail: string;
  }>(
    `SELECT at, actor_id, actor_name, action, client_id, detail FROM audit_log
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY at DESC, id DESC LIMIT $${params.length}`,
    params,
  );
  return r.rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    clientId: row.client_id,
    detail: row.detail,
  }));
}
