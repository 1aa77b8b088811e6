// Two server processes on one PostgreSQL behind a round-robin proxy, as an agency grows past one machine: both come up
// when started at the same moment, a tablet enrols through one and syncs through the other, staff sign in on one and
// work on the other, sign-in throttles count across both, and the retention job started on both at once runs once.
// Needs a real PostgreSQL: `.ci/run` runs it with DATABASE_URL (`npx vitest run --project instances`).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { EnrollResponse, SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { makeRecord } from '../server/helpers.ts';
import { freshDatabase, roundRobinProxy, spawnInstance, type Instance } from './cluster.ts';

const BASE = process.env.DATABASE_URL;
const DAY = 86_400_000;

let database: { url: string; drop(): Promise<void> };
let sql: pg.Pool;
let instances: Instance[] = [];
let proxy: Awaited<ReturnType<typeof roundRobinProxy>>;
let tablet: EnrollResponse;
let cookie = '';
const sent = new Set<string>();

/** Starts two instances at the same moment and waits until both answer. */
async function startTwo(): Promise<void> {
  instances = await Promise.all([spawnInstance(database.url), spawnInstance(database.url)]);
  await Promise.all(instances.map((i) => i.ready()));
}

const count = async (query: string, params: unknown[] = []) =>
  Number((await sql.query<{ n: string }>(query, params)).rows[0]?.n ?? -1);

/** A JSON request through the proxy (or straight to `base`); answers status, body and which upstream took it. */
async function call(
  method: string,
  path: string,
  body?: unknown,
  options: { base?: string; bearer?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie) headers.cookie = cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  const r = await fetch(`${options.base ?? proxy.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  return {
    status: r.status,
    json: (text ? JSON.parse(text) : null) as unknown,
    setCookie: r.headers.get('set-cookie'),
    upstream: options.base ? -1 : proxy.served.at(-1),
  };
}

/** `n` records with their own client details, completed `daysAgo` days ago. */
const records = (n: number, daysAgo: number, tag: string) =>
  Array.from({ length: n }, (_, i) => {
    const completedAt = Date.now() - daysAgo * DAY;
    return makeRecord({
      sessionId: randomUUID(),
      reference: `${tag}-${i}`,
      details: { firstName: `${tag}${i}`, lastName: 'Twee', dateOfBirth: '1970-01-01' },
      completedAt,
      consentAt: completedAt - 300_000,
      startedAt: completedAt - 310_000,
    });
  });

const sealAll = (list: ReturnType<typeof records>) =>
  Promise.all(
    list.map((r) => {
      sent.add(r.sessionId);
      return sealRecord(r, tablet.serverKey);
    }),
  );

describe.skipIf(!BASE)(
  `two server instances on one PostgreSQL${BASE ? '' : ' (skipped: DATABASE_URL is not set)'}`,
  () => {
    beforeAll(async () => {
      database = await freshDatabase(BASE ?? '');
      sql = new pg.Pool({ connectionString: database.url, max: 2 });
      await startTwo();
      proxy = await roundRobinProxy(() => instances.map((i) => i.url));
    }, 300_000);

    afterAll(async () => {
      await proxy?.close();
      await Promise.all(instances.map((i) => i.stop()));
      await sql?.end();
      await database?.drop();
    });

    it('both come up when started at the same moment: one sealing key, and each printed setup code works', async () => {
      expect(await count('SELECT count(*) AS n FROM server_keys')).toBe(1);
      const codes = instances.map(
        (i) => /setup code:\s+([0-9A-Z-]{19})/.exec(i.output())?.[1] ?? '',
      );
      expect(codes.every((c) => c !== '')).toBe(true);
      expect(new Set(codes).size).toBe(2);
      expect(await count('SELECT count(*) AS n FROM setup_codes WHERE used_at IS NULL')).toBe(2);
      const setup = await call('POST', '/api/auth/setup', {
        setupCode: codes[1],
        name: 'Coördinator',
        username: 'coord',
        password: 'een lang wachtwoord',
      });
      expect(setup.status).toBe(201);
    });

    it('signs in on one instance and uses the workspace on the other', async () => {
      const login = await call('POST', '/api/auth/login', {
        username: 'coord',
        password: 'een lang wachtwoord',
      });
      expect(login.status).toBe(200);
      cookie = /si_session=[^;]+/.exec(login.setCookie ?? '')?.[0] ?? '';
      expect(cookie).not.toBe('');
      const me = await call('GET', '/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.upstream).not.toBe(login.upstream);
    });

    it('enrols through one instance, syncs through the other; concurrent sends of a batch store it once', async () => {
      const code = await call('POST', '/api/enroll-codes', { name: 'Tablet twee' });
      expect(code.status).toBe(201);
      const enrol = await call('POST', '/api/devices/enroll', {
        code: (code.json as { code: string }).code,
      });
      expect(enrol.status).toBe(200);
      tablet = enrol.json as EnrollResponse;

      const young = await sealAll(records(20, 1, 'Jong'));
      const old = await sealAll(records(10, 400, 'Oud'));
      const batches = [young.slice(0, 10), young.slice(10), old];
      const upstreams: number[] = [];
      for (const sessions of batches) {
        const r = await call('POST', '/api/sync/sessions', { sessions }, { bearer: tablet.token });
        expect(r.status).toBe(200);
        expect((r.json as SyncResponse).receipts.map((x) => x.status)).toEqual(
          sessions.map(() => 'stored'),
        );
        upstreams.push(r.upstream ?? -1);
      }
      expect(upstreams[0]).not.toBe(enrol.upstream);
      expect(new Set(upstreams).size).toBe(2);

      // The same fresh batch to both instances at the same moment: each session stored once, the other a duplicate.
      const race = await sealAll(records(10, 2, 'Tegelijk'));
      const answers = await Promise.all(
        instances.map((i) =>
          call(
            'POST',
            '/api/sync/sessions',
            { sessions: race },
            { base: i.url, bearer: tablet.token },
          ),
        ),
      );
      const statuses = answers.flatMap((a) =>
        (a.json as SyncResponse).receipts.map((x) => `${x.sessionId}:${x.status}`),
      );
      for (const s of race) {
        expect(statuses.filter((x) => x === `${s.sessionId}:stored`)).toHaveLength(1);
        expect(statuses.filter((x) => x === `${s.sessionId}:duplicate`)).toHaveLength(1);
      }

      const stored = await count('SELECT count(*) AS n FROM measurements');
      expect(stored).toBe(sent.size);
      expect(await count('SELECT count(DISTINCT session_id) AS n FROM measurements')).toBe(stored);
      expect(await count('SELECT count(*) AS n FROM clients')).toBe(sent.size);
      const listed = await call('GET', '/api/clients');
      expect((listed.json as unknown[]).length).toBe(sent.size);
    });

    it('counts sign-in failures across both instances', async () => {
      const saved = cookie;
      cookie = '';
      const tries = [];
      for (let n = 0; n < 6; n++)
        tries.push(
          await call('POST', '/api/auth/login', { username: 'nobody', password: 'fout fout fout' }),
        );
      cookie = saved;
      expect(new Set(tries.map((t) => t.upstream)).size).toBe(2);
      expect(tries.slice(0, 5).map((t) => t.status)).toEqual([401, 401, 401, 401, 401]);
      expect(tries[5]?.status).toBe(429);
    });

    it('runs the retention job once when both instances start it at the same moment; nothing lost or doubled', async () => {
      const storedBefore = await count('SELECT count(*) AS n FROM measurements');
      const runsBefore = await count(`SELECT runs AS n FROM job_runs WHERE job = 'retention'`);
      expect(runsBefore).toBe(1); // the first start of the two ran it once
      // Thirty days' retention, and the last run an hour ago: the next start of each instance is due to run it.
      await sql.query(
        `INSERT INTO retention_settings (id, days, updated_at) VALUES (1, 30, now())
         ON CONFLICT (id) DO UPDATE SET days = 30`,
      );
      await sql.query(
        `UPDATE job_runs SET started_at = now() - interval '61 minutes' WHERE job = 'retention'`,
      );
      await Promise.all(instances.map((i) => i.stop()));
      await startTwo();

      const runs = await count(`SELECT runs AS n FROM job_runs WHERE job = 'retention'`);
      const audited = await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'erase_retention'`,
      );
      const stored = await count('SELECT count(*) AS n FROM measurements');
      const tombstones = await count('SELECT count(*) AS n FROM tombstones');
      expect(runs - runsBefore).toBe(1);
      expect(audited).toBe(1);
      expect(stored).toBe(storedBefore - 10);
      expect(tombstones).toBe(10);
      expect(await count(`SELECT count(*) AS n FROM clients WHERE reference LIKE 'Oud-%'`)).toBe(0);
      const lost = sent.size - 10 - stored;
      const doubled =
        (await count('SELECT count(*) AS n FROM measurements')) -
        (await count('SELECT count(DISTINCT session_id) AS n FROM measurements'));
      console.log(
        `two instances: ${sent.size} sessions sent, ${stored + tombstones} stored (${tombstones} later erased by retention), ${lost} lost, ${doubled} doubled; retention job runs across both instances: ${runs} (1 at the first start, ${runs - runsBefore} when both started it at once)`,
      );
      expect(lost).toBe(0);
      expect(doubled).toBe(0);
    }, 300_000);
  },
);
