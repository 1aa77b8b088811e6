// Headers, cookies and audit (issue 11 §8): HSTS and Secure over HTTPS, Permissions-Policy and COOP everywhere,
// cookie requests from another origin refused on every route (reads too), refused views and searches audited.
import Fastify from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setSessionCookie } from '../../src/server/auth/cookie.ts';
import { registerSecurityHeaders } from '../../src/server/headers.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
}, 180_000);
afterAll(() => f.close());

/** A bare app trusting a proxy, so X-Forwarded-Proto stands in for a TLS socket (deploy's TRUST_PROXY does this). */
async function behindProxy() {
  const app = Fastify({ trustProxy: true });
  registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  app.get('/in', async (req, reply) => {
    setSessionCookie(req, reply, 'x'.repeat(40));
    return { ok: true };
  });
  return app;
}

describe('security headers and the cookie over HTTP and HTTPS', () => {
  it('sends HSTS and a Secure cookie only when the original request was HTTPS', async () => {
    const app = await behindProxy();
    const plain = await app.inject({ method: 'GET', url: '/in' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.cookies[0]?.secure).toBeFalsy();
    const tls = await app.inject({
      method: 'GET',
      url: '/in',
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(tls.headers['strict-transport-security']).toMatch(/^max-age=31536000/);
    expect(tls.cookies[0]?.secure).toBe(true);
    await app.close();
  });

  it('sends Permissions-Policy and Cross-Origin-Opener-Policy on answers and errors', async () => {
    for (const url of ['/api/auth/me', '/api/nothing-here']) {
      const r = await f.app.inject({ method: 'GET', url });
      expect(r.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(r.headers['permissions-policy']).toContain('camera=()');
      expect(r.headers['permissions-policy']).toContain('geolocation=()');
      expect(r.headers['strict-transport-security']).toBeUndefined();
    }
  });
});

describe(`cookie requests from another origin (${DB_KIND})`, () => {
  const exportUrl = '/api/export/measurements.csv';
  const exports = async () =>
    (
      await f.db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'export%'",
      )
    ).rows[0]?.n;

  it('refuses a same-site page on another port fetching the export, and audits no export', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const before = await exports();
    const sameSite = await f.app.inject({
      method: 'GET',
      url: exportUrl,
      headers: { cookie: c.cookie, 'sec-fetch-site': 'same-site', host: 'intake.test:8080' },
    });
    expect(sameSite.statusCode).toBe(403);
    expect(sameSite.json()).toMatchObject({ error: 'cross_origin' });
    const oldBrowser = await f.app.inject({
      method: 'GET',
      url: exportUrl,
      headers: { cookie: c.cookie, origin: 'http://intake.test:9999', host: 'intake.test:8080' },
    });
    expect(oldBrowser.statusCode).toBe(403);
    expect(await exports()).toBe(before);
    const own = await f.app.inject({
      method: 'GET',
      url: exportUrl,
      headers: { cookie: c.cookie, 'sec-fetch-site': 'same-origin', host: 'intake.test:8080' },
    });
    expect(own.statusCode).toBe(200);
    const sameOriginHeader = await f.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: c.cookie, origin: 'http://intake.test:8080', host: 'intake.test:8080' },
    });
    expect(sameOriginHeader.statusCode).toBe(200);
  });

  it('refuses cross-site writes too, and leaves requests without the cookie alone', async () => {
    const c = await signedIn(f.app, f.db, 'coordinator');
    const write = await f.app.inject({
      method: 'POST',
      url: '/api/auth/logout-everywhere',
      headers: {
        cookie: c.cookie,
        'content-type': 'application/json',
        'sec-fetch-site': 'cross-site',
      },
      payload: '{}',
    });
    expect(write.statusCode).toBe(403);
    expect((await ws(f.app, 'GET', '/api/auth/me', { cookie: c.cookie })).statusCode).toBe(200);
    const noCookie = await f.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(noCookie.statusCode).toBe(401);
  });
});

describe(`refused requests are audited (${DB_KIND})`, () => {
  const refusals = async () =>
    (
      await f.db.query<{ actor_id: string; client_id: string | null; detail: string }>(
        "SELECT actor_id::text, client_id::text, detail FROM audit_log WHERE action = 'refused' ORDER BY id",
      )
    ).rows.filter((r) => r.actor_id === who);
  let who = '';

  it("audits a staff member's refused profile view, coordinator route and someone else's client list", async () => {
    const staff = await signedIn(f.app, f.db, 'staff');
    const other = await signedIn(f.app, f.db, 'staff');
    who = staff.id;
    const clientId = '3f1c7a52-0d7e-4c55-9a39-1f2e3d4c5b6a';
    expect(
      (await ws(f.app, 'GET', `/api/clients/${clientId}`, { cookie: staff.cookie })).statusCode,
    ).toBe(403);
    expect(
      (await ws(f.app, 'GET', '/api/export/measurements.json', { cookie: staff.cookie }))
        .statusCode,
    ).toBe(403);
    const search = await ws(f.app, 'GET', `/api/clients?q=Vries&staffId=${other.id}`, {
      cookie: staff.cookie,
    });
    expect(search.statusCode).toBe(403);
    const rows = await refusals();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.actor_id === staff.id)).toBe(true);
    expect(rows[0]).toMatchObject({ client_id: clientId, detail: 'GET /api/clients/:id' });
    expect(rows[1]?.detail).toBe('GET /api/export/measurements.json');
    expect(rows[2]?.detail).toBe('GET /api/clients');
    expect(rows.some((r) => r.detail.includes('Vries'))).toBe(false);
  });
});
