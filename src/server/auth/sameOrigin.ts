/**
 * Cookie-authenticated requests must come from the workspace's own origin. SameSite=Strict keeps the cookie from
 * other sites, but a page on another port of the same host is the same site, so its fetch would carry the cookie;
 * browsers label every request with Sec-Fetch-Site (older ones with Origin), and that is checked on every /api
 * route, reads included. Requests without a session cookie (tablets with a bearer token, curl) are not affected.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sendError } from '../errors.ts';
import { SESSION_COOKIE } from './cookie.ts';

/** Sec-Fetch-Site values that mean the request did not come from another origin's page. */
const OWN = new Set(['same-origin', 'none']);

/** True when a browser says the request came from another origin (unlabelled requests pass). */
export function crossOrigin(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') return !OWN.has(site.toLowerCase());
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return false;
  try {
    return new URL(origin).host !== req.host;
  } catch {
    return true;
  }
}

/** Answers 403 `cross_origin` to an /api request that carries the session cookie from another origin's page. */
export function registerSameOrigin(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    if (!(req.headers.cookie ?? '').includes(`${SESSION_COOKIE}=`)) return;
    if (crossOrigin(req))
      await sendError(
        reply,
        403,
        'cross_origin',
        'this request came from another page than the workspace; open the workspace itself',
      );
  });
}
