/** The coordinator's view of the audit log. */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api.ts';
import { listAudit, type AuditQuery } from '../auth/audit.ts';
import { restrictTo } from '../auth/guard.ts';
import { route } from '../routing.ts';
import { sendError } from '../errors.ts';

/** A day or time the schema accepted (years 1900–2999) as a Date, or null when it names no real instant. */
const date = (v: string | undefined): Date | null | undefined => {
  if (v === undefined || v === '') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** GET /api/audit?clientId=&from=&to=&limit= (newest first), for coordinators only. */
export function auditRoutes(app: FastifyInstance, ctx: ApiContext): void {
  restrictTo(app, ctx, ['coordinator']);
  route(app, 'GET /api/audit', async (req, reply) => {
    const q = req.query;
    const from = date(q.from);
    const to = date(q.to);
    const limit = q.limit;
    const clientId = q.clientId || undefined;
    if (from === null || to === null)
      return sendError(
        reply,
        400,
        'bad_request',
        'from and to must be dates (YYYY-MM-DD or ISO 8601)',
      );
    const query: AuditQuery = {
      ...(clientId !== undefined ? { clientId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(limit !== undefined ? { limit } : {}),
    };
    return listAudit(ctx.db, query);
  });
}
