// A password a coordinator set (new account or reset) must be replaced before that session can do anything else;
// the server enforces it, and the length rule is one constant the workspace's hint also uses.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '../../src/shared/core/passwordRules.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { signIn, signedIn, TEST_PASSWORD, ws } from './workspaceHelpers.ts';
import nl from '../../locales/nl/workspace.json' with { type: 'json' };
import en from '../../locales/en/workspace.json' with { type: 'json' };

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.close());

const FIRST = 'wachtwoord van de coördinator';
const OWN = 'mijn eigen lange wachtzin';

describe(`password set by a coordinator (${DB_KIND})`, () => {
  it('a new account signs in, may only change its password, and then works', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const created = await ws(f.app, 'POST', '/api/users', {
      cookie: c.cookie,
      body: { name: 'Piet', username: 'piet', role: 'staff', password: FIRST },
    });
    expect(created.statusCode).toBe(201);
    const login = await ws(f.app, 'POST', '/api/auth/login', {
      body: { username: 'piet', password: FIRST },
    });
    expect(login.json()).toMatchObject({ mustChangePassword: true });
    const cookie = await signIn(f.app, { username: 'piet', password: FIRST });
    const me = await ws(f.app, 'GET', '/api/auth/me', { cookie });
    expect(me.json()).toMatchObject({ mustChangePassword: true });
    for (const [method, url, body] of [
      ['GET', '/api/clients', undefined],
      ['PUT', '/api/me/postures', { postures: [] }],
    ] as const) {
      const r = await ws(f.app, method, url, { cookie, body });
      expect(r.statusCode, url).toBe(403);
      expect(r.json()).toMatchObject({ error: 'password_change_required' });
    }
    const same = await ws(f.app, 'POST', '/api/auth/password', {
      cookie,
      body: { current: FIRST, next: FIRST },
    });
    expect(same.json()).toMatchObject({ error: 'password_same' });
    const changed = await ws(f.app, 'POST', '/api/auth/password', {
      cookie,
      body: { current: FIRST, next: OWN },
    });
    expect(changed.statusCode).toBe(204);
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie })).json()).toMatchObject({
      mustChangePassword: false,
    });
    expect((await ws(f.app, 'GET', '/api/clients', { cookie })).statusCode).toBe(200);
  });

  it('a reset by a coordinator asks again; a coordinator is not asked after changing their own', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const s = await signedIn(f.app, f.db, 'staff');
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: s.cookie })).json()).toMatchObject({
      mustChangePassword: false,
    });
    const reset = await ws(f.app, 'PATCH', `/api/users/${s.id}`, {
      cookie: c.cookie,
      body: { password: FIRST },
    });
    expect(reset.statusCode).toBe(200);
    const cookie = await signIn(f.app, { username: s.username, password: FIRST });
    const refused = await ws(f.app, 'GET', '/api/clients', { cookie });
    expect(refused.json()).toMatchObject({ error: 'password_change_required' });
    // A coordinator-role account made by another coordinator is held the same way, on coordinator routes too.
    const c2 = await ws(f.app, 'POST', '/api/users', {
      cookie: c.cookie,
      body: { name: 'Cor', username: 'cor2', role: 'coordinator', password: FIRST },
    });
    expect(c2.statusCode).toBe(201);
    const c2cookie = await signIn(f.app, { username: 'cor2', password: FIRST });
    expect((await ws(f.app, 'GET', '/api/users', { cookie: c2cookie })).statusCode).toBe(403);
    // The coordinator's own change of their own password never sets the flag.
    const own = await ws(f.app, 'POST', '/api/auth/password', {
      cookie: c.cookie,
      body: { current: TEST_PASSWORD, next: OWN },
    });
    expect(own.statusCode).toBe(204);
    expect((await ws(f.app, 'GET', '/api/users', { cookie: c.cookie })).statusCode).toBe(200);
  });

  it('the server refuses one character under the shared minimum, and the hint names that minimum', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const short = 'x'.repeat(MIN_PASSWORD_LENGTH - 1);
    const r = await ws(f.app, 'POST', '/api/users', {
      cookie: c.cookie,
      body: { name: 'Kort', username: 'kort', role: 'staff', password: short },
    });
    expect(r.json()).toMatchObject({ error: 'password_weak' });
    const ok = await ws(f.app, 'POST', '/api/users', {
      cookie: c.cookie,
      body: { name: 'Lang', username: 'lang', role: 'staff', password: `${short}y` },
    });
    expect(ok.statusCode).toBe(201);
    expect(nl.setup.password_hint).toContain('{{min}}');
    expect(en.setup.password_hint).toContain('{{min}}');
    expect(`${nl.setup.password_hint}${en.setup.password_hint}`).not.toMatch(/\d/);
  });
});
