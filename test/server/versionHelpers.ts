// Shared by the server tests of questionnaire versions (issue 13 §4): the v2 fixture and sessions answered on a version.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseInstrument, type Instrument } from '../../src/shared/core/instrument.ts';
import { scoreAnswers } from '../../src/shared/core/scoring.ts';
import type { SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { createServer } from '../../src/server/app.ts';
import { makeRecord, type Fixture } from './helpers.ts';
import { ws } from './workspaceHelpers.ts';

const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8'));

/** The v2 fixture: A1 reworded, A11 added, scale leraar (item B6) dropped. */
export const V2_JSON = readFixture('pilot-2019.v2.json') as Record<string, unknown>;
/** Its translations per client language. */
export const V2_TEXTS = readFixture('pilot-2019.v2.translations.json') as Record<
  string,
  Record<string, string>
>;
/** V2 parsed. */
export const V2 = parseInstrument(V2_JSON);

/** The v2 fixture renumbered (a later revision with the same items). */
export const asVersion = (version: number): Record<string, unknown> => ({ ...V2_JSON, version });

/** Stores an instrument JSON as a new version through the coordinator's route. */
export const storeVersion = (
  app: FastifyInstance,
  cookie: string,
  instrument: unknown,
  translations: object = V2_TEXTS,
) => ws(app, 'POST', '/api/instrument-versions', { cookie, body: { instrument, translations } });

/** A completed record on `instrument` with every item answered. */
export const recordOn = (instrument: Instrument, seed = 1, reference = 'AFSPRAAK-123') => {
  const answers: Record<string, number> = {};
  instrument.parts
    .flatMap((p) => p.items)
    .forEach((item, i) => (answers[item.id] = ((i + seed) % 5) + 1));
  return makeRecord({
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    reference,
    answers,
    answeredAt: Object.fromEntries(Object.keys(answers).map((id) => [id, 1_770_000_000_000])),
    profile: scoreAnswers(instrument, answers),
  });
};

/** Sends records from the fixture's tablet to `app`. */
export const sendRecords = async (
  f: Fixture,
  app: FastifyInstance,
  ...records: ReturnType<typeof makeRecord>[]
) => {
  const sessions = await Promise.all(records.map((r) => sealRecord(r, f.tablet.serverKey)));
  const r = await app.inject({
    method: 'POST',
    url: '/api/sync/sessions',
    headers: { authorization: `Bearer ${f.tablet.token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ sessions }),
  });
  return r.json<SyncResponse>();
};

/** Another server instance on the fixture's database, with its own registry read at its start (as a second process). */
export const secondInstance = (f: Fixture): Promise<FastifyInstance> =>
  createServer({ db: f.db, log: false, clock: f.clock.now, distDir: '/none' });
