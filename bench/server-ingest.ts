// Server ingest under load: 50 simulated tablets over loopback HTTP, beside the raw batched-insert ceiling of the same DB;
// sessions opened on the event loop and on the worker pool in the same run; one vs two server processes on PostgreSQL.
//
//   [DATABASE_URL=postgres://…] npx tsx bench/server-ingest.ts
import { randomBytes, randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseInstrument } from '../src/shared/core/instrument.ts';
import { scoreAnswers } from '../src/shared/core/scoring.ts';
import type { CompletedRecord } from '../src/shared/core/session.ts';
import type { SealedSession } from '../src/shared/contract/wire.ts';
import { createServer } from '../src/server/app.ts';
import { parseKek } from '../src/server/crypto/kek.ts';
import type { Db } from '../src/server/db.ts';
import { createEnrollCode } from '../src/server/devices.ts';
import { openPostgres } from '../src/server/dbPostgres.ts';
import { ingestThreadsFromEnv, startIngestThreads } from '../src/server/ingestPool.ts';
import type { EnrollResponse, SyncResponse } from '../src/shared/contract/protocol.ts';
import { sealRecord } from '../src/tablet/sync/seal.ts';
import {
  freshDatabase,
  roundRobinProxy,
  spawnInstance,
  type Instance,
} from '../test/instances/cluster.ts';
import { onEachDatabase, percentile } from './databases.ts';

const TABLETS = 50;
const SESSIONS_PER_TABLET = 60;
const BATCH = 20;

const pilot = parseInstrument(
  JSON.parse(
    readFileSync(
      resolve(import.meta.dirname, '../src/shared/instruments/pilot-2019.v1.json'),
      'utf8',
    ),
  ),
);

const FIRST_NAMES = ['Sam', 'Amira', 'Bogdan', 'Chidi', 'Dewi', 'Fatima', 'Kees', 'Olena'];

function record(i: number): CompletedRecord {
  const answers: Record<string, number> = {};
  const answeredAt: Record<string, number> = {};
  pilot.parts
    .flatMap((p) => p.items)
    .forEach((item, j) => {
      answers[item.id] = ((i + j) % 5) + 1;
      answeredAt[item.id] = 1_770_000_000_000 + j * 4000;
    });
  return {
    sessionId: randomUUID(),
    instrumentId: pilot.id,
    instrumentVersion: pilot.version,
    language: 'nl',
    languagesUsed: ['nl'],
    reference: `A-${i}`,
    // A different person per session, as at a real agency: one person sent from 50 tablets at once makes every batch
    // queue for that person's lock (ingestStore.ts), which a real agency never sees.
    details: {
      gender: 'other',
      firstName: FIRST_NAMES[i % FIRST_NAMES.length]!,
      lastName: `Jansen-${i}`,
      dateOfBirth: new Date(Date.UTC(1950, 0, 1) + (i % 18_000) * 86_400_000)
        .toISOString()
        .slice(0, 10),
    },
    answers,
    answeredAt,
    profile: scoreAnswers(pilot, answers),
    startedAt: 1_769_999_000_000,
    consentAt: 1_769_999_100_000,
    completedAt: 1_770_000_300_000,
  };
}

interface Tablet {
  readonly token: string;
  readonly serverKey: EnrollResponse['serverKey'];
}

interface Rate {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
}

/** Seals every tablet's outbox (the tablets' work, before the clock), then sends them all at once; sessions/s. */
async function drive(base: string, tablets: readonly Tablet[]): Promise<Rate> {
  const outboxes: SealedSession[][] = await Promise.all(
    tablets.map((tab, t) =>
      Promise.all(
        Array.from({ length: SESSIONS_PER_TABLET }, (_, i) =>
          sealRecord(record(t * 1000 + i), tab.serverKey),
        ),
      ),
    ),
  );
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    tablets.map(async (tab, t) => {
      const outbox = outboxes[t] ?? [];
      for (let i = 0; i < outbox.length; i += BATCH) {
        const t0 = performance.now();
        const r = await fetch(`${base}/api/sync/sessions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tab.token}` },
          body: JSON.stringify({ sessions: outbox.slice(i, i + BATCH) }),
        });
        const body = (await r.json()) as SyncResponse;
        latencies.push(performance.now() - t0);
        if (r.status !== 200 || body.rejected.length > 0)
          throw new Error(`sync failed: ${r.status} ${JSON.stringify(body).slice(0, 200)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: (tablets.length * SESSIONS_PER_TABLET) / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

async function enrollAll(db: Db, base: string): Promise<Tablet[]> {
  const tablets: Tablet[] = [];
  for (let t = 0; t < TABLETS; t++) {
    const code = await createEnrollCode(db, `Bench ${t}`, Date.now());
    const r = await fetch(`${base}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    tablets.push((await r.json()) as EnrollResponse);
  }
  return tablets;
}

// A throwaway key-encryption key for every server of this run: the bench databases are thrown away too.
const KEK = parseKek(randomBytes(32).toString('base64'), 'bench');

/** One in-process server with `ingestThreads` worker threads (0: on the event loop, as before issue 15). */
async function httpIngest(db: Db, ingestThreads: number): Promise<Rate> {
  const app = await createServer({
    db,
    log: false,
    distDir: '/nonexistent',
    kek: KEK,
    ingestThreads,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  // As main.ts does once it listens: the threads start with the server, not on the first sync.
  await startIngestThreads(ingestThreads);
  try {
    return await drive(base, await enrollAll(db, base));
  } finally {
    await app.close();
  }
}

/**
 * `count` server processes (`node --import tsx src/server/main.ts`, as in production) on one fresh PostgreSQL database
 * behind a round-robin proxy (one instance goes through the proxy too, so both runs pay the same hop).
 */
async function instancesIngest(baseUrl: string, count: number): Promise<Rate> {
  const database = await freshDatabase(baseUrl);
  const instances: Instance[] = [];
  try {
    for (let i = 0; i < count; i++) instances.push(await spawnInstance(database.url));
    await Promise.all(instances.map((i) => i.ready()));
    const proxy = await roundRobinProxy(() => instances.map((i) => i.url));
    const db = await openPostgres(database.url, { max: 2 });
    try {
      return await drive(proxy.url, await enrollAll(db, proxy.url));
    } finally {
      await db.close();
      await proxy.close();
    }
  } finally {
    await Promise.all(instances.map((i) => i.stop()));
    await database.drop();
  }
}

/** The ceiling: the same rows inserted straight into the same table, 100 per statement, one transaction each. */
async function rawInsert(db: Db): Promise<number> {
  const device = (await db.query<{ id: string }>('SELECT id FROM devices LIMIT 1')).rows[0]?.id;
  const rows = Array.from({ length: TABLETS * SESSIONS_PER_TABLET }, (_, i) => record(i));
  const started = performance.now();
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    const params: unknown[] = [];
    const values = chunk.map((r) => {
      const p = [
        r.sessionId,
        device,
        r.instrumentId,
        r.instrumentVersion,
        r.language,
        r.reference,
        JSON.stringify(r.details),
        JSON.stringify(r.answers),
        JSON.stringify(r.answeredAt),
        JSON.stringify(r.profile),
        JSON.stringify(r.profile),
        false,
        randomBytes(32).toString('hex'),
        new Date(r.startedAt).toISOString(),
        new Date(r.completedAt).toISOString(),
        new Date().toISOString(),
      ];
      const n = params.length;
      params.push(...p);
      return `(${p.map((_, k) => `$${n + k + 1}${k >= 6 && k <= 10 ? '::jsonb' : ''}`).join(',')})`;
    });
    await db.transaction((tx) =>
      tx.query(
        `INSERT INTO measurements (session_id, device_id, instrument_id, instrument_version, language, reference,
           details, answers, answered_at, client_profile, server_profile, score_mismatch, body_hash,
           started_at, completed_at, received_at) VALUES ${values.join(',')}`,
        params,
      ),
    );
  }
  return rows.length / ((performance.now() - started) / 1000);
}

const fmtRate = (r: Rate): string =>
  `${r.perSecond.toFixed(0)} sessions/s (request p50 ${r.p50.toFixed(0)} ms, p99 ${r.p99.toFixed(0)} ms)`;

async function benchOne(label: string, db: Db): Promise<string[]> {
  // Interleaved in one run, so the ratios hold however busy the machine is: inline, raw, pool.
  const inline = await httpIngest(db, 0);
  const ceiling = await rawInsert(db);
  const pooled = await httpIngest(db, ingestThreadsFromEnv());
  const ratio = (r: Rate) => `${(r.perSecond / ceiling).toFixed(2)}× raw`;
  return [
    `  ${label}: raw batched INSERT ${ceiling.toFixed(0)} rows/s (the reference)`,
    `  ${label}: on the event loop (INGEST_WORKERS=0) ${fmtRate(inline)}: ${ratio(inline)}`,
    `  ${label}: on ${ingestThreadsFromEnv()} worker threads ${fmtRate(pooled)}: ${ratio(pooled)} (budget ≥ 0.5×)`,
  ];
}

/** One vs two server processes on one PostgreSQL database (budget: two ≥ 1.7× one), on a machine with `cores` cores. */
async function benchInstances(url: string): Promise<string[]> {
  const one = await instancesIngest(url, 1);
  const two = await instancesIngest(url, 2);
  return [
    `  PostgreSQL, one server process: ${fmtRate(one)}`,
    `  PostgreSQL, two server processes behind a round-robin proxy: ${fmtRate(two)}: ${(two.perSecond / one.perSecond).toFixed(2)}× one (budget ≥ 1.7×; this machine has ${availableParallelism()} cores for both, the bench and PostgreSQL)`,
  ];
}

/** Runs the ingest bench on PGlite (temp folder) and, when DATABASE_URL is set, on PostgreSQL; returns the lines. */
export async function benchServerIngest(): Promise<string[]> {
  const url = process.env.DATABASE_URL;
  return [
    `  ${TABLETS * SESSIONS_PER_TABLET} sealed sessions, ${TABLETS} concurrent tablets over loopback HTTP, batches of ${BATCH}`,
    ...(await onEachDatabase('si-bench', benchOne)),
    ...(url ? await benchInstances(url) : []),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  for (const line of await benchServerIngest()) console.log(line);
