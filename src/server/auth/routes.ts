/** Sign-in routes: first-coordinator setup, login, logout (here and everywhere), me, password, own postures. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LoginThrottled, Me } from '../../shared/contract/workspaceApi.ts';
import type { ApiContext } from '../api.ts';
import type { Queryable } from '../db.ts';
import { loadSettings } from '../settingsStore.ts';
import { route } from '../routing.ts';
import { sendError } from '../errors.ts';
import { writeAudit } from './audit.ts';
import { clearSessionCookie, setSessionCookie } from './cookie.ts';
import { restrictTo, sessionUser } from './guard.ts';
import { checkPassword } from './passwordCheck.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, passwordProblem } from './passwords.ts';
import { postureIds, validPostures } from './postures.ts';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  IDLE_TIMEOUT_MS,
  IDLE_WARNING_MS,
  purgeExpiredSessions,
} from './sessions.ts';
import { forgetOldFailures } from './throttle.ts';
import { setupCodeValid, spendSetupCode } from './setupCode.ts';
import {
  createUser,
  hasCoordinator,
  updateUser,
  userById,
  userByUsername,
  type UserRecord,
} from './users.ts';

const LOGIN_FAILED = 'username or password is wrong';

/** The Me answer for a user, with the agency's name from the settings. */
export const meOf = async (
  db: Queryable,
  u: Pick<UserRecord, 'name' | 'username' | 'role' | 'postures' | 'mustChangePassword'> & {
    userId: string;
  },
): Promise<Me> => ({
  userId: u.userId,
  mustChangePassword: u.mustChangePassword,
  name: u.name,
  username: u.username,
  role: u.role,
  postures: [...u.postures],
  idleTimeoutSeconds: IDLE_TIMEOUT_MS / 1000,
  idleWarningSeconds: IDLE_WARNING_MS / 1000,
  agencyName: (await loadSettings(db)).agencyName,
});

async function throttled(reply: FastifyReply, seconds: number) {
  const body: LoginThrottled = {
    error: 'throttled',
    message: `too many failed attempts; try again in ${Math.ceil(seconds / 60)} minute(s)`,
    retryAfterSeconds: seconds,
  };
  return reply.code(429).header('Retry-After', String(seconds)).send(body);
}

const setupCodeInvalid = (reply: FastifyReply) =>
  sendError(
    reply,
    401,
    'code_invalid',
    'this setup code is not valid; restart the server for a new one or run npm run admin -- setup-code',
  );

async function signIn(ctx: ApiContext, req: FastifyRequest, reply: FastifyReply, user: UserRecord) {
  const now = ctx.clock();
  await purgeExpiredSessions(ctx.db, now);
  await forgetOldFailures(ctx.db, now);
  const { token } = await createSession(ctx.db, user.id, now);
  setSessionCookie(req, reply, token);
  return meOf(ctx.db, { ...user, userId: user.id });
}

/** Setup and sign-in: open to anyone (they are how one becomes signed in). */
export function signInRoutes(app: FastifyInstance, ctx: ApiContext): void {
  route(app, 'POST /api/auth/setup', async (req, reply) => {
    const o = req.body;
    const code = o.setupCode.trim();
    const name = o.name.trim();
    const username = o.username.trim();
    const weak = passwordProblem(o.password);
    if (weak) return sendError(reply, 400, 'password_weak', weak);
    if (await hasCoordinator(ctx.db))
      return sendError(reply, 409, 'already_set_up', 'a coordinator exists; sign in instead');
    // A wrong code costs no hashing: it is refused here, and spent only in the transaction below.
    if (!(await setupCodeValid(ctx.db, code))) return setupCodeInvalid(reply);
    const passwordHash = await hashPassword(o.password);
    const now = ctx.clock();
    const result = await ctx.db
      .transaction(async (tx) => {
        if (await hasCoordinator(tx)) return 'already_set_up' as const;
        if (!(await spendSetupCode(tx, code, now))) return 'code_invalid' as const;
        const user = await createUser(
          tx,
          { name, username, role: 'coordinator', passwordHash },
          now,
        );
        if (!user) throw new Error('username taken during setup');
        await writeAudit(tx, {
          at: now,
          actorId: user.id,
          actorName: user.name,
          action: 'setup',
          clientId: null,
          detail: 'first coordinator created with the setup code',
        });
        return user;
      })
      .catch((e: unknown) => {
        if (e instanceof Error && e.message === 'username taken during setup')
          return 'username_taken' as const;
        throw e;
      });
    if (result === 'already_set_up')
      return sendError(reply, 409, 'already_set_up', 'a coordinator exists; sign in instead');
    if (result === 'code_invalid') return setupCodeInvalid(reply);
    if (result === 'username_taken')
      return sendError(reply, 409, 'username_taken', 'this username is taken');
    return reply.code(201).send(await signIn(ctx, req, reply, result));
  });

  route(app, 'POST /api/auth/login', async (req, reply) => {
    const username = req.body.username.trim();
    const password = req.body.password;
    if (!username || password.length === 0 || password.length > MAX_PASSWORD_LENGTH)
      return sendError(
        reply,
        400,
        'bad_request',
        'body must be {"username": "…", "password": "…"}',
      );
    const now = ctx.clock();
    const found = await userByUsername(ctx.db, username);
    const check = await checkPassword(ctx, { username, ip: req.ip, password, user: found });
    if (check.kind === 'throttled') return throttled(reply, check.waitSeconds);
    if (check.kind === 'wrong') {
      if (check.user)
        await writeAudit(ctx.db, {
          at: now,
          actorId: check.user.id,
          actorName: check.user.name,
          action: 'sign_in_failed',
          clientId: null,
          detail: check.user.disabled ? 'account disabled' : 'wrong password',
        });
      return sendError(reply, 401, 'login_failed', LOGIN_FAILED);
    }
    const { user } = check;
    await writeAudit(ctx.db, {
      at: now,
      actorId: user.id,
      actorName: user.name,
      action: 'sign_in',
      clientId: null,
      detail: '',
    });
    return signIn(ctx, req, reply, user);
  });
}

/** What a signed-in user does with their own account; the sign-in check is at plugin scope. */
export function ownAccountRoutes(app: FastifyInstance, ctx: ApiContext): void {
  restrictTo(app, ctx, ['coordinator', 'staff']);
  const postures = postureIds(ctx.instruments);

  route(app, 'POST /api/auth/logout', async (req, reply) => {
    await deleteSession(ctx.db, sessionUser(req).sessionId);
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });

  route(app, 'POST /api/auth/logout-everywhere', async (req, reply) => {
    const u = sessionUser(req);
    const n = await deleteUserSessions(ctx.db, u.userId);
    await writeAudit(ctx.db, {
      at: ctx.clock(),
      actorId: u.userId,
      actorName: u.name,
      action: 'sign_out_everywhere',
      clientId: null,
      detail: `${n} session(s) ended`,
    });
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });

  route(app, 'GET /api/auth/me', (req) => meOf(ctx.db, sessionUser(req)));

  route(app, 'POST /api/auth/password', async (req, reply) => {
    const u = sessionUser(req);
    const o = req.body;
    if (o.current.length > MAX_PASSWORD_LENGTH)
      return sendError(reply, 400, 'bad_request', 'body must be {"current": "…", "next": "…"}');
    const now = ctx.clock();
    const found = await userById(ctx.db, u.userId);
    const check = await checkPassword(ctx, {
      username: u.username,
      ip: req.ip,
      password: o.current,
      user: found,
    });
    if (check.kind === 'throttled') return throttled(reply, check.waitSeconds);
    if (check.kind === 'wrong')
      return sendError(reply, 401, 'login_failed', 'the current password is wrong');
    const weak = passwordProblem(o.next);
    if (weak) return sendError(reply, 400, 'password_weak', weak);
    if (o.next === o.current)
      return sendError(reply, 400, 'password_same', 'choose a password other than the current one');
    const passwordHash = await hashPassword(o.next);
    await ctx.db.transaction(async (tx) => {
      await updateUser(tx, u.userId, { passwordHash, mustChangePassword: false }, now);
      // Other browsers signed in with the old password are signed out; this one stays.
      await tx.query('DELETE FROM web_sessions WHERE user_id = $1 AND id <> $2', [
        u.userId,
        u.sessionId,
      ]);
      await writeAudit(tx, {
        at: now,
        actorId: u.userId,
        actorName: u.name,
        action: 'password_change',
        clientId: null,
        detail: u.mustChangePassword
          ? 'own password chosen in place of the one a coordinator set; other sessions ended'
          : 'own password changed; other sessions ended',
      });
    });
    return reply.code(204).send();
  });

  route(app, 'PUT /api/me/postures', async (req, reply) => {
    const u = sessionUser(req);
    const list = validPostures(req.body.postures, postures);
    if (!list)
      return sendError(
        reply,
        400,
        'bad_request',
        `body must be {"postures": [...]} with ids from ${[...postures].join(', ')}`,
      );
    await updateUser(ctx.db, u.userId, { postures: list }, ctx.clock());
    return reply.code(204).send();
  });
}
