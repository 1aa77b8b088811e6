/** The JSON API: enrollment, device config and the sync endpoint; a device token reaches nothing else. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DeviceConfig, EnrollResponse } from '../shared/contract/protocol.ts';
import type { Kek } from './crypto/kek.ts';
import type { PrivateKeys } from './crypto/keys.ts';
import type { Db } from './db.ts';
import { saveStatusReport } from './deviceStatus.ts';
import { deviceForToken, enrollDevice, touchDevice, type Device } from './devices.ts';
import { sendError } from './errors.ts';
import { ingestBatch } from './ingest.ts';
import type { InstrumentRegistry } from './instruments.ts';
import { plugin, route } from './routing.ts';
import { configEtag, deviceConfig, etagMatches } from './deviceConfig.ts';

/** What the routes share. */
export interface ApiContext {
  readonly db: Db;
  readonly keys: PrivateKeys;
  /** Wraps new sealing keys (rotation from the workspace). */
  readonly kek: Kek;
  readonly instruments: InstrumentRegistry;
  /** Worker threads that open sealed sessions (INGEST_WORKERS, ingestPool.ts); 0 opens them on the event loop. */
  readonly ingestThreads: number;
  readonly clock: () => number;
  /** Tells the read-aloud job that client texts changed (an imported translation), so it renders their clips. */
  readonly onTextsChanged?: () => void;
}

const ENROLL_MESSAGES = {
  code_invalid: 'this enrollment code is not known; check it or ask for a new one',
  code_used: 'this enrollment code was already used; ask for a new one',
  code_expired: 'this enrollment code has expired (codes last 24 hours); ask for a new one',
} as const;

const config = (ctx: ApiContext, device: { id: string; name: string }): Promise<DeviceConfig> =>
  deviceConfig(ctx.db, ctx.instruments, device);

/** Resolves the bearer token to a live device, or answers 401 itself and returns null. */
async function authenticate(
  ctx: ApiContext,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<Device | null> {
  const m = /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec(req.headers.authorization ?? '');
  const device = m?.[1] ? await deviceForToken(ctx.db, m[1]) : null;
  if (!device) {
    await sendError(
      reply,
      401,
      'unauthorized',
      'missing or unknown device token; enroll the tablet',
    );
    return null;
  }
  if (device.revokedAt) {
    await sendError(reply, 401, 'device_revoked', 'this tablet was revoked; enroll it again');
    return null;
  }
  return device;
}

/** Resolves the bearer token of a tablet route before the body is read: an unknown caller never uploads a megabyte. */
function deviceGuard(ctx: ApiContext, devices: WeakMap<FastifyRequest, Device>) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    const device = await authenticate(ctx, req, reply);
    if (device) devices.set(req, device);
  };
}

/** The routes a tablet's token opens (config, status report, sync); the guard is at plugin scope. */
function deviceRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const devices = new WeakMap<FastifyRequest, Device>();
  app.addHook('onRequest', deviceGuard(ctx, devices));
  const deviceOf = (req: FastifyRequest): Device => {
    const device = devices.get(req);
    if (!device) throw new Error('route without authentication');
    return device;
  };

  // Conditional: tablets ask at every sync round; an unchanged config is a 304 without a body.
  route(app, 'GET /api/devices/config', async (req, reply) => {
    const body = JSON.stringify(await config(ctx, deviceOf(req)));
    const etag = configEtag(body);
    reply.header('Cache-Control', 'no-store').header('ETag', etag);
    if (etagMatches(req.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body);
  });

  // After each sync round the tablet says how it is (queue, storage, version); the coordinator sees it.
  route(app, 'POST /api/devices/status', async (req, reply) => {
    const device = deviceOf(req);
    const now = ctx.clock();
    await saveStatusReport(ctx.db, device.id, req.body, now);
    await touchDevice(ctx.db, device.id, now);
    return reply.code(204).send();
  });

  route(app, 'POST /api/sync/sessions', async (req) => {
    const device = deviceOf(req);
    return ingestBatch({ ...ctx, now: ctx.clock() }, device.id, req.body.sessions);
  });
}

/** The tablet's API: health and enrolment for anyone, the rest behind the device token. */
export async function tabletRoutes(app: FastifyInstance, ctx: ApiContext): Promise<void> {
  route(app, 'GET /api/health', (_req, reply) => reply.send({ ok: true }));

  route(app, 'POST /api/devices/enroll', async (req, reply) => {
    const r = await enrollDevice(ctx.db, req.body.code, ctx.clock());
    if (!r.ok) return sendError(reply, 401, r.error, ENROLL_MESSAGES[r.error]);
    const answer: EnrollResponse = {
      ...(await config(ctx, { id: r.deviceId, name: r.name })),
      token: r.token,
    };
    return reply.header('Cache-Control', 'no-store').send(answer);
  });

  await app.register(plugin(deviceRoutes), ctx);
}
