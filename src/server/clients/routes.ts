/** The client and measurement routes of the workspace API (contract: src/shared/contract/workspaceApi.ts). */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WS_API, type ClientSummary } from '../../shared/contract/workspaceApi.ts';
import { writeAudit } from '../auth/audit.ts';
import { auditRefusal, principal, requireRole } from '../auth/guard.ts';
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
import { eraseClient } from './erasure.ts';
import {
  idParam,
  isUuid,
  parseClientQuery,
  parseFilters,
  parseJudgement,
  parseLimit,
} from './params.ts';
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

/** Writes one audit line for the signed-in user. */
export async function audit(
  db: Queryable,
  req: FastifyRequest,
  now: number,
  action: string,
  clientId: string | null,
  detail: string,
): Promise<void> {
  const who = principal(req);
  await writeAudit(db, {
    at: now,
    actorId: who.userId,
    actorName: who.name,
    action,
    clientId,
    detail,
  });
}

/** Registers the client and measurement routes. */
export function registerClientRoutes(app: FastifyInstance, ctx: ClientRoutesContext): void {
  const anyone = { onRequest: requireRole(ctx, ['coordinator', 'staff']) };
  const coordinator = { onRequest: requireRole(ctx, ['coordinator']) };
  const { db } = ctx;

  /**
   * The client id of the route when this user may see that client; otherwise answers 400 (not an id), 403
   * (staff, not linked: the same whether or not the client exists) or 404 (coordinator, unknown) and returns null.
   */
  const clientFor = async (req: FastifyRequest, reply: FastifyReply): Promise<string | null> => {
    const id = idParam(req.params);
    if (id === null) {
      await sendError(reply, 400, 'bad_request', 'the client id must be a UUID');
      return null;
    }
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
  };

  const summaryOrThrow = async (id: string): Promise<ClientSummary> => {
    const s = await clientSummary(db, id);
    if (!s) throw new Error('client vanished');
    return s;
  };

  app.get(WS_API.clients, anyone, async (req, reply) => {
    const q = parseClientQuery(req.query);
    if (!q.ok) return sendError(reply, 400, 'bad_request', q.error);
    const who = principal(req);
    if (who.role !== 'coordinator' && q.value.staffId !== null && q.value.staffId !== who.userId) {
      await auditRefusal(db, req, who, null, ctx.clock());
      return sendError(reply, 403, 'forbidden', "staff see only their own clients' list");
    }
    const staffId = who.role === 'coordinator' ? q.value.staffId : who.userId;
    return reply.headers(NO_STORE).send(await listClients(db, { q: q.value.q, staffId }));
  });

  app.get(WS_API.client, anyone, async (req, reply) => {
    const id = await clientFor(req, reply);
    if (id === null) return reply;
    const detail = await clientDetail(db, id);
    if (!detail) return sendError(reply, 404, 'not_found', 'no client with this id');
    await audit(db, req, ctx.clock(), 'view_profile', id, '');
    return reply.headers(NO_STORE).send(detail);
  });

  app.delete(WS_API.client, coordinator, async (req, reply) => {
    const id = await clientFor(req, reply);
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

  app.put(WS_API.clientLink, coordinator, async (req, reply) => {
    const id = await clientFor(req, reply);
    if (id === null) return reply;
    const body = req.body as { staffId?: unknown } | null;
    const staffId = typeof body === 'object' && body !== null ? body.staffId : undefined;
    if (staffId !== null && !isUuid(staffId))
      return sendError(reply, 400, 'bad_request', 'body must be {"staffId": "<user id>" | null}');
    const now = ctx.clock();
    const ok = await db.transaction(async (tx) => {
      const done = await setLink(tx, id, staffId?.toLowerCase() ?? null, now);
      if (done)
        await audit(tx, req, now, 'link', id, staffId === null ? 'unlinked' : `staff ${staffId}`);
      return done;
    });
    if (!ok) return sendError(reply, 400, 'bad_request', 'staffId is not an active staff member');
    return reply.send(await summaryOrThrow(id));
  });

  app.post(WS_API.clientLinkRandom, coordinator, async (req, reply) => {
    const id = await clientFor(req, reply);
    if (id === null) return reply;
    const now = ctx.clock();
    const chosen = await db.transaction(async (tx) => {
      const staffId = await linkAtRandom(tx, id, ctx.random, now);
      if (staffId) await audit(tx, req, now, 'link', id, `random: staff ${staffId}`);
      return staffId;
    });
    if (!chosen)
      return sendError(reply, 409, 'no_staff', 'there is no active staff member to link');
    return reply.send(await summaryOrThrow(id));
  });

  app.get(WS_API.clientSuggestions, coordinator, async (req, reply) => {
    const id = await clientFor(req, reply);
    if (id === null) return reply;
    return reply.headers(NO_STORE).send(await suggestionsFor(db, id));
  });

  app.post(WS_API.clientJudgement, anyone, async (req, reply) => {
    const id = await clientFor(req, reply);
    if (id === null) return reply;
    const body = parseJudgement(req.body);
    if (!body.ok) return sendError(reply, 400, 'bad_request', body.error);
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

  app.post(WS_API.clientMerge, coordinator, async (req, reply) => {
    const body = req.body as { keepId?: unknown; mergeId?: unknown } | null;
    const keepId = typeof body === 'object' && body !== null ? body.keepId : undefined;
    const mergeId = typeof body === 'object' && body !== null ? body.mergeId : undefined;
    if (!isUuid(keepId) || !isUuid(mergeId))
      return sendError(
        reply,
        400,
        'bad_request',
        'body must be {"keepId": "<uuid>", "mergeId": "<uuid>"}',
      );
    const keep = keepId.toLowerCase();
    const merge = mergeId.toLowerCase();
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
    return reply.send(await summaryOrThrow(keep));
  });

  app.get(WS_API.measurements, coordinator, async (req, reply) => {
    const f = parseFilters(req.query);
    if (!f.ok) return sendError(reply, 400, 'bad_request', f.error);
    const limit = parseLimit(req.query, 1000, 10_000);
    if (!limit.ok) return sendError(reply, 400, 'bad_request', limit.error);
    return reply.headers(NO_STORE).send(await listMeasurements(db, f.value, limit.value));
  });

  app.get(WS_API.measurementAnswers, coordinator, async (req, reply) => {
    const id = idParam(req.params);
    if (id === null)
      return sendError(reply, 400, 'bad_request', 'the measurement id must be a UUID');
    const answered = await answeredMeasurement(db, ctx.instruments, id);
    if (!answered) return sendError(reply, 404, 'not_found', 'no measurement with this id');
    await audit(db, req, ctx.clock(), 'view_answers', answered.clientId, '');
    return reply.headers(NO_STORE).send(answered);
  });

  app.post(WS_API.measurementSplit, coordinator, async (req, reply) => {
    const id = idParam(req.params);
    if (id === null)
      return sendError(reply, 400, 'bad_request', 'the measurement id must be a UUID');
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
    return reply.send(await summaryOrThrow(r.clientId));
  });
}
