// GET /api/quality: answer codes written at ingest and filled for older rows, the agency's minimum N, aggregates only.
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fillAnswerCodes } from '../../src/server/quality/answerCodes.ts';
import { loadInstruments } from '../../src/server/instruments.ts';
import type { DeviceConfig, SyncResponse } from '../../src/shared/contract/protocol.ts';
import { answerCodes } from '../../src/shared/core/answerCodes.ts';
import type { QualityReport } from '../../src/shared/core/itemQuality/report.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, PILOT, makeRecord, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';
import { coordinatorFixture } from './coordinatorFixture.ts';

let f: Fixture;
let cookie: string;
coordinatorFixture(
  (w) => {
    ({ f, cookie } = w);
  },
  { cleanup: 'TRUNCATE measurements, tombstones, clients, dashboard_rollup CASCADE' },
);
beforeEach(async () => {
  await ws(f.app, 'PUT', '/api/settings', { cookie, body: { qualityMinN: 30 } });
});

const items = PILOT.parts.flatMap((p) => p.items);

/** Answers that vary between people and hang together within a scale. */
function answersOf(i: number): Record<string, number> {
  return Object.fromEntries(
    items.map((item, k) => [
      item.id,
      1 + ((i + (k % 3 === 0 ? 1 : 0) + (item.scale.length % 2)) % 5),
    ]),
  );
}

/** Stores measurements the way bulk loaders do: plain SQL, no answer codes. */
async function bulkInsert(n: number, language: string, from = 0): Promise<void> {
  const rows = Array.from({ length: n }, (_, i) => ({
    session_id: randomUUID(),
    language,
    answers: answersOf(from + i),
  }));
  await f.db.query(
    `INSERT INTO measurements (session_id, device_id, instrument_id, instrument_version, language, reference, details,
       answers, answered_at, client_profile, server_profile, score_mismatch, body_hash, started_at, completed_at,
       received_at, languages_used)
     SELECT x.session_id, $2::uuid, 'pilot-2019', 1, x.language, NULL, '{"firstName":"Fatima"}', x.answers, '{}',
       '{}', '{}', false, 'h', now(), now(), now(), jsonb_build_array(x.language)
     FROM jsonb_to_recordset($1::jsonb) AS x(session_id uuid, language text, answers jsonb)`,
    [JSON.stringify(rows), f.tablet.deviceId],
  );
}

const getReport = async () => {
  const r = await ws(f.app, 'GET', '/api/quality', { cookie });
  expect(r.statusCode).toBe(200);
  return r.json<QualityReport>();
};

describe(`questionnaire quality (${DB_KIND})`, () => {
  it('stores the answer codes at ingest', async () => {
    const key = (
      await f.app.inject({
        url: '/api/devices/config',
        headers: { authorization: `Bearer ${f.tablet.token}` },
      })
    ).json<DeviceConfig>().serverKey;
    const record = makeRecord({
      answers: { ...answersOf(3), C11: undefined as unknown as number },
    });
    delete (record.answers as Record<string, number>).C11;
    const body = (await f.sync({ sessions: [await sealRecord(record, key)] })).json as SyncResponse;
    expect(body.receipts[0]?.status).toBe('stored');
    const row = await f.db.query<{ answer_codes: string }>('SELECT answer_codes FROM measurements');
    expect(row.rows[0]?.answer_codes).toBe(answerCodes(PILOT, record.answers));
    expect(row.rows[0]?.answer_codes.endsWith('.')).toBe(true);
  });

  it('reads rows without codes from their answers, and fills them at start the same way', async () => {
    await bulkInsert(40, 'nl');
    await bulkInsert(35, 'ar', 7);
    const before = await getReport();
    expect(before.total).toBe(75);
    expect(before.languages).toEqual([
      { language: 'nl', n: 40 },
      { language: 'ar', n: 35 },
    ]);
    expect(await fillAnswerCodes(f.db, loadInstruments())).toBe(75);
    const codes = await f.db.query<{ answer_codes: string; answers: Record<string, number> }>(
      'SELECT answer_codes, answers FROM measurements',
    );
    for (const r of codes.rows) expect(r.answer_codes).toBe(answerCodes(PILOT, r.answers));
    expect(await getReport()).toEqual(before);
  });

  it("withholds figures below the agency's minimum N and shows them at or above it", async () => {
    await bulkInsert(12, 'nl');
    const withheld = await getReport();
    expect(withheld.minN).toBe(30);
    const scale = withheld.scales.find((s) => s.scale === 'weerstand')!;
    expect(scale.groups[0]).toMatchObject({ language: null, n: 12, shown: false, alpha: null });
    expect(withheld.items[0]!.groups[0]).toMatchObject({ n: 12, shown: false, distribution: null });

    const put = await ws(f.app, 'PUT', '/api/settings', { cookie, body: { qualityMinN: 10 } });
    expect(put.statusCode).toBe(200);
    const shown = await getReport();
    expect(shown.minN).toBe(10);
    expect(shown.scales.find((s) => s.scale === 'weerstand')!.groups[0]).toMatchObject({
      n: 12,
      shown: true,
    });
    expect(shown.items[0]!.groups[0]!.distribution).toHaveLength(5);
  });

  it('refuses a minimum N out of bounds', async () => {
    for (const qualityMinN of [5, 1.5, 200_000]) {
      const r = await ws(f.app, 'PUT', '/api/settings', { cookie, body: { qualityMinN } });
      expect(r.statusCode).toBe(400);
      expect(r.json<{ error: string }>().error).toBe('invalid_setting');
    }
    const text = await ws(f.app, 'PUT', '/api/settings', { cookie, body: { qualityMinN: 'x' } });
    expect(text.statusCode).toBe(400);
  });

  it('answers with aggregates only: no ids, names or answer codes', async () => {
    await bulkInsert(31, 'nl');
    const r = await ws(f.app, 'GET', '/api/quality', { cookie });
    const ids = await f.db.query<{ id: string }>('SELECT session_id::text AS id FROM measurements');
    expect(r.body).not.toContain('Fatima');
    for (const { id } of ids.rows) expect(r.body).not.toContain(id);
    expect(r.body).not.toMatch(/[1-5.]{27}/);
  });

  it('is for coordinators only', async () => {
    const staff = await signedIn(f.app, f.db, 'staff', { now: f.clock.now() });
    expect((await ws(f.app, 'GET', '/api/quality', { cookie: staff.cookie })).statusCode).toBe(403);
  });
});
