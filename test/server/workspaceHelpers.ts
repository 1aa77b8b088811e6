// Workspace fixtures shared by the server tests of issue 4: users of each role, signed-in cookies, JSON requests.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/shared/contract/workspaceApi.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { createUser } from '../../src/server/auth/users.ts';
import type { Queryable } from '../../src/server/db.ts';

/** The password every test user gets (long enough for the rules). */
export const TEST_PASSWORD = 'correct horse battery';

/** A user created straight in the database. */
export interface TestUser {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly role: Role;
  readonly password: string;
}

let counter = 0;

/** Creates an active user of `role` (unique username unless given). */
export async function addUser(
  db: Queryable,
  role: Role,
  options: { name?: string; username?: string; password?: string; now?: number } = {},
): Promise<TestUser> {
  counter += 1;
  const username = options.username ?? `${role}${counter}`;
  const name =
    options.name ?? `${role === 'coordinator' ? 'Coördinator' : 'Medewerker'} ${counter}`;
  const password = options.password ?? TEST_PASSWORD;
  const user = await createUser(
    db,
    { name, username, role, passwordHash: await hashPassword(password) },
    options.now ?? Date.now(),
  );
  if (!user) throw new Error(`username ${username} taken`);
  return { id: user.id, name, username, role, password };
}

/** Signs in through the API and returns the `si_session=…` cookie header value. */
export async function signIn(
  app: FastifyInstance,
  user: { username: string; password: string },
): Promise<string> {
  const r = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: user.password },
  });
  if (r.statusCode !== 200) throw new Error(`sign-in failed ${r.statusCode}: ${r.body}`);
  return sessionCookieOf(r);
}

/** The `si_session=<token>` pair from a response's Set-Cookie. */
export function sessionCookieOf(r: LightMyRequestResponse): string {
  const c = r.cookies.find((x) => x.name === 'si_session');
  if (!c) throw new Error('no session cookie set');
  return `si_session=${c.value}`;
}

/** A user of `role` and a signed-in cookie for them. */
export async function signedIn(
  app: FastifyInstance,
  db: Queryable,
  role: Role,
  options: Parameters<typeof addUser>[2] = {},
): Promise<TestUser & { cookie: string }> {
  const user = await addUser(db, role, options);
  return { ...user, cookie: await signIn(app, user) };
}

/** A workspace request as the browser sends it: cookie, and a JSON body ({} when none) for mutating methods. */
export function ws(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  options: { cookie?: string; body?: unknown; bearer?: string } = {},
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (method === 'GET') return app.inject({ method, url, headers });
  headers['content-type'] = 'application/json';
  const body = options.body === undefined ? {} : options.body;
  return app.inject({
    method,
    url,
    headers,
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
