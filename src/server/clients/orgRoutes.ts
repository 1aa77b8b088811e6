/** The organisation routes: dashboard, research export, end-of-study erasure and the retention period (coordinator). */
import type { FastifyInstance } from 'fastify';
import { parseRetention } from '../../shared/core/retention.ts';
import { WS_API, type Retention } from '../../shared/contract/workspaceApi.ts';
import { writeAudit } from '../auth/audit.ts';
import { requireRole } from '../auth/guard.ts';
import { sendError } from '../errors.ts';
import { claimJob } from '../jobs/claim.ts';
import { loadSettings } from '../settingsStore.ts';
import { dashboard } from './dashboard.ts';
import { compactTables, ERASURE_TABLES } from '../compact.ts';
import { eraseEverything, eraseExpired, loadRetention, saveRetention } from './erasure.ts';
import { codebookCsv, exportCsv, exportJson } from './export.ts';
import { parseFilters } from './params.ts';
import { audit, type ClientRoutesContext } from './routes.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const CSV = 'text/csv; charset=utf-8';
const attachment = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });

/** Registers the organisation routes. */
export function registerOrgRoutes(app: FastifyInstance, ctx: ClientRoutesContext): void {
  const coordinator = { onRequest: requireRole(ctx, ['coordinator']) };
  const { db } = ctx;

  app.get(WS_API.dashboard, coordinator, async (req, reply) => {
    const f = parseFilters(req.query);
    if (!f.ok) return sendError(reply, 400, 'bad_request', f.error);
    return reply.headers(NO_STORE).send(await dashboard(db, ctx.instruments, f.value));
  });

  app.get(WS_API.exportCsv, coordinator, async (req, reply) => {
    const f = parseFilters(req.query, false);
    if (!f.ok) return sendError(reply, 400, 'bad_request', f.error);
    const { csv, count } = await exportCsv(db, ctx.instruments, f.value);
    await audit(
      db,
      req,
      ctx.clock(),
      'export',
      null,
      `csv: ${count} measurements, ${f.value.from ?? '…'} to ${f.value.to ?? '…'}`,
    );
    return reply
      .headers({ ...NO_STORE, ...attachment('measurements.csv') })
      .type(CSV)
      .send(csv);
  });

  app.get(WS_API.exportJson, coordinator, async (req, reply) => {
    const f = parseFilters(req.query, false);
    if (!f.ok) return sendError(reply, 400, 'bad_request', f.error);
    const data = await exportJson(db, f.value);
    await audit(
      db,
      req,
      ctx.clock(),
      'export',
      null,
      `json: ${data.length} measurements, ${f.value.from ?? '…'} to ${f.value.to ?? '…'}`,
    );
    return reply.headers({ ...NO_STORE, ...attachment('measurements.json') }).send(data);
  });

  app.get(WS_API.exportCodebook, coordinator, async (_req, reply) =>
    reply
      .headers({ ...NO_STORE, ...attachment('codebook.csv') })
      .type(CSV)
      .send(await codebookCsv(db, ctx.instruments)),
  );

  app.post(WS_API.eraseAll, coordinator, async (req, reply) => {
    const body = req.body as { confirm?: unknown } | null;
    const confirm = typeof body === 'object' && body !== null ? body.confirm : undefined;
    if (typeof confirm !== 'string')
      return sendError(reply, 400, 'bad_request', 'body must be {"confirm": "<agency name>"}');
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

  app.get(WS_API.retention, coordinator, async (_req, reply) => {
    const answer: Retention = { days: await loadRetention(db) };
    return reply.headers(NO_STORE).send(answer);
  });

  app.put(WS_API.retention, coordinator, async (req, reply) => {
    const r = parseRetention(req.body);
    if (!r.ok) return sendError(reply, 400, 'bad_request', r.error);
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
