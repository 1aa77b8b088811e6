/** The coordinator's view of the audit log. */
import type { FastifyInstance } from 'fastify';
import { WS_API } from '../../shared/contract/workspaceApi.ts';
import type { ApiContext } from '../api.ts';
import { AUDIT_MAX_LIMIT, listAudit, type AuditQuery } from '../auth/audit.ts';
import { requireRole } from '../auth/guard.ts';
import { isUuid } from '../bodies.ts';
import { sendError } from '../errors.ts';

const date = (v: unknown): Date | null | undefined => {
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/.test(v))
    return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** Registers GET /api/audit?clientId=&from=&to=&limit= (newest first). */
export function registerAuditRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const coordinator = requireRole(ctx, ['coordinator']);
  app.get<{ Querystring: Record<string, unknown> }>(
    WS_API.audit,
    { onRequest: coordinator },
    async (req, reply) => {
      const q = req.query;
      const from = date(q.from);
      const to = date(q.to);
      const limit = q.limit === undefined || q.limit === '' ? undefined : Number(q.limit);
      const clientId = q.clientId === undefined || q.clientId === '' ? undefined : q.clientId;
      if (from === null || to === null)
        return sendError(
          reply,
          400,
          'bad_request',
          'from and to must be dates (YYYY-MM-DD or ISO 8601)',
        );
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_MAX_LIMIT))
        return sendError(reply, 400, 'bad_request', `limit must be 1-${AUDIT_MAX_LIMIT}`);
      if (clientId !== undefined && !isUuid(clientId))
        return sendError(reply, 400, 'bad_request', 'clientId must be a UUID');
      const query: AuditQuery = {
        ...(clientId !== undefined ? { clientId } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(limit !== undefined ? { limit } : {}),
      };
      return listAudit(ctx.db, query);
    },
  );
}
