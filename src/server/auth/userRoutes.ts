/** The coordinator's account management: list, create and change staff and coordinator accounts. */
import type { FastifyInstance } from 'fastify';
import type { Role, UserSummary } from '../../shared/contract/workspaceApi.ts';
import type { ApiContext } from '../api.ts';
import { route } from '../routing.ts';
import { sendError } from '../errors.ts';
import { audit } from './auditRequest.ts';
import { principal, restrictTo } from './guard.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { postureIds, validPostures } from './postures.ts';
import { deleteUserSessions } from './sessions.ts';
import {
  createUser,
  listUsers,
  noCaseloads,
  otherActiveCoordinators,
  toSummary,
  updateUser,
  userById,
  type CaseloadSource,
} from './users.ts';

const isRole = (v: unknown): v is Role => v === 'coordinator' || v === 'staff';

/** What the account routes need: the server's context and how many clients each user has. */
export interface UserRoutesContext extends ApiContext {
  readonly caseloads?: CaseloadSource;
}

/** GET/POST /api/users and PATCH /api/users/:id, for coordinators only (checked at plugin scope). */
export function userRoutes(app: FastifyInstance, ctx: UserRoutesContext): void {
  restrictTo(app, ctx, ['coordinator']);
  const caseloads = ctx.caseloads ?? noCaseloads;
  const postures = postureIds(ctx.instruments);

  route(app, 'GET /api/users', async (): Promise<UserSummary[]> => {
    const counts = await caseloads(ctx.db);
    return (await listUsers(ctx.db)).map((u) => toSummary(u, counts));
  });

  route(app, 'POST /api/users', async (req, reply) => {
    const o = req.body;
    const name = o.name.trim();
    const username = o.username.trim();
    const weak = passwordProblem(o.password);
    if (weak) return sendError(reply, 400, 'password_weak', weak);
    const now = ctx.clock();
    const passwordHash = await hashPassword(o.password);
    const user = await ctx.db.transaction(async (tx) => {
      // The coordinator chose this password: its owner replaces it at their first sign-in.
      const u = await createUser(
        tx,
        { name, username, role: o.role, passwordHash, mustChangePassword: true },
        now,
      );
      if (u) await audit(tx, req, now, 'user_create', null, `${u.role} account ${u.id}`, u.id);
      return u;
    });
    if (!user) return sendError(reply, 409, 'username_taken', 'this username is taken');
    return reply.code(201).send(toSummary(user, await caseloads(ctx.db)));
  });

  route(app, 'PATCH /api/users/:id', async (req, reply) => {
    const o = req.body;
    const bad = (message: string) => sendError(reply, 400, 'bad_request', message);
    const name = o.name?.trim();
    const list = o.postures === undefined ? undefined : validPostures(o.postures, postures);
    if (list === null) return bad(`postures must be a list of ${[...postures].join(', ')}`);
    if (o.password !== undefined) {
      const weak = passwordProblem(o.password);
      if (weak) return sendError(reply, 400, 'password_weak', weak);
    }
    const target = await userById(ctx.db, req.params.id);
    if (!target) return sendError(reply, 404, 'not_found', 'no such user');
    const losesCoordinator =
      target.role === 'coordinator' &&
      !target.disabled &&
      (o.role === 'staff' || o.disabled === true);
    if (losesCoordinator && (await otherActiveCoordinators(ctx.db, target.id)) === 0)
      return sendError(reply, 409, 'last_coordinator', 'keep at least one active coordinator');
    const passwordHash =
      typeof o.password === 'string' ? await hashPassword(o.password) : undefined;
    const now = ctx.clock();
    const by = principal(req);
    const updated = await ctx.db.transaction(async (tx) => {
      const u = await updateUser(
        tx,
        target.id,
        {
          ...(name !== undefined ? { name } : {}),
          ...(isRole(o.role) ? { role: o.role } : {}),
          ...(list !== undefined ? { postures: list } : {}),
          ...(typeof o.disabled === 'boolean' ? { disabled: o.disabled } : {}),
          ...(passwordHash !== undefined
            ? { passwordHash, mustChangePassword: target.id !== by.userId }
            : {}),
        },
        now,
      );
      // A disabled account or a reset password ends every session of that user at once.
      if (o.disabled === true || passwordHash !== undefined)
        await deleteUserSessions(tx, target.id);
      await audit(
        tx,
        req,
        now,
        'user_update',
        null,
        `account ${target.id}: ${Object.keys(o)
          .map((k) =>
            k === 'role' || k === 'disabled' ? `${k}=${String(o[k as keyof typeof o])}` : k,
          )
          .join(', ')}`,
        target.id,
      );
      return u;
    });
    if (!updated) return sendError(reply, 404, 'not_found', 'no such user');
    return toSummary(updated, await caseloads(ctx.db));
  });
}
