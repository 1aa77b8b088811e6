// The research export: CSV header in codebook order, one row per measurement with the item values and the scale
// scores of src/shared/core/scoring.ts, the JSON export with the same data, erased clients absent, formula cells neutralised.
import { describe, expect, it } from 'vitest';
import { scoreAnswers } from '../../src/shared/core/scoring.ts';
import type { AuditEntry } from '../../src/shared/contract/workspaceApi.ts';
import type { ExportedMeasurement } from '../../src/server/clients/export.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, makeRecord, PILOT, type Fixture } from './helpers.ts';
import { ws } from './workspaceHelpers.ts';
import { parseCsv } from './csv.ts';
import { coordinatorFixture } from './coordinatorFixture.ts';

let f: Fixture;
let coord: string;
coordinatorFixture((w) => {
  ({ f, cookie: coord } = w);
});

const items = PILOT.parts.flatMap((p) => p.items);
const answersFor = (seed: number) => {
  const a: Record<string, number> = {};
  items.forEach((item, i) => {
    if ((i + seed) % 7 !== 0) a[item.id] = ((i * seed + 3) % 5) + 1;
  });
  return a;
};

describe(`export (${DB_KIND})`, () => {
  it('CSV and JSON hold one row per measurement with items and scores; erased clients and formulas are not there', async () => {
    // A tablet whose name a spreadsheet would run as a formula.
    const evil = await f.enroll('=HYPERLINK("http://x","klik")');
    const records = [1, 2, 3, 4].map((seed) => {
      const answers = answersFor(seed);
      return makeRecord({
        answers,
        profile: scoreAnswers(PILOT, answers),
        reference: `E-${seed}`,
        details: {
          firstName: `Naam${seed}`,
          lastName: 'Export',
          dateOfBirth: '1990-02-02',
          gender: 'female',
        },
        completedAt: Date.parse('2026-02-01T10:00:00Z') + seed * 3_600_000,
      });
    });
    const [r1, r2, r3, r4] = records as [
      (typeof records)[0],
      (typeof records)[0],
      (typeof records)[0],
      (typeof records)[0],
    ];
    const sent = await Promise.all([
      f.sync({
        sessions: [
          await sealRecord(r1, f.tablet.serverKey),
          await sealRecord(r2, f.tablet.serverKey),
        ],
      }),
      f.sync(
        { sessions: [await sealRecord(r3, evil.serverKey), await sealRecord(r4, evil.serverKey)] },
        evil.token,
      ),
    ]);
    for (const s of sent) expect((s.json as SyncResponse).rejected).toEqual([]);
    // Erase the client of r4.
    const erased = (
      await f.db.query<{ id: string }>(
        'SELECT client_id::text AS id FROM measurements WHERE session_id = $1::uuid',
        [r4.sessionId],
      )
    ).rows[0]!.id;
    expect(
      (await ws(f.app, 'DELETE', `/api/clients/${erased}`, { cookie: coord })).statusCode,
    ).toBe(204);
    const kept = [r1, r2, r3];

    // A staff judgement with the client's own view, and a later one that replaces it in the export.
    const clientOf = async (sessionId: string) =>
      (
        await f.db.query<{ id: string }>(
          'SELECT client_id::text AS id FROM measurements WHERE session_id = $1::uuid',
          [sessionId],
        )
      ).rows[0]!.id;
    const judge = async (sessionId: string, body: Record<string, unknown>) =>
      expect(
        (
          await ws(f.app, 'POST', `/api/clients/${await clientOf(sessionId)}/judgements`, {
            cookie: coord,
            body: { measurementId: sessionId, note: 'Naam1 zei iets', ...body },
          })
        ).statusCode,
      ).toBe(201);
    await judge(r1.sessionId, { fit: 'no', clientFit: null, observedPosture: 'omzeiling' });
    f.clock.advance(60_000);
    await judge(r1.sessionId, { fit: 'partly', clientFit: 'yes', observedPosture: 'weerstand' });

    const codebook = parseCsv(
      (await ws(f.app, 'GET', '/api/export/codebook.csv', { cookie: coord })).body,
    );
    expect(codebook[0]).toEqual(['column', 'meaning', 'type', 'values', 'value_labels']);
    const csvResponse = await ws(f.app, 'GET', '/api/export/measurements.csv', { cookie: coord });
    expect(csvResponse.statusCode).toBe(200);
    expect(csvResponse.headers['content-type']).toContain('text/csv');
    const [header, ...rows] = parseCsv(csvResponse.body);
    expect(header).toEqual(codebook.slice(1).map((line) => line[0]));
    expect(rows).toHaveLength(kept.length);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('measurement_id')]).sort()).toEqual(
      kept.map((r) => r.sessionId).sort(),
    );

    const json = (await ws(f.app, 'GET', '/api/export/measurements.json', { cookie: coord })).json<
      ExportedMeasurement[]
    >();

    // JSON equals CSV: same rows in the same order, same columns, same values (the CSV's text of each JSON value,
    // empty for null, with the formula guard the CSV adds).
    expect(json).toHaveLength(rows.length);
    json.forEach((m, i) => {
      expect(Object.keys(m)).toEqual(header);
      expect(rows[i]).toEqual(
        Object.values(m).map((v) =>
          v === null ? '' : typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : String(v),
        ),
      );
    });

    for (const record of kept) {
      const row = rows.find((r) => r[col('measurement_id')] === record.sessionId)!;
      const profile = scoreAnswers(PILOT, record.answers);
      for (const item of items) {
        const value = record.answers[item.id];
        expect(row[col(`item_${item.id}`)], item.id).toBe(value === undefined ? '' : String(value));
      }
      const scores: [string, number | null][] = [
        ...profile.postures.map((p) => [p.scale, p.percent] as [string, number | null]),
        ...profile.roles.map((r) => [r.scale, r.value] as [string, number | null]),
        ...(profile.desirability
          ? [[profile.desirability.scale, profile.desirability.mean] as [string, number | null]]
          : []),
      ];
      expect(scores.length).toBe(PILOT.scales.length);
      for (const [scale, score] of scores) {
        const cell = row[col(`score_${scale}`)]!;
        expect(cell, scale).toBe(score === null ? '' : String(Math.round(score * 100) / 100));
        // Two decimals at most.
        expect(cell, scale).toMatch(/^(\d+(\.\d{1,2})?)?$/);
      }
      expect(row[col('dominant')]).toBe(profile.dominant.join(';'));
      for (const p of profile.postures)
        expect(row[col(`dominant_${p.scale}`)]).toBe(
          p.percent === null ? '' : profile.dominant.includes(p.scale) ? '1' : '0',
        );
      expect(row[col('completed_at')]).toBe(new Date(record.completedAt).toISOString());
      expect(row[col('languages_used')]).toBe('nl');
      expect(row[col('language_switched')]).toBe('0');
      // Born 1990-02-02, answered in February 2026: 35. Gender as asked.
      expect(row[col('age_band')]).toBe('35-44');
      expect(row[col('gender')]).toBe('female');
    }
    // The latest judgement of r1: staff said partly, the client said yes; the others have none.
    const judged = rows.find((r) => r[col('measurement_id')] === r1.sessionId)!;
    expect(judged[col('judgement_fit')]).toBe('partly');
    expect(judged[col('judgement_client_fit')]).toBe('yes');
    expect(judged[col('judgement_observed_posture')]).toBe('weerstand');
    const unjudged = rows.find((r) => r[col('measurement_id')] === r2.sessionId)!;
    expect(unjudged[col('judgement_fit')]).toBe('');
    // Minimised: no names, birth dates, references or notes; no column that could hold them.
    for (const name of header!) expect(name).not.toMatch(/(first|last)_?name|birth|reference|note/);
    expect(header).toContain('device_name');

    // No names, references or the erased client anywhere; the formula is neutralised with a leading quote.
    for (const text of [csvResponse.body, JSON.stringify(json)]) {
      expect(text).not.toContain(erased);
      expect(text).not.toContain(r4.sessionId);
      expect(text).not.toMatch(/Naam\d|Export|E-\d|1990-02-02|zei iets/);
    }
    const evilRow = rows.find((r) => r[col('measurement_id')] === r3.sessionId)!;
    expect(evilRow[col('device_name')]).toBe(`'=HYPERLINK("http://x","klik")`);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@]/);

    // Exports are audited.
    const audit = (await ws(f.app, 'GET', '/api/audit', { cookie: coord })).json<AuditEntry[]>();
    expect(
      audit
        .filter((e) => e.action === 'export')
        .map((e) => e.detail.split(':')[0])
        .sort(),
    ).toEqual(['csv', 'json']);
  });
});
