// Server test fixtures: a database (in-memory PGlite, or a fresh schema on DATABASE_URL), a server, an enrolled tablet.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { parseInstrument, type Instrument } from '../../src/shared/core/instrument.ts';
import { scoreAnswers } from '../../src/shared/core/scoring.ts';
import type { CompletedRecord } from '../../src/shared/core/session.ts';
import { createServer } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db.ts';
import { parseKek } from '../../src/server/crypto/kek.ts';
import { openPostgres } from '../../src/server/dbPostgres.ts';
import { createEnrollCode } from '../../src/server/devices.ts';
import type { EnrollResponse } from '../../src/shared/contract/protocol.ts';
import { schemaOnSharedPglite } from './sharedPglite.ts';

// Server tests hash passwords at a low scrypt cost; the OWASP cost (128 MiB, ~0.3 s a hash) is for real servers.
process.env.PASSWORD_HASH_COST ??= 'low';
// The operator's key-encryption key, as a real server gets it (random per test run).
process.env.KEY_ENCRYPTION_KEY ??= randomBytes(32).toString('base64');

/** The key-encryption key the test servers use. */
export const TEST_KEK = parseKek(process.env.KEY_ENCRYPTION_KEY, 'KEY_ENCRYPTION_KEY');

/** The pilot instrument, as the server loads it. */
export const PILOT: Instrument = parseInstrument(
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../../src/shared/instruments/pilot-2019.v1.json'),
      'utf8',
    ),
  ),
);

/** Which database the server tests run on. */
export const DB_KIND = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/**
 * A fresh, empty database: a new schema (dropped on close) in this worker's in-memory PGlite, or in the PostgreSQL
 * at DATABASE_URL when set.
 */
export async function testDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) return schemaOnSharedPglite();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const db = await openPostgres(url, { schema, max: 20 });
  return {
    ...db,
    close: async () => {
      await db.exec(`DROP SCHEMA "${schema}" CASCADE`);
      await db.close();
    },
  };
}

/** A test clock that only moves when told. */
export function testClock(start = Date.parse('2026-03-02T09:00:00Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** A completed record on the pilot instrument with every item answered (value 1..5 cycling) and a correct profile. */
export function makeRecord(overrides: Partial<CompletedRecord> = {}): CompletedRecord {
  const answers: Record<string, number> = {};
  const answeredAt: Record<string, number> = {};
  PILOT.parts
    .flatMap((p) => p.items)
    .forEach((item, i) => {
      answers[item.id] = (i % 5) + 1;
      answeredAt[item.id] = 1_770_000_000_000 + i * 1000;
    });
  const base = {
    sessionId: randomUUID(),
    instrumentId: PILOT.id,
    instrumentVersion: PILOT.version,
    language: 'nl',
    languagesUsed: ['nl'],
    reference: 'AFSPRAAK-123',
    details: {
      gender: 'female',
      firstName: 'Fatima',
      lastName: 'de Vries',
      dateOfBirth: '1980-04-01',
    },
    answers,
    answeredAt,
    startedAt: 1_770_000_000_000 - 60_000,
    consentAt: 1_770_000_000_000 - 30_000,
    completedAt: 1_770_000_100_000,
    ...overrides,
  };
  return { profile: scoreAnswers(PILOT, base.answers), ...base, ...overrides };
}

/** A server on a test database with one enrolled tablet. */
export interface Fixture {
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly clock: ReturnType<typeof testClock>;
  readonly tablet: EnrollResponse;
  /** Enrolls another tablet. */
  enroll(name?: string): Promise<EnrollResponse>;
  /** POSTs a JSON body to the sync endpoint with the tablet's token (or the given one). */
  sync(body: unknown, token?: string): Promise<{ status: number; json: unknown }>;
  /** Row counts of the tables bad input must never change. */
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

/** Builds the fixture; `distDir` points at a folder that may not exist (no static files). */
export async function fixture(options: { distDir?: string } = {}): Promise<Fixture> {
  const db = await testDb();
  const clock = testClock();
  const app = await createServer({
    db,
    log: false,
    clock: clock.now,
    distDir: options.distDir ?? '/nonexistent-dist',
  });
  const enroll = async (name = 'Tablet 1'): Promise<EnrollResponse> => {
    const code = await createEnrollCode(db, name, clock.now());
    const r = await app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code } });
    if (r.statusCode !== 200) throw new Error(`enroll failed: ${r.body}`);
    return r.json<EnrollResponse>();
  };
  const tablet = await enroll();
  return {
    db,
    app,
    clock,
    tablet,
    enroll,
    async sync(body, token = tablet.token) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/sync/sessions',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: r.statusCode, json: r.body ? (JSON.parse(r.body) as unknown) : null };
    },
    async counts() {
      const out: Record<string, number> = {};
      for (const t of ['measurements', 'devices', 'tombstones', 'enroll_codes', 'server_keys'])
        out[t] =
          (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0]?.n ?? -1;
      return out;
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}
