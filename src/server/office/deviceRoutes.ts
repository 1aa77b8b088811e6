/** The coordinator's tablets: list with last sync and status, revoke, and new enrollment codes. */
import type { FastifyInstance } from 'fastify';
import { WS_API, type NewEnrollCode } from '../../shared/contract/workspaceApi.ts';
import type { ApiContext } from '../api.ts';
import { writeAudit } from '../auth/audit.ts';
import { principal, requireRole } from '../auth/guard.ts';
import { asObject, cleanText, isUuid } from '../bodies.ts';
import { deviceRows } from '../deviceStatus.ts';
import { CODE_TTL_MS, createEnrollCode, revokeDevice } from '../devices.ts';
import { sendError } from '../errors.ts';

/** Registers GET /api/devices, POST /api/devices/:id/revoke and POST /api/enroll-codes. */
export function registerDeviceRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const coordinator = requireRole(ctx, ['coordinator']);

  app.get(WS_API.devices, { onRequest: coordinator }, () => deviceRows(ctx.db));

  app.post<{ Params: { id: string } }>(
    WS_API.deviceRevoke,
    { onRequest: coordinator, bodyLimit: 1024 },
    async (req, reply) => {
      const id = req.params.id;
      if (!isUuid(id)) return sendError(reply, 404, 'not_found', 'no such device');
      const now = ctx.clock();
      const by = principal(req);
      // Revoking twice is harmless: the answer is the device, revoked since the first time.
      await ctx.db.transaction(async (tx) => {
        const done = await revokeDevice(tx, id, now);
        if (done)
          await writeAudit(tx, {
            at: now,
            actorId: by.userId,
            actorName: by.name,
            action: 'device_revoke',
            clientId: null,
            detail: `device ${id.toLowerCase()}`,
          });
      });
      const [row] = await deviceRows(ctx.db, id);
      if (!row) return sendError(reply, 404, 'not_found', 'no such device');
      return row;
    },
  );

  app.post(WS_API.enrollCodes, { onRequest: coordinator, bodyLimit: 1024 }, async (req, reply) => {
    const name = cleanText(asObject(req.body)?.name, 1, 60);
    if (!name)
      return sendError(
        reply,
        400,
        'bad_request',
        'body must be {"name": "<tablet name, 1-60 characters>"}',
      );
    const now = ctx.clock();
    const by = principal(req);
    const code = await ctx.db.transaction(async (tx) => {
      const c = await createEnrollCode(tx, name, now);
      await writeAudit(tx, {
        at: now,
        actorId: by.userId,
        actorName: by.name,
        action: 'enroll_code',
        clientId: null,
        detail: `code for tablet "${name}"`,
      });
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
