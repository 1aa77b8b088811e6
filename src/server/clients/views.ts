/** Reading clients and measurements into the workspace contract's shapes (src/shared/contract/workspaceApi.ts). */
import type { Profile } from '../../shared/core/scoring.ts';
import type {
  AnsweredMeasurement,
  ClientDetail,
  ClientSummary,
  Fit,
  Judgement,
  MeasurementRow,
  MeasurementView,
} from '../../shared/contract/workspaceApi.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import { versionsWithTexts, versionTexts } from '../versionTexts.ts';
import type { Filters } from './params.ts';
import { AGENCY_TZ } from './rollup.ts';

const isoOf = (v: Date | string): string => new Date(v).toISOString();

/** First and last name, else the reference, else the code. */
export function displayName(c: {
  first_name: string | null;
  last_name: string | null;
  reference: string | null;
  code: string;
}): string {
  const name = [c.first_name, c.last_name].filter((x) => x).join(' ');
  return name || c.reference || c.code;
}

interface SummaryRow {
  id: string;
  code: string;
  reference: string | null;
  first_name: string | null;
  last_name: string | null;
  date_of_birth: string | null;
  gender: string | null;
  document_name: string | null;
  staff_id: string | null;
  staff_name: string | null;
  n: number;
  latest_id: string | null;
  latest_at: Date | string | null;
  latest_language: string | null;
  latest_dominant: string[] | null;
}

/** Newest measurement first (clients without one last), then newest client: the index clients_latest (migration 006). */
const LIST_ORDER = 'c.latest_at DESC NULLS LAST, c.created_at DESC, c.id';

/**
 * The summary of the clients `source` selects (rows of clients). Count, latest measurement and linked staff member
 * are the client's own columns (migration 019, kept by ingest, merge, split, erasure and triggers on client_links), so
 * a list reads one row per client and never the measurements table.
 */
const summarySql = (source: string): string => `
SELECT c.id::text AS id, c.code, c.reference, c.first_name, c.last_name, c.date_of_birth, c.gender, c.document_name,
  c.staff_id::text AS staff_id, u.name AS staff_name, c.measurement_count AS n, c.latest_id::text AS latest_id,
  c.latest_at, c.latest_language, c.latest_dominant
FROM (${source}) c
LEFT JOIN users u ON u.id = c.staff_id`;

const toSummary = (r: SummaryRow): ClientSummary => ({
  id: r.id,
  code: r.code,
  displayName: displayName(r),
  documentName: r.document_name,
  reference: r.reference,
  staff: r.staff_id && r.staff_name !== null ? { id: r.staff_id, name: r.staff_name } : null,
  measurementCount: r.n,
  latest:
    r.latest_id && r.latest_at !== null
      ? {
          measurementId: r.latest_id,
          completedAt: isoOf(r.latest_at),
          language: r.latest_language ?? '',
          dominant: r.latest_dominant ?? [],
        }
      : null,
});

/** Most clients a list returns; narrow with `q`. */
export const CLIENT_LIST_MAX = 1000;

/**
 * Clients newest measurement first; `staffId` keeps only those linked to that user, `q` searches names, code,
 * reference. The page of ids comes from the index on clients.latest_at (and the trigram index on search_text for
 * `q`); counts and the latest measurement are read for those rows only, so the list costs the same at any size.
 */
export async function listClients(
  db: Queryable,
  filter: { q: string | null; staffId: string | null },
): Promise<ClientSummary[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  let join = '';
  let order = LIST_ORDER;
  if (filter.staffId !== null) {
    params.push(filter.staffId);
    // The link carries its client's order keys (migration 006): the index client_links_staff_latest pages them.
    // Without a search the page of links is taken first, so the planner cannot choose to read every client.
    const links = `SELECT client_id, latest_at, client_created_at FROM client_links
      WHERE staff_id = $${params.length}::uuid`;
    const linkOrder = 'sl.latest_at DESC NULLS LAST, sl.client_created_at DESC, sl.client_id';
    join =
      filter.q === null
        ? `JOIN (${links} ORDER BY ${linkOrder.replaceAll('sl.', '')} LIMIT ${CLIENT_LIST_MAX}) sl ON sl.client_id = c.id`
        : `JOIN (${links}) sl ON sl.client_id = c.id`;
    order = linkOrder;
  }
  if (filter.q !== null) {
    params.push(`%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    where.push(`c.search_text ILIKE $${params.length}::text`);
  }
  const r = await db.query<SummaryRow>(
    `${summarySql(`
       SELECT c.* FROM clients c ${join}
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order} LIMIT ${CLIENT_LIST_MAX}`)}
     ORDER BY ${LIST_ORDER}`,
    params,
  );
  return r.rows.map(toSummary);
}

async function summaryRow(db: Queryable, id: string): Promise<SummaryRow | null> {
  const r = await db.query<SummaryRow>(summarySql('SELECT * FROM clients WHERE id = $1::uuid'), [
    id,
  ]);
  return r.rows[0] ?? null;
}

/** One client's list row, or null. */
export async function clientSummary(db: Queryable, id: string): Promise<ClientSummary | null> {
  const row = await summaryRow(db, id);
  return row ? toSummary(row) : null;
}

/** True when the client exists and is linked to this user. */
export async function isLinkedTo(
  db: Queryable,
  clientId: string,
  userId: string,
): Promise<boolean> {
  const r = await db.query(
    'SELECT 1 FROM client_links WHERE client_id = $1::uuid AND staff_id = $2::uuid',
    [clientId, userId],
  );
  return r.rows.length > 0;
}

/** True when the client exists. */
export async function clientExists(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM clients WHERE id = $1::uuid', [id])).rows.length > 0;
}

interface MeasurementDbRow {
  id: string;
  client_id: string;
  instrument_id: string;
  instrument_version: number;
  language: string;
  device_name: string;
  completed_at: Date | string;
  received_at: Date | string;
  server_profile: Profile;
  score_mismatch: boolean;
}

const measurementSql = (extra = ''): string => `
SELECT m.session_id::text AS id, m.client_id::text AS client_id, m.instrument_id, m.instrument_version, m.language,
  d.name AS device_name, m.completed_at, m.received_at, m.server_profile, m.score_mismatch${extra}
FROM measurements m JOIN devices d ON d.id = m.device_id`;

const toView = (r: MeasurementDbRow): MeasurementView => ({
  id: r.id,
  instrumentId: r.instrument_id,
  instrumentVersion: r.instrument_version,
  language: r.language,
  deviceName: r.device_name,
  completedAt: isoOf(r.completed_at),
  receivedAt: isoOf(r.received_at),
  profile: r.server_profile,
  scoreMismatch: r.score_mismatch,
});

interface JudgementRow {
  id: string;
  measurement_id: string;
  staff_id: string;
  staff_name: string;
  fit: Fit;
  client_fit: Fit | null;
  observed_posture: string | null;
  note: string;
  at: Date | string;
}

/** A judgement row as the contract shows it. */
export const toJudgement = (r: JudgementRow): Judgement => ({
  id: r.id,
  measurementId: r.measurement_id,
  staffId: r.staff_id,
  staffName: r.staff_name,
  fit: r.fit,
  clientFit: r.client_fit,
  observedPosture: r.observed_posture,
  note: r.note,
  at: isoOf(r.at),
});

/** SQL for judgements with the staff member's name; append a WHERE on `j` or `m`. */
export const JUDGEMENT = `
SELECT j.id::text AS id, j.measurement_id::text AS measurement_id, j.staff_id::text AS staff_id,
  u.name AS staff_name, j.fit, j.client_fit, j.observed_posture, j.note, j.at
FROM judgements j JOIN measurements m ON m.session_id = j.measurement_id JOIN users u ON u.id = j.staff_id`;

/** A client's page: details, every measurement oldest first (profiles, never answers), judgements. */
export async function clientDetail(
  db: Queryable,
  instruments: InstrumentRegistry,
  id: string,
): Promise<ClientDetail | null> {
  const row = await summaryRow(db, id);
  if (!row) return null;
  const ms = await db.query<MeasurementDbRow>(
    `${measurementSql()} WHERE m.client_id = $1::uuid ORDER BY m.completed_at, m.session_id`,
    [id],
  );
  const js = await db.query<JudgementRow>(
    `${JUDGEMENT} WHERE m.client_id = $1::uuid ORDER BY j.at, j.id`,
    [id],
  );
  const details: Record<string, string> = {};
  if (row.gender) details.gender = row.gender;
  if (row.first_name) details.firstName = row.first_name;
  if (row.last_name) details.lastName = row.last_name;
  if (row.date_of_birth) details.dateOfBirth = row.date_of_birth;
  if (row.document_name) details.documentName = row.document_name;
  const measurements = ms.rows.map(toView);
  return {
    client: toSummary(row),
    details,
    measurements,
    judgements: js.rows.map(toJudgement),
    instruments: await versionsWithTexts(db, instruments, measurements),
  };
}

/** SQL conditions for period and tablet filters on measurements `m`, starting at parameter `$first`. */
export function filterSql(f: Filters, first: number): { where: string; params: unknown[] } {
  return {
    // The agency's day boundaries as instants, so the completed_at indexes apply.
    where: `($${first}::date IS NULL
        OR m.completed_at >= ($${first}::date::timestamp AT TIME ZONE '${AGENCY_TZ}'))
      AND ($${first + 1}::date IS NULL
        OR m.completed_at < (($${first + 1}::date + 1)::timestamp AT TIME ZONE '${AGENCY_TZ}'))
      AND ($${first + 2}::uuid IS NULL OR m.device_id = $${first + 2}::uuid)`,
    params: [f.from, f.to, f.deviceId],
  };
}

/** The coordinator's measurement list, newest first, at most `limit` rows. */
export async function listMeasurements(
  db: Queryable,
  f: Filters,
  limit: number,
): Promise<MeasurementRow[]> {
  const { where, params } = filterSql(f, 1);
  const r = await db.query<{
    id: string;
    client_id: string;
    first_name: string | null;
    last_name: string | null;
    reference: string | null;
    code: string;
    device_name: string;
    language: string;
    completed_at: Date | string;
    dominant: string[];
  }>(
    `SELECT m.session_id::text AS id, c.id::text AS client_id, c.first_name, c.last_name, c.reference, c.code,
       d.name AS device_name, m.language, m.completed_at, m.server_profile->'dominant' AS dominant
     FROM measurements m JOIN clients c ON c.id = m.client_id JOIN devices d ON d.id = m.device_id
     WHERE ${where}
     ORDER BY m.completed_at DESC, m.session_id LIMIT ${limit}`,
    params,
  );
  return r.rows.map((x) => ({
    id: x.id,
    clientId: x.client_id,
    clientName: displayName(x),
    deviceName: x.device_name,
    language: x.language,
    completedAt: isoOf(x.completed_at),
    dominant: x.dominant,
  }));
}

/** The score a scale shows: percent (posture), value (role) or mean (desirability), null without enough answers. */
export function scaleScore(profile: Profile, scale: string): number | null {
  const p = profile.postures.find((x) => x.scale === scale);
  if (p) return p.percent;
  const r = profile.roles.find((x) => x.scale === scale);
  if (r) return r.value;
  return profile.desirability?.scale === scale ? profile.desirability.mean : null;
}

/** Every answer of one measurement grouped per scale of its instrument, with the scale's score; null when unknown. */
export async function answeredMeasurement(
  db: Queryable,
  instruments: InstrumentRegistry,
  id: string,
): Promise<AnsweredMeasurement | null> {
  const r = await db.query<MeasurementDbRow & { answers: Record<string, number> }>(
    `${measurementSql(', m.answers')} WHERE m.session_id = $1::uuid`,
    [id],
  );
  const row = r.rows[0];
  if (!row) return null;
  const instrument = await instruments.resolve(db, row.instrument_id, row.instrument_version);
  const items = instrument ? instrument.parts.flatMap((p) => p.items) : [];
  return {
    measurement: toView(row),
    clientId: row.client_id,
    instrument: instrument ? versionTexts(instruments, instrument) : null,
    scales: (instrument?.scales ?? []).map((s) => ({
      scale: s.id,
      kind: s.kind,
      score: scaleScore(row.server_profile, s.id),
      items: items
        .filter((i) => i.scale === s.id)
        .map((i) => ({ itemId: i.id, value: row.answers[i.id] ?? null })),
    })),
  };
}
