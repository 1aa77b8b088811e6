// Issue 13 §4, a new version of the questionnaire on the server: a revised instrument and its translations are
// checked (schema, unique ids, scales, every text of every enabled language) with every problem listed and nothing
// stored on error, shown as a diff, stored as the next version (audited) and given to tablets; sessions of both
// versions are accepted and scored, also by an instance that started before the version was loaded; the export and
// the dashboard handle mixed versions. Runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/shared/core/scoring.ts';
import type { DeviceConfig } from '../../src/shared/contract/protocol.ts';
import type { QualityReport } from '../../src/shared/core/itemQuality/report.ts';
import type {
  AuditEntry,
  Dashboard,
  VersionPreview,
  VersionProblem,
  VersionSummary,
} from '../../src/shared/contract/workspaceApi.ts';
import { parseCsv } from './csv.ts';
import { DB_KIND, fixture, makeRecord, PILOT, type Fixture } from './helpers.ts';
import {
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
beforeAll(async () => {
  f = await fixture();
  cookie = (await signedIn(f.app, f.db, 'coordinator', { now: f.clock.now() })).cookie;
});
afterAll(() => f.close());

const preview = (instrument: unknown, translations: object = V2_TEXTS) =>
  ws(f.app, 'POST', '/api/instrument-versions/preview', {
    cookie,
    body: { instrument, translations },
  });
const store = (instrument: unknown, translations: object = V2_TEXTS) =>
  storeVersion(f.app, cookie, instrument, translations);
const versions = async () =>
  (await ws(f.app, 'GET', '/api/instrument-versions', { cookie })).json<VersionSummary[]>();
const stored = async () =>
  (await f.db.query<{ n: number }>('SELECT count(*)::int AS n FROM instrument_versions')).rows[0]
    ?.n;
const problemsOf = (r: { statusCode: number; json: <T>() => T }) => {
  expect(r.statusCode).toBe(422);
  return r.json<{ error: string; problems: VersionProblem[] }>().problems;
};

const send = (app: typeof f.app, ...records: ReturnType<typeof makeRecord>[]) =>
  sendRecords(f, app, ...records);

describe(`a new questionnaire version (${DB_KIND})`, () => {
  it('lists every problem of a broken upload and stores nothing', async () => {
    const parts = V2_JSON.parts as { id: string; items: { id: string; scale: string }[] }[];
    const broken = {
      ...V2_JSON,
      parts: parts.map((p, n) =>
        n === 0
          ? {
              ...p,
              items: [
                ...p.items,
                { ...p.items[1], id: 'A2' },
                { id: 'A12', scale: 'geen_schaal', text: 'Een zin.' },
              ],
            }
          : p,
      ),
    };
    const dup = problemsOf(await preview(broken));
    expect(dup).toEqual(
      expect.arrayContaining([
        { code: 'duplicate_item', where: 'A2' },
        { code: 'unknown_scale', where: 'A12', detail: 'geen_schaal' },
      ]),
    );

    const { en, ...withoutEnglish } = V2_TEXTS;
    const polishShort = Object.fromEntries(
      Object.entries(V2_TEXTS.pl ?? {}).filter(([k]) => k !== 'items.A11'),
    );
    const texts = problemsOf(
      await preview(V2_JSON, {
        ...withoutEnglish,
        pl: { ...polishShort, 'items.A2': '  ' },
        tr: { ...V2_TEXTS.tr, 'parts.B.intro': 'Ne bekliyorsunuz?', 'items.Z9': 'fazla' },
      }),
    );
    expect(en).toBeDefined();
    expect(texts).toEqual(
      expect.arrayContaining([
        { code: 'missing_language', where: 'en' },
        { code: 'missing_text', where: 'pl: items.A11' },
        { code: 'empty_text', where: 'pl: items.A2' },
        { code: 'placeholder', where: 'tr: parts.B.intro', detail: '{{agency}}' },
        { code: 'unknown_text', where: 'tr: items.Z9' },
      ]),
    );
    expect(texts).toHaveLength(5);

    expect(problemsOf(await preview({ ...V2_JSON, answerScale: 'vijf' }))[0]?.code).toBe('schema');
    expect(problemsOf(await preview({ ...V2_JSON, version: 1 }))).toEqual([
      { code: 'version_not_newer', where: '1', detail: '2' },
    ]);
    expect(problemsOf(await store({ ...V2_JSON, id: 'ander' }))[0]?.code).toBe('other_instrument');
    expect(await stored()).toBe(0);
  });

  it('shows the diff against the current version: one item changed, one added, a scale and its item dropped', async () => {
    const r = await preview(V2_JSON);
    expect(r.statusCode).toBe(200);
    const p = r.json<VersionPreview>();
    expect(p).toMatchObject({ id: 'pilot-2019', version: 2, baseVersion: 1 });
    expect(p.items.changed.map((c) => c.id)).toEqual(['A1']);
    expect(p.items.changed[0]?.after?.text).toBe(
      'Ik vind het goed om me aan de regels van de uitkering te houden.',
    );
    expect(p.items.added.map((c) => c.id)).toEqual(['A11']);
    expect(p.items.removed.map((c) => c.id)).toEqual(['B6']);
    expect(p.scales.removed.map((s) => s.id)).toEqual(['leraar']);
    expect(p.scales.added).toEqual([]);
    expect(p.shared).not.toContain('leraar');
    expect(p.shared).toContain('verbondenheid');
    expect(p.languages).toEqual(['ar', 'en', 'fa', 'pl', 'ti', 'tr', 'uk']);
    expect(await stored()).toBe(0);
  });

  it('stores it as the next version, audited, and tablets get it with its translations', async () => {
    const v1Session = await send(f.app, recordOn(PILOT));
    expect(v1Session.receipts[0]?.status).toBe('stored');
    const r = await store(V2_JSON);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toEqual({ id: 'pilot-2019', version: 2 });
    expect((await store(V2_JSON)).statusCode).toBe(422); // version 2 exists now: not newer

    const list = await versions();
    expect(list.map((v) => [v.version, v.current, v.origin, v.measurements])).toEqual([
      [2, true, 'upload', 0],
      [1, false, 'file', 1],
    ]);

    const audit = await ws(f.app, 'GET', '/api/audit?action=instrument_version', { cookie });
    const entries = audit.json<AuditEntry[]>();
    expect(entries[0]?.detail).toMatch(/pilot-2019 version 2 loaded \(was 1\): items \+1 −1 ~1/);

    const config = await f.app.inject({
      url: '/api/devices/config',
      headers: { authorization: `Bearer ${f.tablet.token}` },
    });
    const c = config.json<DeviceConfig>();
    expect(c.instruments.map((i) => i.version)).toEqual([2]);
    expect(c.instrumentTexts?.[0]?.version).toBe(2);
    expect(c.instrumentTexts?.[0]?.texts.en?.['items.A11']).toBe(
      'I keep the agreements I make with the benefits agency.',
    );
  });

  it('accepts and scores sessions of both versions, also on an instance started before the version was loaded', async () => {
    // The second instance has its own registry, read at its start: version 2 was stored through the first one.
    const other = await secondInstance(f);
    try {
      const before = await secondInstance(f);
      const v2 = recordOn(V2, 2);
      const res = await send(before, v2, recordOn(PILOT, 3));
      expect(res.rejected).toEqual([]);
      expect(res.receipts.map((x) => x.status)).toEqual(['stored', 'stored']);
      await before.close();
      const row = await f.db.query<{ server_profile: Profile; score_mismatch: boolean }>(
        'SELECT server_profile, score_mismatch FROM measurements WHERE session_id = $1',
        [v2.sessionId],
      );
      const profile = row.rows[0]?.server_profile;
      expect(row.rows[0]?.score_mismatch).toBe(false);
      expect(profile?.instrumentVersion).toBe(2);
      expect(profile?.roles.map((r) => r.scale)).toEqual(['begeleider', 'politieagent']);
      expect((await send(other, recordOn(V2, 4))).receipts[0]?.status).toBe('stored');
    } finally {
      await other.close();
    }
  });

  it('exports mixed versions with a version per row and a codebook over the items of every version', async () => {
    const csv = parseCsv((await ws(f.app, 'GET', '/api/export/measurements.csv', { cookie })).body);
    const [head, ...rows] = csv;
    const col = (name: string) => head?.indexOf(name) ?? -1;
    expect(col('instrument_version')).toBeGreaterThan(-1);
    expect(col('item_A11')).toBeGreaterThan(-1);
    expect(col('item_B6')).toBeGreaterThan(-1);
    expect(col('score_leraar')).toBeGreaterThan(-1);
    const byVersion = (v: string) => rows.filter((r) => r[col('instrument_version')] === v);
    expect(byVersion('1')).toHaveLength(2);
    expect(byVersion('2')).toHaveLength(2);
    for (const r of byVersion('2')) {
      expect(r[col('item_B6')]).toBe('');
      expect(r[col('score_leraar')]).toBe('');
      expect(r[col('item_A11')]).not.toBe('');
    }
    for (const r of byVersion('1')) expect(r[col('item_A11')]).toBe('');

    const book = parseCsv((await ws(f.app, 'GET', '/api/export/codebook.csv', { cookie })).body);
    const line = (name: string) => book.find((l) => l[0] === name) ?? [];
    expect(line('item_A1')[1]).toMatch(/version 1: Het is goed.*\| version 2: Ik vind het goed/);
    expect(line('item_A11')[3]).toMatch(/only in questionnaire version 2/);
    expect(line('item_B6')[3]).toMatch(/only in questionnaire version 1/);
    expect(line('score_leraar')[3]).toMatch(/only in questionnaire version 1/);
    expect(line('score_verbondenheid')[3]).not.toMatch(/only in/);
  });

  it('compares scores on the dashboard only on the scales both versions share, and says which it left out', async () => {
    const d = (await ws(f.app, 'GET', '/api/dashboard', { cookie })).json<Dashboard>();
    expect(d.n).toBe(4);
    expect(d.versions).toEqual([
      { id: 'pilot-2019', version: 1 },
      { id: 'pilot-2019', version: 2 },
    ]);
    expect(d.scalesLeftOut).toEqual(['leraar']);
    expect(d.topRoleCounts.map((r) => r.scale)).not.toContain('leraar');
    expect(d.averageProfile.map((r) => r.scale)).toContain('verbondenheid');
  });

  it('gives item statistics per version: the current one by default, an older one on request', async () => {
    const current = (await ws(f.app, 'GET', '/api/quality', { cookie })).json<QualityReport>();
    expect(current.instrumentVersion).toBe(2);
    expect(current.total).toBe(2);
    const older = (
      await ws(f.app, 'GET', '/api/quality?version=1', { cookie })
    ).json<QualityReport>();
    expect(older.instrumentVersion).toBe(1);
    expect(older.total).toBe(2);
    expect((await ws(f.app, 'GET', '/api/quality?version=9', { cookie })).statusCode).toBe(404);
    const list = await versions();
    expect(list.map((v) => v.measurements)).toEqual([2, 2]);
    expect(list[0]?.definition.scales.map((s) => s.id)).not.toContain('leraar');
  });
});
