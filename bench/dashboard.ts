// Dashboard over 100,000 measurements: seeded with one INSERT … generate_series, then timed through app.inject.
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createServer } from '../src/server/app.ts';
import { parseKek } from '../src/server/crypto/kek.ts';
import { rebuildRollup } from '../src/server/clients/rollup.ts';
import type { Db } from '../src/server/db.ts';
import { onEachDatabase } from './databases.ts';
import { coordinatorCookie, enrollBenchTablets, timeGets, wallFigure } from './injectTiming.ts';

const N = 100_000;
const RUNS = 20;

const PROFILE = (
  v: string,
) => `jsonb_build_object('instrumentId','pilot-2019','instrumentVersion',1,'threshold',62,
  'postures', jsonb_build_array(
    jsonb_build_object('scale','verbondenheid','percent',${v},'dominant',${v} > 62),
    jsonb_build_object('scale','overgave','percent',100-${v},'dominant',100-${v} > 62),
    jsonb_build_object('scale','weerstand','percent',${v}/2,'dominant',false),
    jsonb_build_object('scale','onthechting','percent',null,'dominant',false),
    jsonb_build_object('scale','omzeiling','percent',25,'dominant',false)),
  'dominant', '[]'::jsonb,
  'roles', jsonb_build_array(jsonb_build_object('scale','begeleider','value',4), jsonb_build_object('scale','leraar','value',3)),
  'topRoles', '["begeleider"]'::jsonb,
  'desirability', jsonb_build_object('scale','sociale_wenselijkheid','answered',4,'items',4,'mean',3.25,'caution',false))`;

async function benchOne(label: string, db: Db): Promise<string[]> {
  // A throwaway key-encryption key: the bench database is thrown away too.
  const kek = parseKek(randomBytes(32).toString('base64'), 'bench');
  const app = await createServer({ db, log: false, distDir: '/nonexistent', kek });
  try {
    const devices = await enrollBenchTablets(app, db, 10);
    const t0 = performance.now();
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO measurements (session_id, device_id, instrument_id, instrument_version, language, reference,
           details, answers, answered_at, client_profile, server_profile, score_mismatch, body_hash, started_at,
           completed_at, received_at)
         SELECT gen_random_uuid(), ($1::jsonb->>(g % 10))::uuid, 'pilot-2019', 1, 'nl', NULL, '{}', '{}', '{}',
           p, p, false, md5(g::text), ts, ts, ts
         FROM generate_series(1, ${N}) g,
           LATERAL (SELECT ${PROFILE('((g * 37) % 101)::numeric')} AS p,
                    timestamptz '2023-01-01' + (g % 1095) * interval '1 day' + (g % 600) * interval '1 minute' AS ts) x`,
        [JSON.stringify(devices)],
      );
      await rebuildRollup(tx);
    });
    const seeded = performance.now() - t0;
    const cookie = await coordinatorCookie(app, db);
    const time = async (url: string) =>
      wallFigure(
        await timeGets(app, url, cookie, RUNS, (r) => {
          if (r.statusCode !== 200 || r.json<{ n: number }>().n === 0)
            throw new Error(`dashboard ${r.statusCode}`);
        }),
      );
    return [
      `  ${label}: seeded ${N} measurements + rollup in ${(seeded / 1000).toFixed(1)} s`,
      `  ${label}: dashboard, no filter: ${await time('/api/dashboard')}`,
      `  ${label}: dashboard, one year + one tablet: ${await time(`/api/dashboard?from=2024-01-01&to=2024-12-31&deviceId=${devices[3]}`)}`,
    ];
  } finally {
    await app.close();
  }
}

/** Runs the dashboard bench on PGlite and, when DATABASE_URL is set, on PostgreSQL. */
export const benchDashboard = (): Promise<string[]> => onEachDatabase('si-dash', benchOne);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  for (const line of await benchDashboard()) console.log(line);
