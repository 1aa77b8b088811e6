/** The coordinator's view of the audit log: filtered by person, action, client and period, paged, and as CSV. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AuditAction } from '../../shared/contract/auditActions.ts';
import type { ApiContext } from '../api.ts';
import { listAudit, type AuditQuery } from '../auth/audit.ts';
import { audit } from '../auth/auditRequest.ts';
import { restrictTo } from '../auth/guard.ts';
import { route } from '../routing.ts';
import { sendError } from '../errors.ts';
import { auditCsv, auditWords } from './auditCsv.ts';

/** Most lines one CSV export holds (newest first). */
export const AUDIT_CSV_MAX = 100_000;

/** A day or time the schema accepted (years 1900–2999) as a Date, or null when it names no real instant. */
const date = (v: string | undefined): Date | null | undefined => {
  if (v === undefined || v === '') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** A `to` given as a day includes that whole day; a time is taken as it is. */
const endOf = (v: string | undefined): Date | null | undefined => {
  const d = date(v);
  if (!d || !v || v.includes('T')) return d;
  return new Date(d.getTime() + 24 * 60 * 60 * 1000);
};

interface Filters {
  clientId?: string | undefined;
  actorId?: string | undefined;
  action?: AuditAction | '' | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The validated query as filters, or sends 400 and returns null. */
function filtersOf(q: Filters, reply: FastifyReply): AuditQuery | null {
  const from = date(q.from);
  const to = endOf(q.to);
  if (from === null || to === null) {
    void sendError(reply, 400, 'bad_request', 'from and to must be dates (YYYY-MM-DD or ISO 8601)');
    return null;
  }
  if (from && to && from >= to) {
    void sendError(reply, 400, 'bad_request', 'from must be before to');
    return null;
  }
  return {
    ...(q.clientId ? { clientId: q.clientId } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

/** GET /api/audit and /api/audit.csv (newest first), for coordinators only. */
export function auditRoutes(app: FastifyInstance, ctx: ApiContext): void {
  restrictTo(app, ctx, ['coordinator']);
  route(app, 'GET /api/audit', async (req, reply) => {
    const f = filtersOf(req.query, reply);
    if (!f) return reply;
    const { limit, offset } = req.query;
    return listAudit(ctx.db, {
      ...f,
      ...(limit !== undefined ? { limit } : {}),
      ...(offset !== undefined ? { offset } : {}),
    });
  });

  route(app, 'GET /api/audit.csv', async (req, reply) => {
    const f = filtersOf(req.query, reply);
    if (!f) return reply;
    const entries = await listAudit(ctx.db, { ...f, limit: AUDIT_CSV_MAX }, AUDIT_CSV_MAX);
    // Reading the log out of the workspace is itself an entry: which filters, how many lines.
    await audit(
      ctx.db,
      req,
      ctx.clock(),
      'audit_export',
      f.clientId ?? null,
      `csv: ${entries.length} entries${describe(req.query)}`,
      f.actorId ?? null,
    );
    return reply
      .headers({
        'Cache-Control': 'no-store',
        'Content-Disposition': 'attachment; filename="audit-log.csv"',
      })
      .type('text/csv; charset=utf-8')
      .send(auditCsv(entries, auditWords(req.query.lang ?? 'nl')));
  });
}

/** The filters of an export in its audit line (ids only; no names). */
function describe(q: Filters): string {
  const parts = [
    q.action ? `action ${q.action}` : '',
    q.from || q.to ? `${q.from || '…'} to ${q.to || '…'}` : '',
    q.actorId ? `person ${q.actorId}` : '',
  ].filter(Boolean);
  return parts.length ? `; ${parts.join(', ')}` : '';
}
