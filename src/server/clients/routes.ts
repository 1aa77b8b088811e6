/** The client and measurement routes of the workspace API (contract: src/shared/contract/workspaceApi.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ClientSummary } from '../../shared/contract/workspaceApi.ts';
import { audit } from '../auth/auditRequest.ts';
import { auditRefusal, principal, restrictTo } from '../auth/guard.ts';
import { route } from '../routing.ts';
import type { Db, Queryable } from '../db.ts';
import { sendError } from '../errors.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import {
  addJudgement,
  linkAtRandom,
  mergeClients,
  setLink,
  splitMeasurement,
  suggestionsFor,
} from './changes.ts';
import { compactTables, ERASURE_TABLES } from '../compact.ts';
import { eraseClient, loadRetention } from './erasure.ts';
import { loadSettings } from '../settingsStore.ts';
import { periodFilters } from './params.ts';
import {
  answeredMeasurement,
  clientDetail,
  clientExists,
  clientSummary,
  isLinkedTo,
  listClients,
  listMeasurements,
} from './views.ts';

/** What the client routes need from the server. */
export interface ClientRoutesContext {
  readonly db: Db;
  readonly instruments: InstrumentRegistry;
  readonly clock: () => number;
  /** 0 ≤ r < 1; the random link uses it (tests inject their own). */
  readonly random: () => number;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * The client id of the route when this user may see that client (the schema already checked it is a UUID);
 * otherwise answers 403 (staff, not linked: the same whether or not the client exists; audited) or 404
 * (coordinator, unknown) and returns null.
 */
async function clientFor(
  ctx: Pick<ClientRoutesContext, 'db' | 'clock'>,
  req: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
): Promise<string | null> {
  const { db } = ctx;
  const id = req.params.id;
  const who = principal(req);
  if (who.role !== 'coordinator') {
    if (await isLinkedTo(db, id, who.userId)) return id;
    await auditRefusal(db, req, who, id, ctx.clock());
    await sendError(reply, 403, 'forbidden', 'this client is not linked to you');
    return null;
  }
  if (await clientExists(db, id)) return id;
  await sendError(reply, 404, 'not_found', 'no client with this id');
  return null;
}

async function summaryOrThrow(db: Queryable, id: string): Promise<ClientSummary> {
  const s = await clientSummary(db, id);
  if (!s) throw new Error('client vanished');
  return s;
}

/** What staff and coordinators both do: list clients, open one, judge a measurement (sign-in checked at plugin scope). */
export function clientRoutes(app: FastifyInstance, ctx: ClientRoutesContext): void {
  restrictTo(app, ctx, ['coordinator', 'staff']);
  const { db } = ctx;
  route(app, 'GET /api/clients', async (req, reply) => {
    const who = principal(req);
    const asked = req.query.staffId || null;
    if (who.role !== 'coordinator' && asked !== null && asked !== who.userId) {
      await auditRefusal(db, req, who, null, ctx.clock());
      return sendError(reply, 403, 'forbidden', "staff see only their own clients' list");
    }
    const staffId = who.role === 'coordinator' ? asked : who.userId;
    const q = req.query.q?.trim() || null;
    return reply.headers(NO_STORE).send(await listClients(db, { q, staffId }));
  });

  route(app, 'GET /api/clients/:id', async (req, reply) => {
    const id = await clientFor(ctx, req, reply);
    if (id === null) return reply;
    const detail = await clientDetail(db, ctx.instruments, id);
    if (!detail) return sendError(reply, 404, 'not_found', 'no client with this id');
    await audit(db, req, ctx.clock(), 'view_profile', id, '');
    return reply.headers(NO_STORE).send(detail);
  });

  route(app, 'GET /api/summary-facts', async (_req, reply) => {
    const [settings, retentionDays] = await Promise.all([loadSettings(db), loadRetention(db)]);
    return reply.headers(NO_STORE).send({
      agencyName: settings.agencyName,
      retentionDays,
      defiantScores: settings.summaryDefiantScores,
    });
  });

  route(app, 'POST /api/clients/:id/judgements', async (req, reply) => {
    const id = await clientFor(ctx, req, reply);
    if (id === null) return reply;
    const b = req.body;
    const body = {
      value: {
        measurementId: b.measurementId,
        fit: b.fit,
        clientFit: b.clientFit ?? null,
        observedPosture: b.observedPosture ?? null,
        note: b.note ?? '',
      },
    };
    const who = principal(req);
    const now = ctx.clock();
    const r = await db.transaction(async (tx) => {
      const out = await addJudgement(
        tx,
        ctx.instruments,
        { ...body.value, clientId: id, staffId: who.userId },
        now,
      );
      if (out.ok) await audit(tx, req, now, 'judgement', id, `fit ${body.value.fit}`);
      return out;
    });
    if (!r.ok)
      return sendError(
        reply,
        400,
        'bad_request',
        r.error === 'measurement'
          ? 'measurementId is not a measurement of this client'
          : 'observedPosture must be a posture of the questionnaire',
      );
    return reply.code(201).send(r.judgement);
  });
}

/** What only coordinators do with clients and measurements (role checked at plugin scope). */
export function clientAdminRoutes(app: FastifyInstance, ctx: ClientRoutesContext): void {
  restrictTo(app, ctx, ['coordinator']);
  const { db } = ctx;

  route(app, 'DELETE /api/clients/:id', async (req, reply) => {
    const id = await clientFor(ctx, req, reply);
    if (id === null) return reply;
    const now = ctx.clock();
    const erased = await db.transaction(async (tx) => {
      const ok = await eraseClient(tx, id, now);
      if (ok) await audit(tx, req, now, 'erase_client', id, '');
      return ok;
    });
    if (!erased) return sendError(reply, 404, 'not_found', 'no client with this id');
    await compactTables(db, ERASURE_TABLES);
    return reply.code(204).send();
  });

  route(app, 'PUT /api/clients/:id/link', async (req, reply) => {
    const id = await clientFor(ctx, req, reply);
    if (id === null) return reply;
    const staffId = req.body.staffId;
    const now = ctx.clock();
    const ok = await db.transaction(async (tx) => {
      const done = await setLink(tx, id, staffId, now);
      if (done)
        await audit(
          tx,
          req,
          now,
          'link',
          id,
          staffId === null ? 'unlinked' : `staff ${staffId}`,
          staffId,
        );
      return done;
    });
    if (!ok) return sendError(reply, 400, 'bad_request', 'staffId is not an active staff member');
    return reply.send(await summaryOrThrow(db, id));
  });

  route(app, 'POST /api/clients/:id/link-random', async (req, reply) => {
    const id = await clientFor(ctx, req, reply);
    if (id === null) return reply;
    const now = ctx.clock();
    const chosen = await db.transaction(async (tx) => {
      const staffId = await linkAtRandom(tx, id, ctx.random, now);
      if (staffId) await audit(tx, req, now, 'link', id, `random: staff ${staffId}`, staffId);
      return staffId;
    });
    if (!chosen)
      return sendError(reply, 409, 'no_staff', 'there is no active staff member to link');
    return reply.send(await summaryOrThrow(db, id));
  });

  route(app, 'GET /api/clients/:id/suggestions', async (req, reply) => {
    const id = await clientFor(ctx, req, reply);
    if (id === null) return reply;
    return reply.headers(NO_STORE).send(await suggestionsFor(db, id));
  });

  route(app, 'POST /api/clients/merge', async (req, reply) => {
    const keep = req.body.keepId;
    const merge = req.body.mergeId;
    if (keep === merge)
      return sendError(reply, 400, 'bad_request', 'keepId and mergeId must differ');
    const now = ctx.clock();
    const ok = await db.transaction(async (tx) => {
      const found = await tx.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM clients WHERE id IN ($1::uuid, $2::uuid)',
        [keep, merge],
      );
      if (found.rows[0]?.n !== 2) return false;
      await mergeClients(tx, keep, merge);
      await audit(tx, req, now, 'merge', keep, `merged client ${merge}`);
      return true;
    });
    if (!ok) return sendError(reply, 404, 'not_found', 'keepId or mergeId is not a client');
    return reply.send(await summaryOrThrow(db, keep));
  });

  route(app, 'GET /api/measurements', async (req, reply) => {
    const f = periodFilters(req.query);
    if (!f.ok) return sendError(reply, 400, 'bad_request', f.error);
    const limit = req.query.limit ?? 1000;
    return reply.headers(NO_STORE).send(await listMeasurements(db, f.value, limit));
  });

  route(app, 'GET /api/measurements/:id/answers', async (req, reply) => {
    const id = req.params.id;
    const answered = await answeredMeasurement(db, ctx.instruments, id);
    if (!answered) return sendError(reply, 404, 'not_found', 'no measurement with this id');
    await audit(db, req, ctx.clock(), 'view_answers', answered.clientId, '');
    return reply.headers(NO_STORE).send(answered);
  });

  route(app, 'POST /api/measurements/:id/split', async (req, reply) => {
    const id = req.params.id;
    const now = ctx.clock();
    const r = await db.transaction(async (tx) => {
      const out = await splitMeasurement(tx, id, now);
      if (out.ok)
        await audit(tx, req, now, 'split', out.clientId, `from client ${out.fromClientId}`);
      return out;
    });
    if (!r.ok)
      return r.error === 'not_found'
        ? sendError(reply, 404, 'not_found', 'no measurement with this id')
        : sendError(
            reply,
            409,
            'last_measurement',
            'this is the client’s only measurement; nothing to split',
          );
    return reply.send(await summaryOrThrow(db, r.clientId));
  });
}
