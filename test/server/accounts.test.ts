// Account management, audit listing, device status and revoke, and bad input never causing a 5xx.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { signIn, signedIn, TEST_PASSWORD, ws } from './workspaceHelpers.ts';

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.close());

const report = {
  queued: 3,
  rejected: 1,
  storage: { persisted: true, usageBytes: 1000, quotaBytes: 5000, error: null },
  appVersion: '0.1.0',
  readAloud: { nl: 'voice', ar: 'audio', ti: 'none' },
};

describe(`accounts (${DB_KIND})`, () => {
  it('a disabled user is signed out at once and cannot sign in; the last coordinator stays', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const s = await signedIn(f.app, f.db, 'staff');
    const r = await ws(f.app, 'PATCH', `/api/users/${s.id}`, {
      cookie: c.cookie,
      body: { disabled: true },
    });
    expect(r.json()).toMatchObject({ id: s.id, disabled: true });
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: s.cookie })).statusCode).toBe(401);
    const login = await ws(f.app, 'POST', '/api/auth/login', {
      body: { username: s.username, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const self = await ws(f.app, 'PATCH', `/api/users/${c.id}`, {
      cookie: c.cookie,
      body: { role: 'staff' },
    });
    expect(self.statusCode).toBe(409);
  });

  it('changing the password keeps this session, ends the others, and needs the current one', async () => {
    const u = await signedIn(f.app, f.db, 'staff');
    const other = await signIn(f.app, u);
    const wrong = await ws(f.app, 'POST', '/api/auth/password', {
      cookie: u.cookie,
      body: { current: 'not my password', next: 'a brand new password' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await ws(f.app, 'POST', '/api/auth/password', {
      cookie: u.cookie,
      body: { current: TEST_PASSWORD, next: 'a brand new password' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: u.cookie })).statusCode).toBe(200);
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: other })).statusCode).toBe(401);
    await signIn(f.app, { username: u.username, password: 'a brand new password' });
  });

  it('lists the audit log newest first, filtered, without passwords', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    f.clock.advance(1000);
    await ws(f.app, 'POST', '/api/users', {
      cookie: c.cookie,
      body: { name: 'Piet', username: 'piet', role: 'staff', password: 'secret password 1' },
    });
    const list = (await ws(f.app, 'GET', '/api/audit?limit=10', { cookie: c.cookie })).json<
      { action: string; actorName: string }[]
    >();
    expect(list.map((e) => e.action)).toEqual(['user_create', 'sign_in']);
    expect(JSON.stringify(list)).not.toContain('secret password');
    const bad = await ws(f.app, 'GET', '/api/audit?from=yesterday', { cookie: c.cookie });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a tablet status report in the device list; revoke stops its token', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const sent = await ws(f.app, 'POST', '/api/devices/status', {
      bearer: f.tablet.token,
      body: report,
    });
    expect(sent.statusCode).toBe(204);
    const rows = (await ws(f.app, 'GET', '/api/devices', { cookie: c.cookie })).json<
      { id: string; lastSyncAt: string | null; status: unknown }[]
    >();
    expect(rows[0]).toMatchObject({ id: f.tablet.deviceId, status: { ...report } });
    expect(rows[0]?.lastSyncAt).not.toBeNull();
    const badMode = { ...report, readAloud: { nl: 'loud' } };
    const refused = await ws(f.app, 'POST', '/api/devices/status', {
      bearer: f.tablet.token,
      body: badMode,
    });
    expect(refused.statusCode).toBe(400);
    const revoked = await ws(f.app, 'POST', `/api/devices/${f.tablet.deviceId}/revoke`, {
      cookie: c.cookie,
    });
    expect(revoked.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    const after = await ws(f.app, 'POST', '/api/devices/status', {
      bearer: f.tablet.token,
      body: report,
    });
    expect(after.json()).toMatchObject({ error: 'device_revoked' });
  });

  it('answers 4xx, never 5xx, to arbitrary bodies on every workspace route (fuzz)', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const routes = [
      ['POST', '/api/auth/setup'],
      ['POST', '/api/auth/login'],
      ['POST', '/api/auth/password'],
      ['PUT', '/api/me/postures'],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${c.id}`],
      ['PATCH', '/api/users/not-a-uuid'],
      ['PUT', '/api/languages/en/review'],
      ['POST', '/api/enroll-codes'],
      ['POST', '/api/devices/status'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(fc.json(), fc.string()),
        async ([method, url], body) => {
          const r = await ws(f.app, method, url, {
            cookie: c.cookie,
            bearer: f.tablet.token,
            body,
          });
          expect(r.statusCode).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: c.cookie })).statusCode).toBe(200);
  });
});
