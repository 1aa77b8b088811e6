// Questionnaire quality over 100,000 measurements (budget: under 1 s on PGlite). Answers are generated with a seeded
// PRNG (a latent trait per scale, five languages, one item altered in one language), stored with their answer codes
// as ingest stores them, then GET /api/quality is timed through app.inject.
import { randomBytes, randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { createServer } from '../src/server/app.ts';
import { parseKek } from '../src/server/crypto/kek.ts';
import type { Db } from '../src/server/db.ts';
import { answerCodes } from '../src/shared/core/answerCodes.ts';
import { itemsInOrder } from '../src/shared/core/instrument.ts';
import type { QualityReport } from '../src/shared/core/itemQuality/report.ts';
import { PILOT } from '../test/server/helpers.ts';
import { onEachDatabase, percentile } from './databases.ts';
import { coordinatorCookie, enrollBenchTablets, timeGets, wallFigure } from './injectTiming.ts';
import { prng } from '../test/unit/prng.ts';

const N = 100_000;
const RUNS = 10;
const BATCH = 5000;
const LANGUAGES = ['nl', 'nl', 'nl', 'nl', 'nl', 'en', 'ar', 'tr', 'pl', 'uk'];
const CUTS = [-1.6, -0.6, 0.4, 1.4];

/** Generated measurements [from, from + n): language, answers and their codes. */
export function generatedMeasurements(random: () => number, from: number, n: number) {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const items = itemsInOrder(PILOT).map(({ item }) => item);
  return Array.from({ length: n }, (_, i) => {
    const language = LANGUAGES[(from + i) % LANGUAGES.length]!;
    const trait = new Map(PILOT.scales.map((s) => [s.id, normal()]));
    const answers: Record<string, number> = {};
    for (const item of items) {
      // One translation that reads stronger than the Dutch: B3 in Turkish.
      const shift = language === 'tr' && item.id === 'B3' ? 1 : 0;
      const y = (trait.get(item.scale) ?? 0) + 0.8 * normal() - shift;
      if (random() > 0.01) answers[item.id] = 1 + CUTS.filter((c) => y > c).length;
    }
    return {
      session_id: randomUUID(),
      language,
      answers,
      answer_codes: answerCodes(PILOT, answers),
      o: from + i,
    };
  });
}

/** Inserts N generated measurements on `devices`, as ingest would store them (with answer codes). */
export async function seedQuality(db: Db, devices: readonly string[], n = N): Promise<void> {
  const random = prng(2019);
  for (let from = 0; from < n; from += BATCH) {
    const rows = generatedMeasurements(random, from, Math.min(BATCH, n - from));
    await db.query(
      `INSERT INTO measurements (session_id, device_id, instrument_id, instrument_version, language, reference,
         details, answers, answered_at, client_profile, server_profile, score_mismatch, body_hash, started_at,
         completed_at, received_at, languages_used, answer_codes)
       SELECT x.session_id, ($2::jsonb->>(x.o % jsonb_array_length($2::jsonb))::int)::uuid, 'pilot-2019', 1,
         x.language, NULL, '{}', x.answers, '{}', '{}', '{}', false, 'h', now(), now(), now(),
         jsonb_build_array(x.language), x.answer_codes
       FROM jsonb_to_recordset($1::jsonb) AS x(session_id uuid, language text, answers jsonb, answer_codes text,
         o int)`,
      [JSON.stringify(rows), JSON.stringify(devices)],
    );
  }
  await db.exec('VACUUM ANALYZE measurements');
}

async function benchOne(label: string, db: Db): Promise<string[]> {
  const kek = parseKek(randomBytes(32).toString('base64'), 'bench');
  const app = await createServer({ db, log: false, distDir: '/nonexistent', kek });
  try {
    const devices = await enrollBenchTablets(app, db, 5);
    const t0 = performance.now();
    await seedQuality(db, devices);
    const seeded = performance.now() - t0;
    const cookie = await coordinatorCookie(app, db);
    let flagged = '';
    const time = async (runs: number) => {
      const t = await timeGets(app, '/api/quality', cookie, runs, (r) => {
        const report = r.json<QualityReport>();
        if (r.statusCode !== 200 || report.total !== N) throw new Error(`quality ${r.statusCode}`);
        flagged = report.items
          .flatMap((it) => it.dif.filter((d) => d.flagged).map((d) => `${it.item}:${d.language}`))
          .join(', ');
      });
      // CPU time of this process (PGlite runs in it): what the request costs when the machine is not shared.
      return `${wallFigure(t)} (CPU p50 ${percentile(t.cpuMs, 50).toFixed(0)} ms)`;
    };
    const stored = await time(RUNS);
    // Rows a bulk loader wrote after the start fill: the query computes their codes from the answers.
    await db.exec('UPDATE measurements SET answer_codes = NULL');
    const fallback = await time(2);
    return [
      `  ${label}: seeded ${N} measurements in ${(seeded / 1000).toFixed(1)} s`,
      `  ${label}: GET /api/quality, stored answer codes: ${stored} (flagged: ${flagged || 'none'})`,
      `  ${label}: GET /api/quality, codes computed from the answers (rows without codes): ${fallback}`,
    ];
  } finally {
    await app.close();
  }
}

/** Runs the quality bench on PGlite and, when DATABASE_URL is set, on PostgreSQL. */
export const benchQuality = (): Promise<string[]> => onEachDatabase('si-quality', benchOne);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  for (const line of await benchQuality()) console.log(line);
