// Bad input at the boundary (issue 11 §1): probes generated from the contract's route table hit every route with
// NUL and lone-surrogate text, out-of-range dates and numbers, malformed ids and bodies; none may answer ≥ 500, and
// every error is {error, message}. Also: framework errors in the same shape, ids compared case-insensitively.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/app.ts';
import { createEnrollCode } from '../../src/server/devices.ts';
import type { Db } from '../../src/server/db.ts';
import type { EnrollResponse } from '../../src/shared/contract/protocol.ts';
import { ROUTES, type RouteSpec } from '../../src/shared/contract/routes.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, makeRecord, testClock, testDb } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

/** Text PostgreSQL cannot store or that is not valid Unicode. */
const BAD_TEXT = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udfff\ud800'];
/** Numbers no field accepts: beyond JavaScript dates, negative, fractional, not numbers. */
const BAD_NUMBERS: unknown[] = [1e300, -1, 8.64e15 + 1, 0.5, 'NaN', null];
/** Query values: NUL and a lone surrogate (percent-encoded), invalid UTF-8, dates out of range, huge. */
const BAD_QUERY = [
  '%00',
  '%ED%A0%80',
  '%C0',
  '%ZZ',
  '9999-12-31',
  '0000-01-01',
  '10000-01-01',
  '2026-02-30',
  '1e400',
  '-1',
  'x'.repeat(5000),
];
/** Path segments: not a UUID, NUL, a surrogate, bad percent-encoding, very long, dots, slash. */
const BAD_PARAMS = ['not-a-uuid', '%00', '%ED%A0%80', '%ZZ', 'a'.repeat(2000), '..', '%2F', '%20'];

let db: Db;
let app: FastifyInstance;
let tablet: EnrollResponse;
let coordinator = '';
/** The probes' own coordinator: the logout probes (last) end its session, not the one the later tests use. */
let prober = '';
let clientId = '';
let measurementId = '';

/** A body each route accepts, to mutate one field at a time (so the probe gets past "field missing"). */
const valid = (): Record<string, unknown> => ({
  'POST /api/devices/enroll': { code: 'NOPE-CODE' },
  'POST /api/sync/sessions': { sessions: [] },
  'POST /api/devices/status': {
    queued: 0,
    rejected: 0,
    storage: { persisted: true, usageBytes: 1, quotaBytes: 2, error: null },
    appVersion: '0.1.0',
    readAloud: { nl: 'voice' },
  },
  'POST /api/auth/setup': {
    setupCode: 'X',
    name: 'X',
    username: 'xxx',
    password: 'long enough pw',
  },
  'POST /api/auth/login': { username: 'nobody', password: 'wrong password' },
  'POST /api/auth/password': { current: 'wrong password', next: 'another long pw' },
  'PUT /api/me/postures': { postures: [] },
  'POST /api/users': {
    name: 'New',
    username: `u${randomUUID().slice(0, 8)}`,
    role: 'staff',
    password: 'long enough pw',
  },
  'PATCH /api/users/:id': { name: 'Renamed', postures: [] },
  'PUT /api/clients/:id/link': { staffId: null },
  'POST /api/clients/:id/judgements': { measurementId, fit: 'partly', note: 'probe' },
  'POST /api/clients/merge': { keepId: randomUUID(), mergeId: randomUUID() },
  'POST /api/erasure/all': { confirm: 'not the name' },
  'PUT /api/retention': { days: 365 },
  'PUT /api/settings': { agencyName: 'Werkplein', consentText: 'Ja' },
  'PUT /api/languages/:code/review': { status: 'draft', note: 'probe' },
  'POST /api/languages/:code/import/preview': { xliff: '<x/>' },
  'POST /api/languages/:code/import': { xliff: '<x/>', baseVersion: 0 },
  'PUT /api/languages/:code/strings/review': { ids: ['kiosk:welcome.title'], status: 'draft' },
  'POST /api/enroll-codes': { name: 'Tablet P' },
});

/** Every variant of `body` with one string or number leaf replaced by a bad value. */
function mutations(body: unknown): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, set: (x: unknown) => unknown) => {
    if (typeof v === 'string') for (const b of BAD_TEXT) out.push(set(b));
    else if (typeof v === 'number') for (const b of BAD_NUMBERS) out.push(set(b));
    else if (Array.isArray(v)) {
      const list: unknown[] = v;
      walk('', (x) => set([...list, x]));
      list.forEach((item, i) =>
        walk(item, (x) => set(list.map((y, j): unknown => (j === i ? x : y)))),
      );
    } else if (typeof v === 'object' && v !== null) {
      for (const b of BAD_TEXT) out.push(set({ ...v, [b]: 'x' }));
      for (const k of Object.keys(v))
        walk((v as Record<string, unknown>)[k], (x) => set({ ...v, [k]: x }));
    }
  };
  walk(body, (x) => x);
  return out;
}

/** Any body at all: not an object, nested past reason, prototype tricks. */
const JUNK_BODIES: string[] = [
  'null',
  '[]',
  '"x"',
  '1',
  '{',
  `{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`,
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
];

function urlOf(key: string, params: Record<string, string> = {}): { method: string; url: string } {
  const [method, template] = key.split(' ') as [string, string];
  const url = template
    .replace(':code', params.code ?? 'en')
    .replace(
      ':id',
      params.id ??
        (template.startsWith('/api/clients/')
          ? clientId
          : template.startsWith('/api/measurements/')
            ? measurementId
            : randomUUID()),
    );
  return { method, url };
}

const results = { probes: 0, fiveHundreds: [] as string[], badShape: [] as string[] };

/** Sends one probe as the caller the route wants and checks the answer. */
async function probe(spec: RouteSpec, method: string, url: string, payload?: string) {
  const headers: Record<string, string> = {};
  if (spec.access === 'device') headers.authorization = `Bearer ${tablet.token}`;
  else if (spec.access !== 'public') headers.cookie = prober;
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const r = await app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload !== undefined ? { payload } : {}),
  });
  results.probes += 1;
  const what = `${method} ${url.slice(0, 80)} ${(payload ?? '').slice(0, 80)} → ${r.statusCode}`;
  if (r.statusCode >= 500) results.fiveHundreds.push(`${what} ${r.body.slice(0, 200)}`);
  if (r.statusCode >= 400) {
    const body = (() => {
      try {
        return JSON.parse(r.body) as Record<string, unknown>;
      } catch {
        return null;
      }
    })();
    if (typeof body?.error !== 'string' || typeof body.message !== 'string')
      results.badShape.push(`${what} ${r.body.slice(0, 100)}`);
  }
  return r;
}

beforeAll(async () => {
  db = await testDb();
  const clock = testClock();
  app = await createServer({ db, log: false, clock: clock.now, distDir: '/nonexistent-dist' });
  const code = await createEnrollCode(db, 'Probe tablet', clock.now());
  tablet = (await ws(app, 'POST', '/api/devices/enroll', { body: { code } })).json();
  coordinator = (await signedIn(app, db, 'coordinator')).cookie;
  prober = (await signedIn(app, db, 'coordinator')).cookie;
  const record = makeRecord();
  await ws(app, 'POST', '/api/sync/sessions', {
    bearer: tablet.token,
    body: { sessions: [await sealRecord(record, tablet.serverKey)] },
  });
  measurementId = record.sessionId;
  const row = await db.query<{ id: string }>(
    'SELECT client_id::text AS id FROM measurements WHERE session_id = $1',
    [measurementId],
  );
  clientId = row.rows[0]?.id ?? '';
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe(`bad input at the boundary (${DB_KIND})`, () => {
  // Destructive routes run last: erasure would empty what the others probe.
  const keys = (Object.keys(ROUTES) as (keyof typeof ROUTES)[]).sort(
    (a, b) => Number(a.includes('logout')) - Number(b.includes('logout')),
  );

  // One test per route, so each stays well inside the timeout on a loaded machine and a failure names its route.
  for (const key of keys)
    it(`${key}: never answers ≥ 500, and every error is {error, message}, for probes generated from its schema`, async () => {
      const before = {
        fiveHundreds: results.fiveHundreds.length,
        badShape: results.badShape.length,
      };
      const spec: RouteSpec = ROUTES[key];
      const base = valid()[key];
      const { method, url } = urlOf(key);
      const hasBody = method !== 'GET' && method !== 'DELETE';
      const send = (u: string, body?: string) =>
        probe(spec, method, u, hasBody ? (body ?? JSON.stringify(base ?? {})) : undefined);
      // Every path parameter.
      for (const name of Object.keys(
        (spec.params as { properties?: object } | undefined)?.properties ?? {},
      ))
        for (const bad of BAD_PARAMS) await send(urlOf(key, { [name]: bad }).url);
      // Every query field, once alone and once repeated.
      for (const name of Object.keys(
        (spec.querystring as { properties?: object } | undefined)?.properties ?? {},
      )) {
        for (const bad of BAD_QUERY) await send(`${url}?${name}=${bad}`);
        await send(`${url}?${name}=a&${name}=b`);
      }
      // Every body field, and bodies that are no object at all.
      if (hasBody) {
        for (const body of mutations(base ?? {})) await send(url, JSON.stringify(body));
        for (const junk of JUNK_BODIES) await send(url, junk);
      }
      expect(results.fiveHundreds.slice(before.fiveHundreds)).toEqual([]);
      expect(results.badShape.slice(before.badShape)).toEqual([]);
    });

  it('sent probes to every route', () => {
    console.log(
      `boundary probes: ${results.probes} sent, ${results.fiveHundreds.length} answered ≥ 500`,
    );
    expect(results.probes).toBeGreaterThan(keys.length * 5);
  });

  it('rejects dates out of range with 400', async () => {
    for (const url of [
      '/api/dashboard?to=9999-12-31',
      '/api/audit?from=0000-01-01',
      '/api/measurements?from=2026-02-30',
      '/api/export/measurements.csv?to=10000-01-01',
    ]) {
      const r = await ws(app, 'GET', url, { cookie: coordinator });
      expect(r.statusCode, url).toBe(400);
      expect(r.json()).toMatchObject({ error: 'bad_request' });
    }
  });

  it('stores no text with NUL or a lone surrogate (422/400 at the boundary)', async () => {
    for (const [url, body] of [
      ['/api/auth/login', { username: 'a\u0000b', password: 'x' }],
      ['/api/settings', { agencyName: 'Werk\ud800plein' }],
      ['/api/settings', { consentText: 'ja\u0000' }],
      ['/api/languages/en/review', { status: 'draft', note: '\udc00' }],
    ] as const) {
      const r = await ws(
        app,
        url.includes('settings') || url.includes('review') ? 'PUT' : 'POST',
        url,
        {
          cookie: coordinator,
          body,
        },
      );
      expect(r.statusCode, url).toBe(400);
    }
    const q = await ws(app, 'GET', '/api/clients?q=%00', { cookie: coordinator });
    expect(q.statusCode).toBe(400);
    const status = await ws(app, 'POST', '/api/devices/status', {
      bearer: tablet.token,
      body: { ...(valid()['POST /api/devices/status'] as object), appVersion: '1\u0000' },
    });
    expect(status.statusCode).toBe(400);
  });

  it('answers errors raised before routing as {error, message}', async () => {
    for (const url of ['/api/clients/%ZZ', '/api/%', `/api/clients/${'a'.repeat(500)}`]) {
      const r = await app.inject({ method: 'GET', url, headers: { cookie: coordinator } });
      expect(r.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(r.statusCode, url).toBeLessThan(500);
      expect(Object.keys(r.json()).sort(), url).toEqual(['error', 'message']);
    }
  });

  it('answers a path over the HTTP size limit as {error, message}', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: `/api/clients/${'a'.repeat(70_000)}` },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(Object.keys(JSON.parse(answer.body) as object).sort()).toEqual(['error', 'message']);
  });

  it('revokes a device named by an upper-case id', async () => {
    const code = await createEnrollCode(db, 'Upper', Date.parse('2026-03-02T09:00:00Z'));
    const other: EnrollResponse = (
      await ws(app, 'POST', '/api/devices/enroll', { body: { code } })
    ).json();
    const r = await ws(app, 'POST', `/api/devices/${other.deviceId.toUpperCase()}/revoke`, {
      cookie: coordinator,
    });
    expect(r.statusCode).toBe(200);
    expect(r.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    const config = await ws(app, 'GET', '/api/devices/config', { bearer: other.token });
    expect(config.json()).toMatchObject({ error: 'device_revoked' });
  });
});
