/** The coordinator's tablets: list with last sync and status, revoke, and new enrollment codes. */
import type { FastifyInstance } from 'fastify';
import type { NewEnrollCode } from '../../shared/contract/workspaceApi.ts';
import type { ApiContext } from '../api.ts';
import { audit } from '../auth/auditRequest.ts';
import { restrictTo } from '../auth/guard.ts';
import { route } from '../routing.ts';
import { deviceRows } from '../deviceStatus.ts';
import { CODE_TTL_MS, createEnrollCode, revokeDevice } from '../devices.ts';
import { sendError } from '../errors.ts';

/** GET /api/devices, POST /api/devices/:id/revoke and POST /api/enroll-codes, for coordinators only. */
export function deviceAdminRoutes(app: FastifyInstance, ctx: ApiContext): void {
  restrictTo(app, ctx, ['coordinator']);

  route(app, 'GET /api/devices', () => deviceRows(ctx.db));

  route(app, 'POST /api/devices/:id/revoke', async (req, reply) => {
    const id = req.params.id;
    const now = ctx.clock();
    // Revoking twice is harmless: the answer is the device, revoked since the first time.
    await ctx.db.transaction(async (tx) => {
      const done = await revokeDevice(tx, id, now);
      if (done) await audit(tx, req, now, 'device_revoke', null, `device ${id}`);
    });
    const [row] = await deviceRows(ctx.db, id);
    if (!row) return sendError(reply, 404, 'not_found', 'no such device');
    return row;
  });

  route(app, 'POST /api/enroll-codes', async (req, reply) => {
    const name = req.body.name.trim();
    const now = ctx.clock();
    const code = await ctx.db.transaction(async (tx) => {
      const c = await createEnrollCode(tx, name, now);
      await audit(tx, req, now, 'enroll_code', null, `code for tablet "${name}"`);
      return c;
    });
    const answer: NewEnrollCode = {
      code,
      name,
      expiresAt: new Date(now + CODE_TTL_MS).toISOString(),
    };
    return reply.code(201).send(answer);
  });
}
