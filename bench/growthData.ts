// Growth bench data: measurements, clients (0.7 per measurement, as in the pilot's follow-ups), links to staff and the
// rollup, generated with set-based SQL so a million measurements take minutes. Each step adds to what is there.
import type { Db } from '../src/server/db.ts';
import { answerCodes } from '../src/shared/core/answerCodes.ts';
import { scoreAnswers } from '../src/shared/core/scoring.ts';
import { PILOT } from '../test/server/helpers.ts';

/** Clients per measurement: most people are measured once, some two or three times. */
export const CLIENTS_PER_MEASUREMENT = 0.7;
/** Share of clients a coordinator has linked to a staff member. */
export const LINKED_SHARE = 0.3;
/**
 * The measured staff member (the first of `staff`) is linked to the linked share of the first this many clients and
 * to no later ones: a caseload of 300 at every size, as a caseload does not grow with the organisation's data. (With
 * the links spread evenly, "my clients" returned 105 rows at 10k and the full page of 1,000 at 100k, and the growth
 * figure measured the page size instead of the data size.)
 */
export const MEASURED_CASELOAD_CLIENTS = 1000;

const LAST_NAMES = [
  'Jansen',
  'de Vries',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
];
const FIRST_NAMES = ['Fatima', 'Sam', 'Anna', 'Mohamed', 'Emma', 'Daan', 'Sara', 'Noah', 'Elif'];

const items = PILOT.parts.flatMap((p) => p.items);

/** Five answer patterns and their profiles, as jsonb arrays the generator picks from. */
function templates(): { answers: string; profiles: string; answeredAt: string; codes: string } {
  const answers = Array.from({ length: 5 }, (_, v) =>
    Object.fromEntries(items.map((item, i) => [item.id, ((i + v) % 5) + 1])),
  );
  return {
    answers: JSON.stringify(answers),
    profiles: JSON.stringify(answers.map((a) => scoreAnswers(PILOT, a))),
    // As ingest writes them, so the server's start does not fill a million rows (src/server/quality/answerCodes.ts).
    codes: JSON.stringify(answers.map((a) => answerCodes(PILOT, a))),
    answeredAt: JSON.stringify(Object.fromEntries(items.map((item, i) => [item.id, i * 4000]))),
  };
}

// A value in [0, 1) from a text, stable across runs.
const unit = (expr: string): string =>
  `(('x' || substr(md5(${expr}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/**
 * Adds measurements [from, to) with their new clients, links and rollup rows; `devices` are enrolled tablet ids,
 * `staff` user ids. Completion times spread over the three years before `now`.
 */
export async function growTo(
  db: Db,
  from: number,
  to: number,
  devices: readonly string[],
  staff: readonly string[],
  now: number,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  let mark = performance.now();
  const step = (what: string) => {
    const t = performance.now();
    log(`      ${what}: ${((t - mark) / 1000).toFixed(1)} s`);
    mark = t;
  };
  const c0 = Math.round(from * CLIENTS_PER_MEASUREMENT);
  const c1 = Math.round(to * CLIENTS_PER_MEASUREMENT);
  const t = templates();
  const last = `(ARRAY[${LAST_NAMES.map((n) => `'${n}'`).join(',')}])[1 + k % ${LAST_NAMES.length}] || '-' || (k / ${LAST_NAMES.length}) % 100000`;
  const first = `(ARRAY[${FIRST_NAMES.map((n) => `'${n}'`).join(',')}])[1 + (k / 7) % ${FIRST_NAMES.length}]`;
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL synchronous_commit = off');
    await tx.query(
      `INSERT INTO clients (id, code, reference, reference_key, first_name, last_name, name_key, date_of_birth,
         gender, created_at, latest_at, latest_id, latest_language, latest_dominant, measurement_count)
       SELECT md5('c' || k)::uuid, substr(lpad(k::text, 8, '0'), 1, 4) || '-' || substr(lpad(k::text, 8, '0'), 5, 4),
         CASE WHEN k % 2 = 0 THEN 'A-' || k END, CASE WHEN k % 2 = 0 THEN 'A-' || k END,
         f, l, lower(regexp_replace(f || '|' || l, '[[:space:].''’-]', '', 'g')),
         (date '1950-01-01' + (k % 18000))::text, CASE WHEN k % 2 = 0 THEN 'female' ELSE 'male' END,
         to_timestamp($1::double precision / 1000) - interval '3 years',
         lm.ts, md5('m' || lm.j)::uuid, CASE WHEN lm.j IS NOT NULL THEN 'nl' END,
         ($6::jsonb->(lm.j % 5))->'dominant', COALESCE(lm.n, 0)
       FROM generate_series($2::int, $3::int - 1) k
       CROSS JOIN LATERAL (SELECT ${first} AS f, ${last} AS l) n
       -- The newest of the client's measurements below (j ≡ k - c0 modulo the new clients) and how many there are,
       -- so no UPDATE afterwards.
       LEFT JOIN LATERAL (
         SELECT j, ts, count(*) OVER ()::int AS n FROM (
           SELECT j, to_timestamp($1::double precision / 1000) - ${unit("'t' || j")} * interval '3 years' AS ts
           FROM generate_series($4::int + (k - $2::int), $5::int - 1, $3::int - $2::int) j) y
         ORDER BY ts DESC, md5('m' || j)::uuid DESC LIMIT 1
       ) lm ON true`,
      [now, c0, c1, from, to, t.profiles],
    );
    step('clients');
    await tx.query(
      `INSERT INTO measurements (session_id, device_id, instrument_id, instrument_version, language, reference,
         details, answers, answered_at, client_profile, server_profile, score_mismatch, body_hash, started_at,
         consent_at, completed_at, received_at, languages_used, client_id, answer_codes)
       SELECT md5('m' || j)::uuid, ($4::jsonb->>(j % jsonb_array_length($4::jsonb)))::uuid, 'pilot-2019', 1, 'nl',
         c.reference, jsonb_build_object('firstName', c.first_name, 'lastName', c.last_name,
           'dateOfBirth', c.date_of_birth, 'gender', c.gender),
         $5::jsonb->(j % 5), $6::jsonb, $7::jsonb->(j % 5), $7::jsonb->(j % 5), false, md5('h' || j),
         ts - interval '20 minutes', ts - interval '19 minutes', ts, ts, '["nl"]'::jsonb, c.id, $10::jsonb->>(j % 5)
       FROM generate_series($2::int, $3::int - 1) j
       CROSS JOIN LATERAL (SELECT to_timestamp($1::double precision / 1000)
         - ${unit("'t' || j")} * interval '3 years' AS ts) x
       JOIN clients c ON c.id = md5('c' || ($8::int + (j - $2::int) % ($9::int - $8::int)))::uuid`,
      [
        now,
        from,
        to,
        JSON.stringify(devices),
        t.answers,
        t.answeredAt,
        t.profiles,
        c0,
        c1,
        t.codes,
      ],
    );
    step('measurements');
    await tx.query(
      `INSERT INTO client_links (client_id, staff_id, linked_at)
       SELECT md5('c' || k)::uuid,
         CASE WHEN k < ${MEASURED_CASELOAD_CLIENTS} THEN $3::jsonb->>0
           ELSE $4::jsonb->>((k / 10) % jsonb_array_length($4::jsonb)) END::uuid, now()
       FROM generate_series($1::int, $2::int - 1) k WHERE k % 10 < ${Math.round(LINKED_SHARE * 10)}`,
      [c0, c1, JSON.stringify(staff), JSON.stringify(staff.length > 1 ? staff.slice(1) : staff)],
    );
    step('client_links');
  });
  step('commit');
  // The dashboard's rollup from scratch (set-based), as after a restore.
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL synchronous_commit = off');
    await tx.query('DELETE FROM dashboard_rollup');
    const { rollupCtes } = await import('../src/server/clients/rollup.ts');
    await tx.query(
      `WITH ${rollupCtes('SELECT device_id, completed_at, server_profile FROM measurements', '1')} SELECT 1`,
    );
  });
  step('dashboard rollup');
  // What autovacuum would have done by the time anyone looks (statistics, visibility map).
  for (const table of ['clients', 'measurements', 'client_links', 'dashboard_rollup'])
    await db.exec(`VACUUM ANALYZE ${table}`);
  step('vacuum analyze');
}
