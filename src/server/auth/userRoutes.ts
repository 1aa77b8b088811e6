/** The coordinator's account management: list, create and change staff and coordinator accounts. */
import type { FastifyInstance } from 'fastify';
import { WS_API, type Role, type UserSummary } from '../../shared/contract/workspaceApi.ts';
import type { ApiContext } from '../api.ts';
import { asObject, cleanText, cleanUsername, unknownKeys } from '../bodies.ts';
import { sendError } from '../errors.ts';
import { writeAudit } from './audit.ts';
import { principal, requireRole } from './guard.ts';
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

/** Registers GET/POST /api/users and PATCH /api/users/:id; `caseloads` counts linked clients per user. */
export function registerUserRoutes(
  app: FastifyInstance,
  ctx: ApiContext,
  caseloads: CaseloadSource = noCaseloads,
): void {
  const coordinator = requireRole(ctx, ['coordinator']);
  const postures = postureIds(ctx.instruments);

  app.get(WS_API.users, { onRequest: coordinator }, async (): Promise<UserSummary[]> => {
    const counts = await caseloads(ctx.db);
    return (await listUsers(ctx.db)).map((u) => toSummary(u, counts));
  });

  app.post(WS_API.users, { onRequest: coordinator, bodyLimit: 4096 }, async (req, reply) => {
    const o = asObject(req.body);
    const name = cleanText(o?.name, 1, 100);
    const username = cleanUsername(o?.username);
    if (
      !o ||
      !name ||
      !username ||
      !isRole(o.role) ||
      unknownKeys(o, ['name', 'username', 'role', 'password']).length
    )
      return sendError(
        reply,
        400,
        'bad_request',
        'body must be {"name" (1-100 characters), "username" (3-64 of A-Z a-z 0-9 . _ @ -), "role": "coordinator"|"staff", "password"}',
      );
    const weak = passwordProblem(o.password);
    if (weak || typeof o.password !== 'string')
      return sendError(reply, 400, 'password_weak', weak ?? '');
    const now = ctx.clock();
    const passwordHash = await hashPassword(o.password);
    const by = principal(req);
    const user = await ctx.db.transaction(async (tx) => {
      const u = await createUser(tx, { name, username, role: o.role as Role, passwordHash }, now);
      if (u)
        await writeAudit(tx, {
          at: now,
          actorId: by.userId,
          actorName: by.name,
          action: 'user_create',
          clientId: null,
          detail: `${u.role} account ${u.id}`,
        });
      return u;
    });
    if (!user) return sendError(reply, 409, 'username_taken', 'this username is taken');
    return reply.code(201).send(toSummary(user, await caseloads(ctx.db)));
  });

  app.patch<{ Params: { id: string } }>(
    WS_API.user,
    { onRequest: coordinator, bodyLimit: 4096 },
    async (req, reply) => {
      const o = asObject(req.body);
      const bad = (message: string) => sendError(reply, 400, 'bad_request', message);
      if (!o) return bad('body must be a JSON object');
      const extra = unknownKeys(o, ['name', 'role', 'postures', 'disabled', 'password']);
      if (extra.length) return bad(`unknown field(s): ${extra.join(', ').slice(0, 100)}`);
      const name = o.name === undefined ? undefined : cleanText(o.name, 1, 100);
      if (name === null) return bad('name must be 1-100 characters');
      if (o.role !== undefined && !isRole(o.role))
        return bad('role must be "coordinator" or "staff"');
      if (o.disabled !== undefined && typeof o.disabled !== 'boolean')
        return bad('disabled must be true or false');
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
            ...(passwordHash !== undefined ? { passwordHash } : {}),
          },
          now,
        );
        // A disabled account or a reset password ends every session of that user at once.
        if (o.disabled === true || passwordHash !== undefined)
          await deleteUserSessions(tx, target.id);
        await writeAudit(tx, {
          at: now,
          actorId: by.userId,
          actorName: by.name,
          action: 'user_update',
          clientId: null,
          detail: `account ${target.id}: ${Object.keys(o)
            .map((k) => (k === 'role' || k === 'disabled' ? `${k}=${String(o[k])}` : k))
            .join(', ')}`,
        });
        return u;
      });
      if (!updated) return sendError(reply, 404, 'not_found', 'no such user');
      return toSummary(updated, await caseloads(ctx.db));
    },
  );
}
