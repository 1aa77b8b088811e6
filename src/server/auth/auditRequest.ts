/** The audit line for a request by a signed-in user: who comes from the session, the rest from the route. */
import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '../../shared/contract/auditActions.ts';
import type { Queryable } from '../db.ts';
import { writeAudit } from './audit.ts';
import { principal } from './guard.ts';

/** Writes one audit line for the signed-in user (in `db`, which may be the route's transaction). */
export async function audit(
  db: Queryable,
  req: FastifyRequest,
  now: number,
  action: AuditAction,
  clientId: string | null,
  detail: string,
  subjectUserId: string | null = null,
): Promise<void> {
  const who = principal(req);
  await writeAudit(db, {
    at: now,
    actorId: who.userId,
    actorName: who.name,
    action,
    clientId,
    detail,
    subjectUserId,
  });
}
