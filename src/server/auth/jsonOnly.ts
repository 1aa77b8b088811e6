/**
 * CSRF defence beside SameSite=Strict: a browser form cannot send `application/json` cross-site without a CORS
 * preflight (which this server never grants), so mutating workspace requests must carry that content type.
 */
import type { FastifyInstance } from 'fastify';
import { sendError } from '../errors.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes tablets call with a bearer token (no cookie, so no CSRF); their own content checks stay as they are. */
const TABLET_ROUTES = new Set(['/api/devices/enroll', '/api/sync/sessions']);

/** Answers 415 to a mutating /api request that is not `application/json` (tablet routes excepted). */
export function registerJsonOnly(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!MUTATING.has(req.method)) return;
    const path = req.url.split('?')[0] ?? '';
    if (!path.startsWith('/api/') || TABLET_ROUTES.has(path)) return;
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json')
      await sendError(
        reply,
        415,
        'unsupported_media_type',
        'send JSON (Content-Type: application/json), also when the body is {}',
      );
  });
}
