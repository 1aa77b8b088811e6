/** The audit log: who did what and when; detail never holds answers or personal details. */
import type { AuditAction } from '../../shared/contract/auditActions.ts';
import type { AuditEntry } from '../../shared/contract/workspaceApi.ts';
import type { Queryable } from '../db.ts';

/** Appends one entry (inside the caller's transaction when `db` is one). */
export async function writeAudit(
  db: Queryable,
  e: {
    at: number;
    actorId: string | null;
    actorName: string;
    action: AuditAction;
    clientId: string | null;
    detail: string;
    /** The account the entry is about (created, changed, linked to a client), shown by name. */
    subjectUserId?: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (at, actor_id, actor_name, action, client_id, detail, subject_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      new Date(e.at).toISOString(),
      e.actorId,
      e.actorName,
      e.action,
      e.clientId,
      e.detail,
      e.subjectUserId ?? null,
    ],
  );
}

/** Filters for the coordinator's audit view; every field optional. */
export interface AuditQuery {
  readonly clientId?: string;
  readonly actorId?: string;
  readonly action?: AuditAction;
  readonly from?: Date;
  readonly to?: Date;
  readonly limit?: number;
  readonly offset?: number;
}

/** Largest page of audit entries one request returns. */
export const AUDIT_MAX_LIMIT = 1000;
/** Entries one page holds when the request does not say. */
export const AUDIT_DEFAULT_LIMIT = 200;

/** The WHERE clause and parameters of a query (from inclusive, to exclusive). */
function whereOf(q: AuditQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.clientId !== undefined) add('a.client_id = ?::uuid', q.clientId);
  if (q.actorId !== undefined) add('a.actor_id = ?::uuid', q.actorId);
  if (q.action !== undefined) add('a.action = ?', q.action);
  if (q.from !== undefined) add('a.at >= ?', q.from.toISOString());
  if (q.to !== undefined) add('a.at < ?', q.to.toISOString());
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * Entries newest first, filtered and paged. Names are today's names of the accounts (an entry written before a
 * rename shows the new name); an account whose row is gone keeps the name written with the entry.
 */
export async function listAudit(
  db: Queryable,
  q: AuditQuery = {},
  cap: number = AUDIT_MAX_LIMIT,
): Promise<AuditEntry[]> {
  const { sql, params } = whereOf(q);
  params.push(Math.min(q.limit ?? AUDIT_DEFAULT_LIMIT, cap));
  params.push(q.offset ?? 0);
  const r = await db.query<{
    at: Date | string;
    actor_id: string | null;
    actor_name: string;
    action: string;
    client_id: string | null;
    detail: string;
    subject_user_id: string | null;
    subject_name: string | null;
  }>(
    `SELECT a.at, a.actor_id, coalesce(actor.name, a.actor_name) AS actor_name, a.action, a.client_id,
            a.detail, a.subject_user_id, subject.name AS subject_name
     FROM audit_log a
     LEFT JOIN users actor ON actor.id = a.actor_id
     LEFT JOIN users subject ON subject.id = a.subject_user_id
     ${sql}
     ORDER BY a.at DESC, a.id DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  );
  return r.rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    clientId: row.client_id,
    detail: row.detail,
    subjectId: row.subject_user_id,
    subjectName: row.subject_name,
  }));
}
