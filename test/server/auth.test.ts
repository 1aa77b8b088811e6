// Accounts and sign-in: first-coordinator setup, login and throttling, idle and absolute expiry, sign-out.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSetupCode } from '../../src/server/auth/setupCode.ts';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS } from '../../src/server/auth/sessions.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import {
  addUser,
  sessionCookieOf,
  signIn,
  signedIn,
  TEST_PASSWORD,
  ws,
} from './workspaceHelpers.ts';

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.close());

const setupBody = (setupCode: string, username = 'coord') => ({
  setupCode,
  name: 'Anna Coördinator',
  username,
  password: 'a long enough password',
});

describe(`first coordinator (${DB_KIND})`, () => {
  it('creates the first coordinator once with the setup code, signed in at once', async () => {
    const code = await createSetupCode(f.db, f.clock.now());
    const r = await ws(f.app, 'POST', '/api/auth/setup', { body: setupBody(code.toLowerCase()) });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      name: 'Anna Coördinator',
      username: 'coord',
      role: 'coordinator',
    });
    const cookie = r.cookies.find((c) => c.name === 'si_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const me = await ws(f.app, 'GET', '/api/auth/me', { cookie: sessionCookieOf(r) });
    expect(me.json()).toMatchObject({ role: 'coordinator', idleTimeoutSeconds: 900 });

    const again = await ws(f.app, 'POST', '/api/auth/setup', { body: setupBody(code, 'other') });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: 'already_set_up' });
    const fresh = await createSetupCode(f.db, f.clock.now());
    const late = await ws(f.app, 'POST', '/api/auth/setup', { body: setupBody(fresh, 'other') });
    expect(late.json()).toMatchObject({ error: 'already_set_up' });
    const stored = await f.db.query('SELECT code_hash FROM setup_codes');
    expect(JSON.stringify(stored.rows)).not.toContain(code.replace(/-/g, ''));
  });

  it('refuses a wrong or superseded code, and a weak password', async () => {
    const old = await createSetupCode(f.db, f.clock.now());
    const code = await createSetupCode(f.db, f.clock.now());
    expect(
      (await ws(f.app, 'POST', '/api/auth/setup', { body: setupBody(old) })).json(),
    ).toMatchObject({
      error: 'code_invalid',
    });
    const weak = await ws(f.app, 'POST', '/api/auth/setup', {
      body: { ...setupBody(code), password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ error: 'password_weak' });
    expect((await ws(f.app, 'POST', '/api/auth/setup', { body: setupBody(code) })).statusCode).toBe(
      201,
    );
  });
});

describe(`sign-in (${DB_KIND})`, () => {
  it('signs in case-insensitively; the same 401 for an unknown user and a wrong password', async () => {
    const u = await addUser(f.db, 'staff', { username: 'Jan.Jansen' });
    const ok = await ws(f.app, 'POST', '/api/auth/login', {
      body: { username: 'jan.jansen', password: TEST_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ userId: u.id, role: 'staff', username: 'Jan.Jansen' });
    const wrong = await ws(f.app, 'POST', '/api/auth/login', {
      body: { username: u.username, password: 'not the password' },
    });
    const unknown = await ws(f.app, 'POST', '/api/auth/login', {
      body: { username: 'nobody', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toBe(unknown.body);
    const stored = await f.db.query<{ token_hash: string }>('SELECT token_hash FROM web_sessions');
    expect(stored.rows).toHaveLength(1);
    expect(sessionCookieOf(ok)).not.toContain(stored.rows[0]!.token_hash);
  });

  it('locks a username after 5 failures with a growing wait, even for the right password', async () => {
    const u = await addUser(f.db, 'staff');
    const attempt = (password: string) =>
      ws(f.app, 'POST', '/api/auth/login', { body: { username: u.username, password } });
    for (let i = 0; i < 5; i++) expect((await attempt('wrong password!')).statusCode).toBe(401);
    const locked = await attempt(TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    const first = locked.json<{ error: string; retryAfterSeconds: number }>();
    expect(first).toMatchObject({ error: 'throttled' });
    expect(first.retryAfterSeconds).toBeGreaterThan(0);
    f.clock.advance(first.retryAfterSeconds * 1000 + 1);
    expect((await attempt('wrong password!')).statusCode).toBe(401);
    const second = (await attempt(TEST_PASSWORD)).json<{ retryAfterSeconds: number }>();
    expect(second.retryAfterSeconds).toBeGreaterThan(first.retryAfterSeconds);
    f.clock.advance(second.retryAfterSeconds * 1000 + 1);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
    // Success clears the count: one new failure does not lock again.
    expect((await attempt('wrong password!')).statusCode).toBe(401);
    expect((await attempt(TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('locks an address after 20 failures over many usernames', async () => {
    const u = await addUser(f.db, 'staff');
    for (let i = 0; i < 20; i++)
      await ws(f.app, 'POST', '/api/auth/login', {
        body: { username: `guess${i}`, password: 'wrong password!' },
      });
    const r = await ws(f.app, 'POST', '/api/auth/login', {
      body: { username: u.username, password: TEST_PASSWORD },
    });
    expect(r.statusCode).toBe(429);
  });

  it('signs out an idle session after 15 minutes; activity keeps it alive up to 12 hours', async () => {
    const u = await signedIn(f.app, f.db, 'staff');
    const me = () => ws(f.app, 'GET', '/api/auth/me', { cookie: u.cookie });
    f.clock.advance(IDLE_TIMEOUT_MS - 1000);
    expect((await me()).statusCode).toBe(200);
    for (let t = 0; t < ABSOLUTE_TIMEOUT_MS - 2 * IDLE_TIMEOUT_MS; t += IDLE_TIMEOUT_MS - 1000) {
      f.clock.advance(IDLE_TIMEOUT_MS - 1000);
      expect((await me()).statusCode).toBe(200);
    }
    f.clock.advance(IDLE_TIMEOUT_MS - 1000);
    const expired = await me();
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toMatchObject({ error: 'signed_out' });

    const v = await signedIn(f.app, f.db, 'staff');
    f.clock.advance(IDLE_TIMEOUT_MS + 1000);
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: v.cookie })).statusCode).toBe(401);
    expect(
      (await f.db.query('SELECT 1 FROM web_sessions WHERE user_id = $1', [v.id])).rows,
    ).toEqual([]);
  });

  it('logout ends this session; logout-everywhere ends every session of the user', async () => {
    const u = await addUser(f.db, 'staff');
    const [a, b, c] = [await signIn(f.app, u), await signIn(f.app, u), await signIn(f.app, u)];
    const out = await ws(f.app, 'POST', '/api/auth/logout', { cookie: a });
    expect(out.statusCode).toBe(204);
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: a })).statusCode).toBe(401);
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: b })).statusCode).toBe(200);
    expect((await ws(f.app, 'POST', '/api/auth/logout-everywhere', { cookie: b })).statusCode).toBe(
      204,
    );
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: c })).statusCode).toBe(401);
  });

  it('requires JSON for mutating requests (CSRF defence), also without a body', async () => {
    const u = await signedIn(f.app, f.db, 'staff');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      const r = await f.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { cookie: u.cookie, ...(type ? { 'content-type': type } : {}) },
        ...(type ? { payload: 'x=1' } : {}),
      });
      expect(r.statusCode).toBe(415);
    }
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: u.cookie })).statusCode).toBe(200);
  });
});
