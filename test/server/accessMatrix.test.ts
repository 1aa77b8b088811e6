// Every /api route × role: the test fails when a registered route is missing from the table below.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/app.ts';
import { createEnrollCode } from '../../src/server/devices.ts';
import type { FastifyInstance } from 'fastify';
import type { EnrollResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, makeRecord, testClock, testDb } from './helpers.ts';
import { signIn, signedIn, TEST_PASSWORD, ws, type TestUser } from './workspaceHelpers.ts';
import type { Db } from '../../src/server/db.ts';

type Cls = '2xx' | '4xx' | '401' | '403';
type Who = 'anonymous' | 'device' | 'staffLinked' | 'staffNotLinked' | 'coordinator';
const WHO: readonly Who[] = ['anonymous', 'device', 'staffLinked', 'staffNotLinked', 'coordinator'];

/** Route key "METHOD path" → expected class per column; a body that passes validation where one is needed. */
type Row = { cells: [Cls, Cls, Cls, Cls, Cls]; body?: unknown; query?: string };
const MATRIX: Record<string, Row> = {
  'GET /api/health': { cells: ['2xx', '2xx', '2xx', '2xx', '2xx'] },
  // The generated API reference describes routes, not data.
  'GET /api/openapi.json': { cells: ['2xx', '2xx', '2xx', '2xx', '2xx'] },
  // A kiosk asset like the audio packs: anyone may ask, limited by text length and a rendering budget.
  'GET /api/speech': { cells: ['2xx', '2xx', '2xx', '2xx', '2xx'], query: 'lng=nl&text=Matrix' },
  // Read-aloud of a workspace screen: any signed-in person, nobody else (a sentence can hold a client's figures).
  'GET /api/speech/sentence': {
    cells: ['401', '401', '2xx', '2xx', '2xx'],
    query: 'lng=nl&text=Uw%20uitkomst.',
  },
  // An unknown code is 401 code_invalid for everyone: enrollment needs no session.
  'POST /api/devices/enroll': {
    cells: ['401', '401', '401', '401', '401'],
    body: { code: 'NOPE' },
  },
  'GET /api/devices/config': { cells: ['401', '2xx', '401', '401', '401'] },
  'POST /api/sync/sessions': { cells: ['401', '4xx', '401', '401', '401'], body: { sessions: [] } },
  'POST /api/devices/status': {
    cells: ['401', '2xx', '401', '401', '401'],
    body: {
      queued: 0,
      rejected: 0,
      storage: { persisted: true, usageBytes: 1, quotaBytes: 2, error: null },
      appVersion: '0.1.0',
    },
  },
  'POST /api/auth/setup': {
    cells: ['4xx', '4xx', '4xx', '4xx', '4xx'],
    body: { setupCode: 'X', name: 'X', username: 'xxx', password: 'long enough pw' },
  },
  // Wrong credentials are 401 login_failed for everyone.
  'POST /api/auth/login': {
    cells: ['401', '401', '401', '401', '401'],
    body: { username: 'nobody', password: 'wrong password' },
  },
  'POST /api/auth/logout': { cells: ['401', '401', '2xx', '2xx', '2xx'] },
  'POST /api/auth/logout-everywhere': { cells: ['401', '401', '2xx', '2xx', '2xx'] },
  'GET /api/auth/me': { cells: ['401', '401', '2xx', '2xx', '2xx'] },
  'POST /api/auth/password': {
    cells: ['401', '401', '4xx', '4xx', '4xx'],
    body: { current: TEST_PASSWORD, next: 'short' },
  },
  'PUT /api/me/postures': { cells: ['401', '401', '2xx', '2xx', '2xx'], body: { postures: [] } },
  'GET /api/users': { cells: ['401', '401', '403', '403', '2xx'] },
  'POST /api/users': {
    cells: ['401', '401', '403', '403', '2xx'],
    body: () => ({
      name: 'New',
      username: `u${randomUUID().slice(0, 8)}`,
      role: 'staff',
      password: 'long enough pw',
    }),
  },
  'PATCH /api/users/:id': { cells: ['401', '401', '403', '403', '2xx'], body: { name: 'Renamed' } },
  'GET /api/audit': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/audit.csv': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/settings': { cells: ['401', '401', '403', '403', '2xx'] },
  'PUT /api/settings': { cells: ['401', '401', '403', '403', '2xx'], body: {} },
  'GET /api/languages': { cells: ['401', '401', '403', '403', '2xx'] },
  'PUT /api/languages/:code/review': {
    cells: ['401', '401', '403', '403', '2xx'],
    body: { status: 'checked', note: 'ok' },
  },
  // Questionnaire versions: an empty upload is refused (422) for the coordinator; the list is theirs.
  'GET /api/instrument-versions': { cells: ['401', '401', '403', '403', '2xx'] },
  'POST /api/instrument-versions/preview': {
    cells: ['401', '401', '403', '403', '4xx'],
    body: { instrument: {}, translations: {} },
  },
  'POST /api/instrument-versions': {
    cells: ['401', '401', '403', '403', '4xx'],
    body: { instrument: {}, translations: {} },
  },
  // `:version` stays literal here: not a version number, so 400 for the coordinator.
  'POST /api/instrument-versions/:version/current': { cells: ['401', '401', '403', '403', '4xx'] },
  // Recordings: this server has no built packs, so a language's texts are 404 for the coordinator.
  'GET /api/recordings': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/recordings/:lng': { cells: ['401', '401', '403', '403', '4xx'] },
  'PUT /api/recordings/:lng/:key': {
    cells: ['401', '401', '403', '403', '4xx'],
    body: { mime: 'audio/webm', audio: 'GkXfow==' },
  },
  'GET /api/recordings/:lng/:key': { cells: ['401', '401', '403', '403', '4xx'] },
  'DELETE /api/recordings/:lng/:key': { cells: ['401', '401', '403', '403', '4xx'] },
  'DELETE /api/recordings/:lng': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/languages/:code/xliff': { cells: ['401', '401', '403', '403', '2xx'] },
  // Not XLIFF: 422 for the coordinator.
  'POST /api/languages/:code/import/preview': {
    cells: ['401', '401', '403', '403', '4xx'],
    body: { xliff: '<x/>' },
  },
  'POST /api/languages/:code/import': {
    cells: ['401', '401', '403', '403', '4xx'],
    body: { xliff: '<x/>', baseVersion: 0 },
  },
  'GET /api/languages/:code/strings': { cells: ['401', '401', '403', '403', '2xx'] },
  'PUT /api/languages/:code/strings/review': {
    cells: ['401', '401', '403', '403', '2xx'],
    body: { ids: ['kiosk:welcome.title'], status: 'reviewed' },
  },
  'GET /api/devices': { cells: ['401', '401', '403', '403', '2xx'] },
  'POST /api/devices/:id/revoke': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/server-keys': { cells: ['401', '401', '403', '403', '2xx'] },
  // The :id is not a server key: 404 for the coordinator.
  'POST /api/server-keys/:id/destroy': { cells: ['401', '401', '403', '403', '4xx'] },
  'POST /api/enroll-codes': {
    cells: ['401', '401', '403', '403', '2xx'],
    body: { name: 'Tablet 9' },
  },
  // Clients: :id is a client linked to staffLinked; destructive rows use an unknown id (coordinator 404).
  'GET /api/clients': { cells: ['401', '401', '2xx', '2xx', '2xx'] },
  'GET /api/clients/:id': { cells: ['401', '401', '2xx', '403', '2xx'] },
  'GET /api/summary-facts': { cells: ['401', '401', '2xx', '2xx', '2xx'] },
  'DELETE /api/clients/:id': { cells: ['401', '401', '403', '403', '4xx'] },
  'PUT /api/clients/:id/link': {
    cells: ['401', '401', '403', '403', '2xx'],
    body: () => ({ staffId: users.staffLinked?.id }),
  },
  'POST /api/clients/:id/link-random': { cells: ['401', '401', '403', '403', '4xx'] },
  'GET /api/clients/:id/suggestions': { cells: ['401', '401', '403', '403', '2xx'] },
  'POST /api/clients/:id/judgements': {
    cells: ['401', '401', '2xx', '403', '2xx'],
    body: () => ({ measurementId, fit: 'partly', note: 'matrix' }),
  },
  'POST /api/clients/merge': {
    cells: ['401', '401', '403', '403', '4xx'],
    body: () => ({ keepId: randomUUID(), mergeId: randomUUID() }),
  },
  'GET /api/measurements': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/measurements/:id/answers': { cells: ['401', '401', '403', '403', '2xx'] },
  // The client's only measurement: 409 for the coordinator.
  'POST /api/measurements/:id/split': { cells: ['401', '401', '403', '403', '4xx'] },
  'GET /api/dashboard': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/quality': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/export/measurements.csv': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/export/measurements.json': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/export/codebook.csv': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/export/measurements.sps': { cells: ['401', '401', '403', '403', '2xx'] },
  'GET /api/export/measurements.R': { cells: ['401', '401', '403', '403', '2xx'] },
  'POST /api/erasure/all': { cells: ['401', '401', '403', '403', '4xx'], body: { confirm: 'no' } },
  'GET /api/retention': { cells: ['401', '401', '403', '403', '2xx'] },
  'PUT /api/retention': { cells: ['401', '401', '403', '403', '2xx'], body: { days: null } },
};

const UNKNOWN_ID_ROWS = ['DELETE /api/clients/:id', 'POST /api/clients/:id/link-random'];
let clientId = '';
let measurementId = '';

let db: Db;
let app: FastifyInstance;
const routes: string[] = [];
let tablet: EnrollResponse;
let spare: EnrollResponse;
const cookies: Partial<Record<Who, string>> = {};
const users: Partial<Record<Who, TestUser>> = {};
let userId = '';
const speechCacheDir = mkdtempSync(join(tmpdir(), 'si-matrix-speech-'));

beforeAll(async () => {
  db = await testDb();
  const clock = testClock();
  app = await createServer({
    db,
    log: false,
    clock: clock.now,
    distDir: '/nonexistent-dist',
    speechCacheDir,
    onRoute: (r) => {
      if (!r.url.startsWith('/api/')) return;
      for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
    },
  });
  const enroll = async (name: string) => {
    const code = await createEnrollCode(db, name, clock.now());
    return (
      await ws(app, 'POST', '/api/devices/enroll', { body: { code } })
    ).json<EnrollResponse>();
  };
  tablet = await enroll('Tablet A');
  spare = await enroll('Tablet B');
  for (const [who, role] of [
    ['staffLinked', 'staff'],
    ['staffNotLinked', 'staff'],
    ['coordinator', 'coordinator'],
  ] as const) {
    const u = await signedIn(app, db, role);
    users[who] = u;
    cookies[who] = u.cookie;
  }
  userId = (await signedIn(app, db, 'staff')).id;
  const record = makeRecord();
  const sync = await ws(app, 'POST', '/api/sync/sessions', {
    bearer: tablet.token,
    body: { sessions: [await sealRecord(record, tablet.serverKey)] },
  });
  expect(sync.statusCode).toBe(200);
  measurementId = record.sessionId;
  const row = await db.query<{ id: string }>(
    'SELECT client_id::text AS id FROM measurements WHERE session_id = $1',
    [measurementId],
  );
  clientId = row.rows[0]?.id ?? '';
  const link = await ws(app, 'PUT', `/api/clients/${clientId}/link`, {
    cookie: cookies.coordinator ?? '',
    body: { staffId: users.staffLinked?.id },
  });
  expect(link.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(speechCacheDir, { recursive: true, force: true });
});

const classOf = (status: number): Cls =>
  status >= 200 && status < 300 ? '2xx' : status === 401 ? '401' : status === 403 ? '403' : '4xx';

describe(`access matrix (${DB_KIND})`, () => {
  it('lists every registered /api route', () => {
    const missing = routes.filter((r) => !(r in MATRIX));
    expect(missing, 'add these routes to MATRIX in test/server/accessMatrix.test.ts').toEqual([]);
    expect(Object.keys(MATRIX).filter((k) => !routes.includes(k))).toEqual([]);
  });

  // Session-ending routes last, so the cookies stay valid for the others.
  const last = (k: string) => (k.endsWith('/logout') ? 2 : k.includes('logout') ? 1 : 0);
  const keys = Object.keys(MATRIX).sort((a, b) => last(a) - last(b));
  for (const key of keys) {
    it(key, async () => {
      const [method, path] = key.split(' ') as [string, string];
      const entry = MATRIX[key]!;
      // Sign-out rows end sessions: each starts from fresh ones.
      if (key.includes('logout'))
        for (const who of WHO) {
          const u = users[who];
          if (u) cookies[who] = await signIn(app, u);
        }
      const url = path
        .replace(':code', 'en')
        .replace(':lng', 'ti')
        .replace(':key', 'kiosk:welcome.title')
        .replace('/api/users/:id', `/api/users/${userId}`)
        .replace(
          '/api/clients/:id',
          `/api/clients/${UNKNOWN_ID_ROWS.includes(key) ? randomUUID() : clientId}`,
        )
        .replace('/api/measurements/:id', `/api/measurements/${measurementId}`)
        .replace(':id', spare.deviceId)
        .concat(entry.query ? `?${entry.query}` : '');
      const got: Cls[] = [];
      for (const who of WHO) {
        const body =
          typeof entry.body === 'function' ? (entry.body as () => unknown)() : entry.body;
        const r = await ws(app, method as 'GET', url, {
          ...(cookies[who] ? { cookie: cookies[who] } : {}),
          ...(who === 'device' ? { bearer: tablet.token } : {}),
          ...(body !== undefined ? { body } : {}),
        });
        expect(r.statusCode, `${who} → ${r.body}`).toBeLessThan(500);
        got.push(classOf(r.statusCode));
      }
      expect(got).toEqual(entry.cells);
    });
  }
});
