/** The coordinator's view of the server's sealing keys, and destroying a retired one (audited). */
import type { FastifyInstance } from 'fastify';
import { WS_API } from '../../shared/contract/workspaceApi.ts';
import type { ApiContext } from '../api.ts';
import { writeAudit } from '../auth/audit.ts';
import { principal, requireRole } from '../auth/guard.ts';
import { destroyServerKey, listServerKeys } from '../crypto/keyRetirement.ts';
import { sendError } from '../errors.ts';

const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Registers GET /api/server-keys and POST /api/server-keys/:id/destroy. */
export function registerKeyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const coordinator = requireRole(ctx, ['coordinator']);

  app.get(WS_API.serverKeys, { onRequest: coordinator }, () => listServerKeys(ctx.db));

  app.post<{ Params: { id: string } }>(
    WS_API.serverKeyDestroy,
    { onRequest: coordinator, bodyLimit: 1024 },
    async (req, reply) => {
      const id = req.params.id;
      if (!KEY_ID.test(id)) return sendError(reply, 404, 'not_found', 'no server key with this id');
      const now = ctx.clock();
      const refused = await destroyServerKey(ctx.db, id, now);
      if (refused)
        return sendError(
          reply,
          refused.error === 'not_found' ? 404 : 409,
          refused.error,
          refused.message,
        );
      ctx.keys.forget(id);
      const by = principal(req);
      await writeAudit(ctx.db, {
        at: now,
        actorId: by.userId,
        actorName: by.name,
        action: 'key_destroy',
        clientId: null,
        detail: `server key ${id}`,
      });
      return (await listServerKeys(ctx.db)).find((k) => k.keyId === id);
    },
  );
}
