/** The organisation routes: dashboard, research export, end-of-study erasure and the retention period (coordinator). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Retention } from '../../shared/contract/workspaceApi.ts';
import { writeAudit } from '../auth/audit.ts';
import { audit } from '../auth/auditRequest.ts';
import { restrictTo } from '../auth/guard.ts';
import { sendError } from '../errors.ts';
import { claimJob } from '../jobs/claim.ts';
import { loadSettings } from '../settingsStore.ts';
import { dashboard } from './dashboard.ts';
import { compactTables, ERASURE_TABLES } from '../compact.ts';
import { eraseEverything, eraseExpired, loadRetention, saveRetention } from './erasure.ts';
import { codebookCsv, columnsInUse, exportCsv, exportJson } from './export.ts';
import { rScript, spssSyntax } from './exportSyntax.ts';
import { periodFilters, type Filters } from './params.ts';
import { route } from '../routing.ts';
import type { ClientRoutesContext } from './routes.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const CSV = 'text/csv; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';
const attachment = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });

/** Dashboard, exports, end-of-study erasure and retention, for coordinators only (checked at plugin scope). */
export function orgRoutes(app: FastifyInstance, ctx: ClientRoutesContext): void {
  restrictTo(app, ctx, ['coordinator']);
  const { db } = ctx;

  route(app, 'GET /api/dashboard', async (req, reply) => {
    const f = periodFilters(req.query);
    if (!f.ok) return sendError(reply, 400, 'bad_request', f.error);
    return reply.headers(NO_STORE).send(await dashboard(db, ctx.instruments, f.value));
  });

  /** One audit line per export: the format, how many measurements and the period. */
  const auditExport = (
    req: FastifyRequest,
    format: 'csv' | 'json',
    count: number,
    period: Filters,
  ) =>
    audit(
      db,
      req,
      ctx.clock(),
      'export',
      null,
      `${format}: ${count} measurements, ${period.from ?? '…'} to ${period.to ?? '…'}`,
    );

  route(app, 'GET /api/export/measurements.csv', async (req, reply) => {
    const f = periodFilters(req.query);
    if (!f.ok) return sendError(reply, 400, 'bad_request', f.error);
    const { csv, count } = await exportCsv(db, ctx.instruments, f.value);
    await auditExport(req, 'csv', count, f.value);
    return reply
      .headers({ ...NO_STORE, ...attachment('measurements.csv') })
      .type(CSV)
      .send(csv);
  });

  route(app, 'GET /api/export/measurements.json', async (req, reply) => {
    const f = periodFilters(req.query);
    if (!f.ok) return sendError(reply, 400, 'bad_request', f.error);
    const data = await exportJson(db, ctx.instruments, f.value);
    await auditExport(req, 'json', data.length, f.value);
    return reply.headers({ ...NO_STORE, ...attachment('measurements.json') }).send(data);
  });

  route(app, 'GET /api/export/codebook.csv', async (_req, reply) =>
    reply
      .headers({ ...NO_STORE, ...attachment('codebook.csv') })
      .type(CSV)
      .send(await codebookCsv(db, ctx.instruments)),
  );

  route(app, 'GET /api/export/measurements.sps', async (_req, reply) =>
    reply
      .headers({ ...NO_STORE, ...attachment('measurements.sps') })
      .type(TEXT)
      .send(spssSyntax(await columnsInUse(db, ctx.instruments))),
  );

  route(app, 'GET /api/export/measurements.R', async (_req, reply) =>
    reply
      .headers({ ...NO_STORE, ...attachment('measurements.R') })
      .type(TEXT)
      .send(rScript(await columnsInUse(db, ctx.instruments))),
  );

  route(app, 'POST /api/erasure/all', async (req, reply) => {
    const confirm = req.body.confirm;
    const { agencyName } = await loadSettings(db);
    if (confirm.trim() !== agencyName.trim())
      return sendError(reply, 400, 'confirm_mismatch', 'type the agency name exactly to confirm');
    const now = ctx.clock();
    const erased = await db.transaction(async (tx) => {
      const n = await eraseEverything(tx, now);
      await audit(tx, req, now, 'erase_all', null, `${n} measurements`);
      return n;
    });
    await compactTables(db, ERASURE_TABLES);
    return reply.send({ erased });
  });

  route(app, 'GET /api/retention', async (_req, reply) => {
    const answer: Retention = { days: await loadRetention(db) };
    return reply.headers(NO_STORE).send(answer);
  });

  route(app, 'PUT /api/retention', async (req, reply) => {
    const r = { days: req.body.days };
    const now = ctx.clock();
    await saveRetention(db, r.days, now);
    await audit(db, req, now, 'retention', null, r.days === null ? 'keep' : `${r.days} days`);
    // Applies at once, not only at the next hourly run.
    await runRetention(ctx);
    const answer: Retention = { days: r.days };
    return reply.send(answer);
  });
}

/** One retention run: erases what is past the period and writes an audit line when it erased something. */
export async function runRetention(
  ctx: Pick<ClientRoutesContext, 'db' | 'clock'>,
): Promise<number> {
  const now = ctx.clock();
  const n = await eraseExpired(ctx.db, now);
  if (n > 0) {
    await compactTables(ctx.db, ERASURE_TABLES);
    await writeSystemAudit(ctx, now, `${n} measurements past the retention period`);
  }
  return n;
}

async function writeSystemAudit(ctx: Pick<ClientRoutesContext, 'db'>, now: number, detail: string) {
  await writeAudit(ctx.db, {
    at: now,
    actorId: null,
    actorName: 'retention',
    action: 'erase_retention',
    clientId: null,
    detail,
  });
}

/** The retention job's name in `job_runs`. */
export const RETENTION_JOB = 'retention';
/** Retention runs once an hour across all instances; each instance checks every 5 minutes whether it is its turn. */
export const RETENTION_PERIOD_MS = 60 * 60 * 1000;
const RETENTION_CHECK_MS = 5 * 60 * 1000;

/**
 * Runs retention now and then once an hour until the server closes, claimed in the database (`claimJob`), so several
 * instances on one PostgreSQL run it once per hour between them, not once each.
 */
export async function startRetentionJob(
  app: FastifyInstance,
  ctx: Pick<ClientRoutesContext, 'db' | 'clock'>,
  log: (line: string) => void,
): Promise<void> {
  const run = async () => {
    try {
      if (await claimJob(ctx.db, RETENTION_JOB, ctx.clock(), RETENTION_PERIOD_MS))
        await runRetention(ctx);
    } catch (e) {
      log(`retention failed: ${e instanceof Error ? e.name : 'error'}`);
    }
  };
  await run();
  const timer = setInterval(() => void run(), RETENTION_CHECK_MS);
  timer.unref();
  app.addHook('onClose', (_app, done) => {
    clearInterval(timer);
    done();
  });
}
