/**
 * Research export: one row per measurement (ids, tablet, languages, dates, age band and gender where asked, every
 * item value, every scale score rounded to two decimals, dominant postures, the latest staff judgement) as CSV with a
 * codebook, or as JSON with the same rows and values. No names, birth dates, references or notes: the pseudonymous
 * client id links rows of one client. Columns follow the instruments the data uses (exportColumns.ts), never a list in
 * code.
 */
import { GENDER_OPTIONS } from '../../shared/core/details.ts';
import type { Instrument } from '../../shared/core/instrument.ts';
import { ALL_LANGUAGES } from '../../shared/core/settings.ts';
import type { Profile } from '../../shared/core/scoring.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import { ageBand } from './ageBand.ts';
import { exportColumns, type Cell, type ExportColumn, type ExportFacts } from './exportColumns.ts';
import type { Filters } from './params.ts';
import { AGENCY_TZ } from './rollup.ts';
import { filterSql } from './views.ts';

/** Quotes a CSV cell; text starting with = + - @ or a tab/return is prefixed with ' so spreadsheets never run it. */
export function csvCell(v: string | number | boolean | null): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV line (CRLF, as RFC 4180 asks). */
export const csvLine = (cells: readonly (string | number | boolean | null)[]): string =>
  `${cells.map(csvCell).join(',')}\r\n`;

interface Row {
  id: string;
  client_id: string;
  device_id: string;
  device_name: string;
  instrument_id: string;
  instrument_version: number;
  language: string;
  languages_used: string[];
  started_at: Date | string;
  completed_at: Date | string;
  received_at: Date | string;
  completed_day: string;
  score_mismatch: boolean;
  answers: Record<string, number>;
  server_profile: Profile;
  gender: string | null;
  date_of_birth: string | null;
  fit: string | null;
  client_fit: string | null;
  observed_posture: string | null;
}

/** The instruments whose items and scales become columns: those in the data, and the current ones. */
async function instrumentsInUse(
  db: Queryable,
  registry: InstrumentRegistry,
): Promise<Instrument[]> {
  await registry.refresh(db); // versions loaded through another instance
  const r = await db.query<{ id: string; version: number }>(
    'SELECT DISTINCT instrument_id AS id, instrument_version AS version FROM measurements ORDER BY 1, 2',
  );
  const out = new Map<string, Instrument>();
  for (const i of registry.current) out.set(`${i.id}@${i.version}`, i);
  for (const k of r.rows) {
    const i = registry.get(k.id, k.version);
    if (i) out.set(`${i.id}@${i.version}`, i);
  }
  return [...out.values()];
}

/** The languages value labels are given for: every shipped language, and any other the data holds. */
async function languagesInUse(db: Queryable): Promise<string[]> {
  const r = await db.query<{ l: string }>(
    `SELECT DISTINCT l FROM (SELECT language AS l FROM measurements
       UNION SELECT jsonb_array_elements_text(languages_used) FROM measurements) x ORDER BY 1`,
  );
  return [...new Set([...ALL_LANGUAGES, ...r.rows.map((x) => x.l)])];
}

/** The export's columns for the data as it is now (used by every export file). */
export async function columnsInUse(
  db: Queryable,
  registry: InstrumentRegistry,
): Promise<ExportColumn[]> {
  return exportColumns(await instrumentsInUse(db, registry), await languagesInUse(db));
}

const describeCodes = (c: ExportColumn): string =>
  (c.codes ?? []).map(([code, label]) => `${code} = ${label}`).join('; ');

/** The codebook: one line per export column with its meaning, type, values and value labels. */
export async function codebookCsv(db: Queryable, registry: InstrumentRegistry): Promise<string> {
  const cols = await columnsInUse(db, registry);
  return (
    csvLine(['column', 'meaning', 'type', 'values', 'value_labels']) +
    cols.map((c) => csvLine([c.name, c.label, c.type, c.values, describeCodes(c)])).join('')
  );
}

async function rows(db: Queryable, f: Filters): Promise<Row[]> {
  const { where, params } = filterSql(f, 1);
  const r = await db.query<Row>(
    `SELECT m.session_id::text AS id, m.client_id::text AS client_id, m.device_id::text AS device_id,
       d.name AS device_name, m.instrument_id, m.instrument_version, m.language,
       COALESCE(m.languages_used, jsonb_build_array(m.language)) AS languages_used, m.started_at,
       m.completed_at, m.received_at, to_char(m.completed_at AT TIME ZONE '${AGENCY_TZ}', 'YYYY-MM-DD') AS completed_day,
       m.score_mismatch, m.answers, m.server_profile, m.details->>'gender' AS gender,
       m.details->>'dateOfBirth' AS date_of_birth, j.fit, j.client_fit, j.observed_posture
     FROM measurements m JOIN devices d ON d.id = m.device_id
     LEFT JOIN LATERAL (
       SELECT fit, client_fit, observed_posture FROM judgements x WHERE x.measurement_id = m.session_id
       ORDER BY x.at DESC, x.id DESC LIMIT 1
     ) j ON true
     WHERE ${where} ORDER BY m.completed_at, m.session_id`,
    params,
  );
  return r.rows;
}

const iso = (v: Date | string): string => new Date(v).toISOString();
const GENDERS: readonly string[] = GENDER_OPTIONS;

/** A stored row as the columns read it; the date of birth becomes an age band here and goes no further. */
const factsOf = (r: Row): ExportFacts => ({
  id: r.id,
  clientId: r.client_id,
  deviceId: r.device_id,
  deviceName: r.device_name,
  instrumentId: r.instrument_id,
  instrumentVersion: r.instrument_version,
  language: r.language,
  languagesUsed: r.languages_used,
  startedAt: iso(r.started_at),
  completedAt: iso(r.completed_at),
  receivedAt: iso(r.received_at),
  scoreMismatch: r.score_mismatch,
  answers: r.answers,
  profile: r.server_profile,
  ageBand: ageBand(r.date_of_birth, r.completed_day),
  gender: r.gender !== null && GENDERS.includes(r.gender) ? r.gender : null,
  fit: r.fit,
  clientFit: r.client_fit,
  observedPosture: r.observed_posture,
});

/** The export's rows: the columns and, per measurement, one value per column (what both CSV and JSON hold). */
async function table(
  db: Queryable,
  registry: InstrumentRegistry,
  f: Filters,
): Promise<{ columns: ExportColumn[]; values: Cell[][] }> {
  const columns = await columnsInUse(db, registry);
  const data = (await rows(db, f)).map(factsOf);
  return { columns, values: data.map((m) => columns.map((c) => c.value(m))) };
}

/** The CSV export and how many measurements it holds. */
export async function exportCsv(
  db: Queryable,
  registry: InstrumentRegistry,
  f: Filters,
): Promise<{ csv: string; count: number }> {
  const { columns, values } = await table(db, registry, f);
  const head = csvLine(columns.map((c) => c.name));
  return { csv: head + values.map(csvLine).join(''), count: values.length };
}

/** One measurement in the JSON export: column name → the same value the CSV holds (null where the CSV is empty). */
export type ExportedMeasurement = Readonly<Record<string, Cell>>;

/** The JSON export: the CSV's rows as objects, same columns, same order, same values. */
export async function exportJson(
  db: Queryable,
  registry: InstrumentRegistry,
  f: Filters,
): Promise<ExportedMeasurement[]> {
  const { columns, values } = await table(db, registry, f);
  return values.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? null])));
}
