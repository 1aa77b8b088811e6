// Growth bench (issue 15) on PostgreSQL: the same kind of data at 10k, 100k and 1M measurements (generated set-based),
// every list, search, page and one sync batch timed through the server (app.inject, median of 7 after 2 warm-ups,
// the sizes in turn run by run, each size its own database),
// each printed with its growth factor per 10×. Ingest is printed as a ratio to a raw batched INSERT of the same rows
// in the same run. `--ci` runs 10k and 100k only and exits 1 when a growth factor (exports excepted) is above 3.
//
//   DATABASE_URL=postgres://… npx tsx bench/growth.ts [--ci] [--sizes 10000,100000,1000000] [--keep]
//
// `--keep` keeps each size's database (si_growth_keep_<size>, beside DATABASE_URL's) and reuses it on the next run
// with --keep: a 1M database takes about ten minutes to generate and can then be timed again after every change
// (migrations run on it at start, as on any database). Drop them with `dropdb si_growth_keep_<size>`.
import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../src/server/app.ts';
import type { Db } from '../src/server/db.ts';
import { openPostgres } from '../src/server/dbPostgres.ts';
import { createEnrollCode } from '../src/server/devices.ts';
import type { EnrollResponse, SyncResponse } from '../src/shared/contract/protocol.ts';
import type { CompletedRecord } from '../src/shared/core/session.ts';
import { sealRecord } from '../src/tablet/sync/seal.ts';
import { makeRecord } from '../test/server/helpers.ts';
import { addUser, signIn, type TestUser } from '../test/server/workspaceHelpers.ts';
import { freshDatabase } from '../test/instances/cluster.ts';
import { parseKek } from '../src/server/crypto/kek.ts';
import pg from 'pg';
import { growTo } from './growthData.ts';
import { growthPer10x, NOISE_FLOOR_MS } from './growthFactor.ts';

/** Most a figure may grow per 10× more data before CI fails. */
export const MAX_GROWTH = 3;
const TABLETS = 20;
const STAFF = 20;
const RUNS = 7;
const WARMUPS = 2;

interface Figure {
  readonly name: string;
  /** Exports grow with the data they export; they are printed but never fail the growth check. */
  readonly exempt?: boolean;
  readonly run: () => Promise<void>;
}

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export interface World {
  readonly db: Db;
  readonly app: FastifyInstance;
  readonly tablets: EnrollResponse[];
  readonly staffIds: string[];
  readonly coordinator: string;
  readonly staff: string;
}

/** What a kept database remembers of its world (KEK, tablets with their tokens, accounts with their passwords). */
interface KeptWorld {
  readonly kek: string;
  readonly tablets: EnrollResponse[];
  readonly coordinator: TestUser;
  readonly staff: TestUser[];
}

/** The world of a kept database, or null when it has none yet (generation did not finish). */
export async function reopen(db: Db): Promise<World | null> {
  const kept = await db
    .query<{ data: KeptWorld }>('SELECT data FROM growth_bench_world')
    .catch(() => null);
  const k = kept?.rows[0]?.data;
  if (!k) return null;
  const app = await createServer({
    db,
    log: false,
    distDir: '/nonexistent',
    kek: parseKek(k.kek, 'growth_bench_world'),
  });
  return {
    db,
    app,
    tablets: k.tablets,
    staffIds: k.staff.map((s) => s.id),
    coordinator: await signIn(app, k.coordinator),
    staff: await signIn(app, k.staff[0]!),
  };
}

async function setUp(db: Db): Promise<World & { kept: KeptWorld }> {
  const kekText = randomBytes(32).toString('base64');
  const app = await createServer({
    db,
    log: false,
    distDir: '/nonexistent',
    kek: parseKek(kekText, 'growth bench'),
  });
  const tablets: EnrollResponse[] = [];
  for (let t = 0; t < TABLETS; t++) {
    const code = await createEnrollCode(db, `Tablet ${t + 1}`, Date.now());
    const r = await app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code } });
    tablets.push(r.json<EnrollResponse>());
  }
  const coordinatorUser = await addUser(db, 'coordinator', { username: 'growth-coordinator' });
  const staffUsers: TestUser[] = [];
  for (let s = 0; s < STAFF; s++)
    staffUsers.push(await addUser(db, 'staff', { username: `growth-staff-${s + 1}` }));
  return {
    kept: { kek: kekText, tablets, coordinator: coordinatorUser, staff: staffUsers },
    db,
    app,
    tablets,
    staffIds: staffUsers.map((s) => s.id),
    coordinator: await signIn(app, coordinatorUser),
    staff: await signIn(app, staffUsers[0]!),
  };
}

async function get(w: World, url: string, cookie: string): Promise<string> {
  const r = await w.app.inject({ method: 'GET', url, headers: { cookie } });
  if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  return r.body;
}

/** 20 sessions as one tablet sends them: half follow-ups of existing clients (by name and birth date), half new. */
async function sealedBatch(w: World, size: number): Promise<unknown[]> {
  const known = await w.db.query<{ first_name: string; last_name: string; date_of_birth: string }>(
    `SELECT first_name, last_name, date_of_birth FROM clients ORDER BY latest_at DESC NULLS LAST LIMIT $1`,
    [size / 2],
  );
  const records: CompletedRecord[] = Array.from({ length: size }, (_, i) => {
    const k = known.rows[i];
    return makeRecord({
      sessionId: randomUUID(),
      reference: i % 4 === 0 ? `B-${randomBytes(4).toString('hex')}` : null,
      completedAt: Date.now() - 60_000,
      startedAt: Date.now() - 600_000,
      consentAt: Date.now() - 590_000,
      details:
        i % 2 === 0 && k
          ? { firstName: k.first_name, lastName: k.last_name, dateOfBirth: k.date_of_birth }
          : {
              firstName: 'Nieuw',
              lastName: `Persoon-${randomBytes(3).toString('hex')}`,
              dateOfBirth: '1991-02-03',
            },
    });
  });
  const tablet = w.tablets[0]!;
  return Promise.all(records.map((r) => sealRecord(r, tablet.serverKey)));
}

async function sync(w: World, sessions: unknown[]): Promise<void> {
  const tablet = w.tablets[0]!;
  const r = await w.app.inject({
    method: 'POST',
    url: '/api/sync/sessions',
    headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'application/json' },
    payload: { sessions },
  });
  const body = r.json<SyncResponse>();
  if (
    r.statusCode !== 200 ||
    body.rejected.length > 0 ||
    body.receipts.some((x) => x.status !== 'stored')
  )
    throw new Error(`sync: ${r.statusCode} ${r.body.slice(0, 200)}`);
}

/** Sessions/s of 10 sequential sync batches of 20, and rows/s of a raw batched INSERT of equal rows (100 a statement). */
async function ingestRatio(w: World): Promise<{ http: number; raw: number }> {
  const batches = await Promise.all(Array.from({ length: 10 }, () => sealedBatch(w, 20)));
  const t0 = performance.now();
  for (const b of batches) await sync(w, b);
  const http = 200 / ((performance.now() - t0) / 1000);
  const device = w.tablets[1]!.deviceId;
  const rows = Array.from({ length: 200 }, () => makeRecord({ sessionId: randomUUID() }));
  const t1 = performance.now();
  for (let i = 0; i < rows.length; i += 100) {
    const chunk = rows.slice(i, i + 100);
    await w.db.transaction((tx) =>
      tx.query(
        `INSERT INTO measurements (session_id, device_id, instrument_id, instrument_version, language, reference,
           details, answers, answered_at, client_profile, server_profile, score_mismatch, body_hash, started_at,
           consent_at, completed_at, received_at, languages_used)
         SELECT (x->>'sessionId')::uuid, $2::uuid, x->>'instrumentId', (x->>'instrumentVersion')::int, x->>'language',
           x->>'reference', x->'details', x->'answers', x->'answeredAt', x->'profile', x->'profile', false,
           md5(x::text), to_timestamp((x->>'startedAt')::double precision / 1000),
           to_timestamp((x->>'consentAt')::double precision / 1000),
           to_timestamp((x->>'completedAt')::double precision / 1000), now(), x->'languagesUsed'
         FROM jsonb_array_elements($1::jsonb) x`,
        [JSON.stringify(chunk), device],
      ),
    );
  }
  const raw = rows.length / ((performance.now() - t1) / 1000);
  // The raw rows have no client; they are taken out again so the next size starts from generated data only.
  await w.db.query(
    `DELETE FROM measurements WHERE session_id IN (SELECT (x->>'sessionId')::uuid FROM jsonb_array_elements($1::jsonb) x)`,
    [JSON.stringify(rows)],
  );
  return { http, raw };
}

export async function figures(w: World): Promise<Figure[]> {
  const linked = await w.db.query<{ id: string }>(
    `SELECT c.id::text AS id FROM clients c JOIN client_links l ON l.client_id = c.id
     WHERE l.staff_id = $1::uuid ORDER BY c.latest_at DESC NULLS LAST LIMIT 1`,
    [w.staffIds[0]],
  );
  const clientId = linked.rows[0]?.id ?? '';
  const latest = await w.db.query<{ id: string }>(
    'SELECT session_id::text AS id FROM measurements ORDER BY completed_at DESC LIMIT 1',
  );
  const measurementId = latest.rows[0]?.id ?? '';
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const now = Date.now();
  const yearAgo = day(now - 365 * 86_400_000);
  const monthAgo = day(now - 30 * 86_400_000);
  const device = w.tablets[1]!.deviceId;
  const c = w.coordinator;
  const batch: unknown[][] = [];
  return [
    {
      name: 'coordinator client list (1,000 newest)',
      run: async () => void (await get(w, '/api/clients', c)),
    },
    {
      name: 'client search "Jansen-12"',
      run: async () => void (await get(w, '/api/clients?q=Jansen-12', c)),
    },
    {
      name: 'client search "an" (short, many hits)',
      run: async () => void (await get(w, '/api/clients?q=an', c)),
    },
    { name: 'staff: my clients', run: async () => void (await get(w, '/api/clients', w.staff)) },
    {
      name: "coordinator: one staff member's clients",
      run: async () => void (await get(w, `/api/clients?staffId=${w.staffIds[0]}`, c)),
    },
    {
      name: 'staff client page',
      run: async () => void (await get(w, `/api/clients/${clientId}`, w.staff)),
    },
    {
      name: 'coordinator client page',
      run: async () => void (await get(w, `/api/clients/${clientId}`, c)),
    },
    {
      name: 'link suggestions for a client',
      run: async () => void (await get(w, `/api/clients/${clientId}/suggestions`, c)),
    },
    {
      name: 'measurement list (newest)',
      run: async () => void (await get(w, '/api/measurements', c)),
    },
    {
      // A page of 100, full at every size: one tablet's year is 167 measurements at 10k and 1,667 at 100k, so with
      // the page of 1,000 the factor measured 6× more rows returned (2.80×), not the query.
      name: 'measurement list, 1 year + 1 tablet (100)',
      run: async () =>
        void (await get(w, `/api/measurements?from=${yearAgo}&deviceId=${device}&limit=100`, c)),
    },
    {
      name: 'measurement answers page',
      run: async () => void (await get(w, `/api/measurements/${measurementId}/answers`, c)),
    },
    { name: 'dashboard, all time', run: async () => void (await get(w, '/api/dashboard', c)) },
    {
      name: 'dashboard, 1 year + 1 tablet',
      run: async () => void (await get(w, `/api/dashboard?from=${yearAgo}&deviceId=${device}`, c)),
    },
    { name: 'audit log (newest)', run: async () => void (await get(w, '/api/audit', c)) },
    { name: 'tablets list', run: async () => void (await get(w, '/api/devices', c)) },
    { name: 'accounts list', run: async () => void (await get(w, '/api/users', c)) },
    {
      name: 'one sync batch of 20 sessions',
      run: async () => {
        // Sealing is the tablet's work: batches are sealed before the clock (see prepare below).
        const next = batch.shift();
        if (!next) throw new Error('no sealed batch left');
        await sync(w, next);
      },
    },
    {
      name: 'export CSV, last 30 days',
      exempt: true,
      run: async () => void (await get(w, `/api/export/measurements.csv?from=${monthAgo}`, c)),
    },
  ].map((f) =>
    f.name.startsWith('one sync batch')
      ? {
          ...f,
          run: f.run,
          prepare: async () => {
            for (let i = 0; i < RUNS + WARMUPS; i++) batch.push(await sealedBatch(w, 20));
          },
        }
      : f,
  );
}

const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));

interface Sized {
  readonly size: number;
  readonly w: World;
  readonly drop: () => Promise<void>;
}

/** The kept database of one size (created when missing); `drop` leaves it in place. */
async function keptDatabase(
  baseUrl: string,
  size: number,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `si_growth_keep_${size}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => Promise.resolve() };
}

/**
 * A database of its own (next to DATABASE_URL's, dropped by `drop` unless kept) with a server and `size` generated
 * measurements. A kept database that finished generating is reused as it is.
 */
async function sized(
  url: string,
  size: number,
  keep: boolean,
  log: (line: string) => void,
): Promise<Sized> {
  const database = keep ? await keptDatabase(url, size) : await freshDatabase(url, 'si_growth');
  const db = await openPostgres(database.url, { max: 10 });
  const label = size.toLocaleString('en');
  const close = async (w: World) => {
    await w.app.close();
    await db.close();
    await database.drop();
  };
  const reused = keep ? await reopen(db) : null;
  if (reused) {
    log(`  ${label}: reusing the kept database`);
    return { size, w: reused, drop: () => close(reused) };
  }
  if (keep) {
    // A half-generated kept database: start again from an empty one.
    const n = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
    );
    if ((n.rows[0]?.n ?? 0) > 0)
      throw new Error(`si_growth_keep_${size} is incomplete: drop it (dropdb) and run again`);
  }
  const t0 = performance.now();
  const w = await setUp(db);
  await growTo(
    db,
    0,
    size,
    w.tablets.map((t) => t.deviceId),
    w.staffIds,
    Date.now(),
    (line) => log(`  ${label}:${line}`),
  );
  if (keep) {
    await db.exec('CREATE TABLE growth_bench_world (data jsonb NOT NULL)');
    await db.query('INSERT INTO growth_bench_world (data) VALUES ($1::jsonb)', [
      JSON.stringify(w.kept),
    ]);
  }
  log(`  ${label}: ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return { size, w, drop: () => close(w) };
}

/**
 * Runs the growth bench; returns the lines and whether every growth factor is within MAX_GROWTH. Each size is its own
 * database, generated side by side (PostgreSQL uses a core per statement), and every figure is timed on all sizes in
 * turn, run by run: a machine that gets busier halfway slows every size alike instead of inflating the larger one's
 * factor (measured sequentially on a busy machine, figures that do not touch measurements at all "grew" 3.5×).
 */
export async function benchGrowth(
  sizes: readonly number[] = [10_000, 100_000, 1_000_000],
  keep = false,
): Promise<{ lines: string[]; ok: boolean }> {
  const url = process.env.DATABASE_URL;
  if (!url) return { lines: ['  PostgreSQL: skipped (set DATABASE_URL)'], ok: true };
  // The bench times no sign-in: the accounts it creates need no expensive password hashes.
  process.env.PASSWORD_HASH_COST ??= 'low';
  const lines: string[] = [];
  // Progress goes to stderr as it happens (a 1M run takes a while); the table is returned at the end.
  const log = (line: string) => console.error(line);
  let ok = true;
  const t0 = performance.now();
  const made = await Promise.allSettled(sizes.map((size) => sized(url, size, keep, log)));
  const worlds = made.flatMap((m) => (m.status === 'fulfilled' ? [m.value] : []));
  try {
    for (const m of made) if (m.status === 'rejected') throw m.reason;
    log(`  generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const t1 = performance.now();
    const results = new Map<string, number[]>();
    const lists = await Promise.all(worlds.map((x) => figures(x.w)));
    const names = (lists[0] ?? []).map((f) => f.name);
    for (const [i, name] of names.entries()) {
      const fs = lists.map((l) => l[i]!);
      for (const f of fs) await (f as { prepare?: () => Promise<void> }).prepare?.();
      // Exports are not checked and take seconds each: one warm-up and three runs are enough to print them.
      const exempt = fs[0]?.exempt === true;
      for (let k = 0; k < (exempt ? 1 : WARMUPS); k++) for (const f of fs) await f.run();
      const times = fs.map((): number[] => []);
      for (let k = 0; k < (exempt ? 3 : RUNS); k++)
        for (const [j, f] of fs.entries()) {
          const started = performance.now();
          await f.run();
          times[j]?.push(performance.now() - started);
        }
      results.set(name, times.map(median));
      log(`    ${name}: ${times.map((t) => `${fmt(median(t))} ms`).join(' / ')}`);
    }
    const ingest: string[] = [];
    for (const x of worlds) {
      const r = await ingestRatio(x.w);
      ingest.push(
        `  ingest at ${x.size.toLocaleString('en')}: ${r.http.toFixed(0)} sessions/s over HTTP (10 sequential batches of 20) vs raw INSERT ${r.raw.toFixed(0)} rows/s: ${(r.http / r.raw).toFixed(2)}×`,
      );
    }
    log(`  timed the figures in ${((performance.now() - t1) / 1000).toFixed(0)} s`);
    const header = `  ${'figure (median ms)'.padEnd(42)}${sizes.map((s) => `${(s / 1000).toLocaleString('en')}k`.padStart(9)).join('')}   growth per 10×`;
    lines.push(header);
    for (const f of lists[0] ?? []) {
      const ts = results.get(f.name) ?? [];
      const growth = growthPer10x(ts, sizes);
      const over = !f.exempt && growth.some((g) => g > MAX_GROWTH);
      if (over) ok = false;
      lines.push(
        `  ${f.name.padEnd(42)}${ts.map((t) => fmt(t).padStart(9)).join('')}   ${growth.map((g) => `${g.toFixed(2)}×`).join(' ')}${f.exempt ? ' (export: not checked)' : over ? `  OVER ${MAX_GROWTH}×` : ''}`,
      );
    }
    lines.push(...ingest);
    lines.push(
      `  growth check (every figure but exports ≤ ${MAX_GROWTH}× per 10×, times under ${NOISE_FLOOR_MS} ms count as ${NOISE_FLOOR_MS}): ${ok ? 'OK' : 'FAILED'}`,
    );
  } finally {
    for (const x of worlds) await x.drop();
  }
  return { lines, ok };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ci = process.argv.includes('--ci');
  const at = process.argv.indexOf('--sizes');
  const sizes =
    at >= 0
      ? (process.argv[at + 1] ?? '').split(',').map(Number)
      : ci
        ? [10_000, 100_000]
        : [10_000, 100_000, 1_000_000];
  const { lines, ok } = await benchGrowth(sizes, process.argv.includes('--keep'));
  for (const line of lines) console.log(line);
  if (ci && !ok) process.exit(1);
}
