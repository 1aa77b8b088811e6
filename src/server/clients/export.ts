/**
 * Research export: one row per measurement (ids, tablet, language, dates, every item value, every scale score,
 * dominant postures) as CSV with a codebook, or as JSON. No names, birth dates or references: the client id links
 * rows of one client. Columns follow the instruments the data uses, never a list in code.
 */
import type { Instrument } from '../../shared/core/instrument.ts';
import type { Profile } from '../../shared/core/scoring.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import type { Filters } from './params.ts';
import { filterSql, scaleScore } from './views.ts';

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
  score_mismatch: boolean;
  answers: Record<string, number>;
  server_profile: Profile;
}

/** The instruments whose items and scales become columns: those in the data, and the current ones. */
async function instrumentsInUse(
  db: Queryable,
  registry: InstrumentRegistry,
): Promise<Instrument[]> {
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

interface Column {
  readonly name: string;
  readonly meaning: string;
  readonly values: string;
}

const FIXED: readonly Column[] = [
  { name: 'measurement_id', meaning: 'Session id of the measurement', values: 'UUID' },
  {
    name: 'client_id',
    meaning: 'Client the measurement belongs to (same id = same client)',
    values: 'UUID',
  },
  { name: 'device_id', meaning: 'Tablet the measurement was taken on', values: 'UUID' },
  { name: 'device_name', meaning: 'Name of that tablet', values: 'text' },
  { name: 'instrument_id', meaning: 'Questionnaire', values: 'text' },
  { name: 'instrument_version', meaning: 'Questionnaire version', values: 'whole number' },
  {
    name: 'language',
    meaning: 'Language the client answered in',
    values: 'language code (nl, en, …)',
  },
  {
    name: 'languages_used',
    meaning:
      'Every language the client had on screen, in order of first use (differs when they switched)',
    values: 'language codes separated by ;',
  },
  {
    name: 'started_at',
    meaning: 'When the client started',
    values: 'ISO 8601 date and time (UTC)',
  },
  {
    name: 'completed_at',
    meaning: 'When the client finished',
    values: 'ISO 8601 date and time (UTC)',
  },
  {
    name: 'received_at',
    meaning: 'When the server received it',
    values: 'ISO 8601 date and time (UTC)',
  },
  {
    name: 'score_mismatch',
    meaning:
      'The tablet scored the answers differently from the server (the client saw the tablet profile)',
    values: 'true, false',
  },
];

function columnsOf(instruments: readonly Instrument[]): {
  items: { id: string; column: Column }[];
  scales: { id: string; column: Column }[];
  tail: Column[];
} {
  const items = new Map<string, Column>();
  const scales = new Map<string, Column>();
  for (const i of instruments) {
    const labels = i.answerScale.map((o) => `${o.value} = ${o.label}`).join('; ');
    const scaleLabel = new Map(i.scales.map((s) => [s.id, s.label]));
    for (const item of i.parts.flatMap((p) => p.items))
      if (!items.has(item.id))
        items.set(item.id, {
          name: `item_${item.id}`,
          meaning: `${i.id} item ${item.id} (${scaleLabel.get(item.scale) ?? item.scale}): ${item.text}`,
          values: `${labels}; empty = not answered`,
        });
    for (const s of i.scales)
      if (!scales.has(s.id))
        scales.set(s.id, {
          name: `score_${s.id}`,
          meaning:
            s.kind === 'posture'
              ? `${s.label}: posture score`
              : s.kind === 'role'
                ? `${s.label}: expected role (the item's value)`
                : `${s.label}: mean of the social-desirability items`,
          values:
            s.kind === 'posture'
              ? `percent 0–100; empty = fewer than ${s.minAnswered} answers`
              : s.kind === 'role'
                ? 'answer value; empty = not answered'
                : `mean on the answer scale; empty = fewer than ${s.minAnswered} answers`,
        });
  }
  return {
    items: [...items].map(([id, column]) => ({ id, column })),
    scales: [...scales].map(([id, column]) => ({ id, column })),
    tail: [
      {
        name: 'dominant',
        meaning: 'Dominant postures (score above the agency threshold at receipt)',
        values: 'posture ids separated by ;',
      },
      {
        name: 'top_roles',
        meaning: 'Highest-rated expected roles',
        values: 'role ids separated by ;',
      },
    ],
  };
}

/** The codebook: one line per export column with its meaning and values. */
export async function codebookCsv(db: Queryable, registry: InstrumentRegistry): Promise<string> {
  const cols = columnsOf(await instrumentsInUse(db, registry));
  const all = [
    ...FIXED,
    ...cols.items.map((c) => c.column),
    ...cols.scales.map((c) => c.column),
    ...cols.tail,
  ];
  return (
    csvLine(['column', 'meaning', 'values']) +
    all.map((c) => csvLine([c.name, c.meaning, c.values])).join('')
  );
}

async function rows(db: Queryable, f: Filters): Promise<Row[]> {
  const { where, params } = filterSql(f, 1);
  const r = await db.query<Row>(
    `SELECT m.session_id::text AS id, m.client_id::text AS client_id, m.device_id::text AS device_id,
       d.name AS device_name, m.instrument_id, m.instrument_version, m.language,
       COALESCE(m.languages_used, jsonb_build_array(m.language)) AS languages_used, m.started_at,
       m.completed_at, m.received_at, m.score_mismatch, m.answers, m.server_profile
     FROM measurements m JOIN devices d ON d.id = m.device_id
     WHERE ${where} ORDER BY m.completed_at, m.session_id`,
    params,
  );
  return r.rows;
}

const iso = (v: Date | string): string => new Date(v).toISOString();

/** The CSV export and how many measurements it holds. */
export async function exportCsv(
  db: Queryable,
  registry: InstrumentRegistry,
  f: Filters,
): Promise<{ csv: string; count: number }> {
  const cols = columnsOf(await instrumentsInUse(db, registry));
  const head = [
    ...FIXED,
    ...cols.items.map((c) => c.column),
    ...cols.scales.map((c) => c.column),
    ...cols.tail,
  ];
  const data = await rows(db, f);
  const lines = data.map((r) =>
    csvLine([
      r.id,
      r.client_id,
      r.device_id,
      r.device_name,
      r.instrument_id,
      r.instrument_version,
      r.language,
      r.languages_used.join(';'),
      iso(r.started_at),
      iso(r.completed_at),
      iso(r.received_at),
      r.score_mismatch,
      ...cols.items.map((c) => r.answers[c.id] ?? null),
      ...cols.scales.map((c) => scaleScore(r.server_profile, c.id)),
      r.server_profile.dominant.join(';'),
      r.server_profile.topRoles.join(';'),
    ]),
  );
  return { csv: csvLine(head.map((c) => c.name)) + lines.join(''), count: data.length };
}

/** One measurement in the JSON export. */
export interface ExportedMeasurement {
  readonly measurementId: string;
  readonly clientId: string;
  readonly deviceId: string;
  readonly deviceName: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly language: string;
  readonly startedAt: string;
  readonly completedAt: string;
  readonly receivedAt: string;
  readonly scoreMismatch: boolean;
  readonly answers: Readonly<Record<string, number>>;
  readonly scores: Readonly<Record<string, number | null>>;
  readonly dominant: readonly string[];
  readonly topRoles: readonly string[];
}

/** The JSON export. */
export async function exportJson(db: Queryable, f: Filters): Promise<ExportedMeasurement[]> {
  return (await rows(db, f)).map((r) => {
    const p = r.server_profile;
    const scores: Record<string, number | null> = {};
    for (const x of p.postures) scores[x.scale] = x.percent;
    for (const x of p.roles) scores[x.scale] = x.value;
    if (p.desirability) scores[p.desirability.scale] = p.desirability.mean;
    return {
      measurementId: r.id,
      clientId: r.client_id,
      deviceId: r.device_id,
      deviceName: r.device_name,
      instrumentId: r.instrument_id,
      instrumentVersion: r.instrument_version,
      language: r.language,
      startedAt: iso(r.started_at),
      completedAt: iso(r.completed_at),
      receivedAt: iso(r.received_at),
      scoreMismatch: r.score_mismatch,
      answers: r.answers,
      scores,
      dominant: p.dominant,
      topRoles: p.topRoles,
    };
  });
}
