// Issue 13 §4: a coordinator can make an older questionnaire version current again. Audited; tablets get it through
// their configuration (a changed ETag), also from an instance that started earlier; sessions on any stored version are
// still accepted (a client who started on another version finishes on it). A new upload must be higher than every
// stored version, not only the current one, and becomes current itself. Runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceConfig } from '../../src/shared/contract/protocol.ts';
import type {
  AuditEntry,
  VersionProblem,
  VersionSummary,
} from '../../src/shared/contract/workspaceApi.ts';
import { DB_KIND, fixture, PILOT, type Fixture } from './helpers.ts';
import {
  asVersion,
  recordOn,
  secondInstance,
  sendRecords,
  storeVersion,
  V2,
  V2_JSON,
  V2_TEXTS,
} from './versionHelpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

let f: Fixture;
let cookie: string;
let other: Fixture['app'];
beforeAll(async () => {
  f = await fixture();
  cookie = (await signedIn(f.app, f.db, 'coordinator', { now: f.clock.now() })).cookie;
  other = await secondInstance(f);
  expect((await storeVersion(f.app, cookie, V2_JSON)).statusCode).toBe(201);
});
afterAll(async () => {
  await other.close();
  await f.close();
});

const makeCurrent = (version: string, app = f.app, c = cookie) =>
  ws(app, 'POST', `/api/instrument-versions/${version}/current`, { cookie: c });
const currentIn = async (app = f.app) =>
  (await ws(app, 'GET', '/api/instrument-versions', { cookie }))
    .json<VersionSummary[]>()
    .filter((v) => v.current)
    .map((v) => v.version);
const config = async (app: Fixture['app']) => {
  const r = await app.inject({
    url: '/api/devices/config',
    headers: { authorization: `Bearer ${f.tablet.token}` },
  });
  return { etag: String(r.headers.etag), body: r.json<DeviceConfig>() };
};

describe(`making an older questionnaire version current again (${DB_KIND})`, () => {
  it('makes version 1 current, audited; tablets of every instance are given it', async () => {
    const before = await config(other);
    expect(before.body.instruments.map((i) => i.version)).toEqual([2]);
    const r = await makeCurrent('1');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({ id: 'pilot-2019', version: 1 });
    expect(await currentIn()).toEqual([1]);
    expect(await currentIn(other)).toEqual([1]);
    for (const app of [f.app, other]) {
      const after = await config(app);
      expect(after.body.instruments.map((i) => i.version)).toEqual([1]);
      expect(after.body.instrumentTexts).toEqual([]);
      expect(after.etag).not.toBe(before.etag);
    }
    const audit = (await ws(f.app, 'GET', '/api/audit?action=instrument_current', { cookie })).json<
      AuditEntry[]
    >();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.detail).toBe(
      'pilot-2019 version 1 made current (was 2); tablets give it to new clients',
    );
    // Already current: nothing changes and nothing more is logged.
    expect((await makeCurrent('1', other)).statusCode).toBe(200);
    const again = (await ws(f.app, 'GET', '/api/audit?action=instrument_current', { cookie })).json<
      AuditEntry[]
    >();
    expect(again).toHaveLength(1);
  });

  it('still accepts sessions on version 2 (a client who started on it finishes on it)', async () => {
    const res = await sendRecords(f, other, recordOn(V2, 1), recordOn(PILOT, 2));
    expect(res.receipts.map((x) => x.status)).toEqual(['stored', 'stored']);
  });

  it('refuses an unknown or malformed version, and staff', async () => {
    const unknown = await makeCurrent('9');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error: 'not_found' });
    for (const bad of ['0', 'abc', '1.5', '-1'])
      expect((await makeCurrent(bad)).statusCode, bad).toBe(400);
    const staff = await signedIn(f.app, f.db, 'staff', { now: f.clock.now() });
    expect((await makeCurrent('2', f.app, staff.cookie)).statusCode).toBe(403);
    expect(await currentIn()).toEqual([1]);
  });

  it('wants a new upload higher than every stored version, and makes it current', async () => {
    const same = await storeVersion(f.app, cookie, asVersion(2));
    expect(same.statusCode).toBe(422);
    expect(same.json<{ problems: VersionProblem[] }>().problems).toContainEqual({
      code: 'version_not_newer',
      where: '2',
      detail: '3',
    });
    const preview = await ws(other, 'POST', '/api/instrument-versions/preview', {
      cookie,
      body: { instrument: asVersion(3), translations: V2_TEXTS },
    });
    expect(preview.json()).toMatchObject({ version: 3, baseVersion: 1 });
    expect((await storeVersion(other, cookie, asVersion(3))).statusCode).toBe(201);
    expect(await currentIn()).toEqual([3]);
    expect((await config(f.app)).body.instruments.map((i) => i.version)).toEqual([3]);
    expect((await makeCurrent('2', other)).statusCode).toBe(200);
    expect((await config(f.app)).body.instruments.map((i) => i.version)).toEqual([2]);
  });
});
