/** Route guards for the workspace: a live session cookie, and a role allowed on the route. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../shared/contract/workspaceApi.ts';
import type { Db, Queryable } from '../db.ts';
import { sendError } from '../errors.ts';
import { writeAudit } from './audit.ts';
import { clearSessionCookie, sessionToken } from './cookie.ts';
import { resolveSession, type SessionUser } from './sessions.ts';

/** The signed-in user a guarded route runs for. */
export interface Principal {
  userId: string;
  role: Role;
  name: string;
  sessionId: string;
}

const principals = new WeakMap<FastifyRequest, SessionUser>();

/** The session user behind a guarded request (with username and postures), for the auth routes themselves. */
export function sessionUser(req: FastifyRequest): SessionUser {
  const user = principals.get(req);
  if (!user) throw new Error('route without requireRole');
  return user;
}

/** The signed-in user of a request that passed `requireRole`; throws on a route without the guard (a bug). */
export function principal(req: FastifyRequest): Principal {
  const u = sessionUser(req);
  return { userId: u.userId, role: u.role, name: u.name, sessionId: u.sessionId };
}

/** Audits a 403: who tried which route (and which client), so a coordinator sees attempts, not only successes. */
export async function auditRefusal(
  db: Queryable,
  req: FastifyRequest,
  user: { userId: string; name: string },
  clientId: string | null,
  now: number,
): Promise<void> {
  await writeAudit(db, {
    at: now,
    actorId: user.userId,
    actorName: user.name,
    action: 'refused',
    clientId,
    detail: `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0] ?? ''}`,
  });
}

/** What a session whose password a coordinator set may still do: choose a new one, ask who it is, sign out. */
export const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<string> = new Set([
  'GET /api/auth/me',
  'POST /api/auth/password',
  'POST /api/auth/logout',
  'POST /api/auth/logout-everywhere',
]);

/**
 * A fastify onRequest/preHandler hook: 401 `signed_out` without a live session, 403 `password_change_required` while
 * a coordinator-set password waits to be replaced (except the routes above), 403 `forbidden` for another role.
 * Use as `{ onRequest: requireRole(ctx, ['coordinator']) }`; it runs before the body is read.
 */
export function requireRole(
  ctx: { db: Db; clock: () => number },
  roles: readonly Role[],
): (req: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (req, reply) => {
    const token = sessionToken(req);
    const user = token ? await resolveSession(ctx.db, token, ctx.clock()) : null;
    if (!user) {
      if (req.cookies.si_session !== undefined) clearSessionCookie(req, reply);
      await sendError(reply, 401, 'signed_out', 'you are signed out; sign in again');
      return;
    }
    if (
      user.mustChangePassword &&
      !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${req.method} ${req.routeOptions.url ?? ''}`)
    ) {
      await sendError(
        reply,
        403,
        'password_change_required',
        'a coordinator set your password; choose your own first (POST /api/auth/password)',
      );
      return;
    }
    if (!roles.includes(user.role)) {
      await auditRefusal(ctx.db, req, user, null, ctx.clock());
      await sendError(reply, 403, 'forbidden', 'your role may not use this');
      return;
    }
    principals.set(req, user);
  };
}

/** Puts the role check on every route of a plugin: fastify keeps the hook inside that plugin's scope. */
export function restrictTo(
  app: FastifyInstance,
  ctx: { db: Db; clock: () => number },
  roles: readonly Role[],
): void {
  app.addHook('onRequest', requireRole(ctx, roles));
}
