/** The coordinator's view of the server's sealing keys, and destroying a retired one (audited). */
import type { FastifyInstance } from 'fastify';
import type { ApiContext } from '../api.ts';
import { audit } from '../auth/auditRequest.ts';
import { restrictTo } from '../auth/guard.ts';
import { destroyServerKey, listServerKeys } from '../crypto/keyRetirement.ts';
import { sendError } from '../errors.ts';
import { route } from '../routing.ts';

/** GET /api/server-keys and POST /api/server-keys/:id/destroy, for coordinators only. */
export function keyRoutes(app: FastifyInstance, ctx: ApiContext): void {
  restrictTo(app, ctx, ['coordinator']);

  route(app, 'GET /api/server-keys', () => listServerKeys(ctx.db));

  route(app, 'POST /api/server-keys/:id/destroy', async (req, reply) => {
    const id = req.params.id;
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
    await audit(ctx.db, req, now, 'key_destroy', null, `server key ${id}`);
    const destroyed = (await listServerKeys(ctx.db)).find((k) => k.keyId === id);
    return destroyed ?? sendError(reply, 404, 'not_found', 'no server key with this id');
  });
}
