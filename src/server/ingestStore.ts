/**
 * The database half of ingest: one transaction per batch in five statements, whatever the batch size. Statements
 * touch rows by primary key or through an index, so a batch costs the same at 10,000 and at 1,000,000 measurements.
 *
 * 1. a transaction-scoped advisory lock on the tablet (its overlapping batches take turns), every session id and every
 *    person key (reference; name + date of birth), taken in one sorted order, so two tablets sending one person at
 *    once make one client and never deadlock;
 * 2. (no statement of its own: the tablet's last_seen_at is written by the read below)
 * 3. one read: which ids are stored (with their hash) or erased, and the clients the keys could match; it runs after
 *    the locks, in a statement of its own, so it sees what every earlier holder of them committed;
 * 4. matching in memory (src/shared/core/matching.ts);
 * 5. one write: new clients, the measurements with their client, clients' count and newest measurement (the list
 *    columns), the dashboard rollup.
 */
import { createHash } from 'node:crypto';
import type { CompletedRecord } from '../shared/core/session.ts';
import {
  CANDIDATES_SQL,
  candidateParams,
  personKeys,
  planClients,
  toClientKeys,
  type CandidateRow,
  type Incoming,
} from './clients/assign.ts';
import { rollupCtes } from './clients/rollup.ts';
import type { Queryable } from './db.ts';

/** A decrypted, checked record ready to store. */
export interface ReadyRecord {
  readonly record: CompletedRecord;
  readonly hash: string;
  readonly serverProfile: unknown;
  readonly mismatch: boolean;
  /** The answers as one character per item (src/shared/core/answerCodes.ts), for the quality page. */
  readonly answerCodes: string;
}

/** What became of one session id. */
export type StoreOutcome =
  | { readonly kind: 'stored' | 'duplicate'; readonly receivedAt: string }
  | { readonly kind: 'erased' }
  | { readonly kind: 'conflict' };

/** Thrown when the write did not insert what the locks promised; the caller retries the transaction. */
export class LostRace extends Error {
  readonly code = '40001';
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** A 64-bit advisory lock key for a text key (sha-256, first 8 bytes). */
function lockKey(key: string): bigint {
  return createHash('sha256').update(key).digest().readBigInt64BE(0);
}

const LOCK_SQL = `SELECT count(pg_advisory_xact_lock(k::bigint))::int AS n
  FROM jsonb_array_elements_text($1::jsonb) WITH ORDINALITY AS t(k, o)`;

/**
 * The read of step 3 ($1: session ids, $2–$4: candidate keys, as arrays, so the planner knows the batch is small and
 * reads by key; $5: now, $6: the tablet). Exported for the plan test (ingestPlans.test.ts).
 */
export const STATE_SQL = `WITH seen AS (UPDATE devices SET last_seen_at = $5::timestamptz WHERE id = $6::uuid RETURNING 1)
SELECT
  (SELECT COALESCE(json_agg(json_build_object('id', session_id, 'hash', body_hash, 'at', received_at)), '[]'::json)
     FROM measurements WHERE session_id = ANY($1::uuid[])) AS stored,
  (SELECT COALESCE(json_agg(session_id), '[]'::json)
     FROM tombstones WHERE session_id = ANY($1::uuid[])) AS erased,
  (SELECT COALESCE(json_agg(k), '[]'::json) FROM (${CANDIDATES_SQL(2)}) k) AS candidates`;

const MEASUREMENT_COLUMNS = `session_id uuid, client_id uuid, instrument_id text, instrument_version integer,
  language text, reference text, details jsonb, answers jsonb, answered_at jsonb, client_profile jsonb,
  server_profile jsonb, score_mismatch boolean, body_hash text, started_at timestamptz, consent_at timestamptz,
  completed_at timestamptz, languages_used jsonb, answer_codes text`;

/** True when the batch's newest measurement `b` is newer than client `c`'s. */
const NEWER =
  '(c.latest_id IS NULL OR (b.completed_at, b.session_id) > (c.latest_at, c.latest_id))';

/**
 * The write of step 5 ($1: new clients, $2: now, $3: measurement rows, $4: the tablet, $5: the batch's clients that
 * existed before it). Exported for the plan test (ingestPlans.test.ts).
 */
export const WRITE_SQL = `WITH new_clients AS (
  INSERT INTO clients (id, code, reference, reference_key, first_name, last_name, name_key, date_of_birth, gender,
    document_name, created_at, latest_at, latest_id, latest_language, latest_dominant, measurement_count)
  SELECT id, code, reference, "referenceKey", "firstName", "lastName", "nameKey", "dateOfBirth", gender,
    "documentName", $2::timestamptz, "latestAt", "latestId", "latestLanguage", "latestDominant", "measurementCount"
  FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, code text, reference text, "referenceKey" text, "firstName" text,
    "lastName" text, "nameKey" text, "dateOfBirth" text, gender text, "documentName" text, "latestAt" timestamptz,
    "latestId" uuid, "latestLanguage" text, "latestDominant" jsonb, "measurementCount" integer)
  RETURNING id
), ins AS (
  INSERT INTO measurements (session_id, device_id, instrument_id, instrument_version, language, reference, details,
    answers, answered_at, client_profile, server_profile, score_mismatch, body_hash, started_at, consent_at,
    completed_at, received_at, languages_used, client_id, answer_codes)
  SELECT x.session_id, $4::uuid, x.instrument_id, x.instrument_version, x.language, x.reference, x.details,
    x.answers, x.answered_at, x.client_profile, x.server_profile, x.score_mismatch, x.body_hash, x.started_at,
    x.consent_at, x.completed_at, $2::timestamptz, x.languages_used, x.client_id, x.answer_codes
  FROM jsonb_to_recordset($3::jsonb) AS x(${MEASUREMENT_COLUMNS})
  ORDER BY x.session_id
  ON CONFLICT (session_id) DO NOTHING
  RETURNING session_id, device_id, completed_at, server_profile, client_id, language
), batch_latest AS (
  SELECT DISTINCT ON (client_id) client_id, session_id, completed_at, language, server_profile->'dominant' AS dominant,
    count(*) OVER (PARTITION BY client_id)::int AS n
  FROM ins ORDER BY client_id, completed_at DESC, session_id DESC
), latest AS (
  -- Clients that existed before this batch (new ones got theirs in new_clients): the count grows, and the newest
  -- measurement changes when one of the batch is newer (by completion, then session id, as the lists order them).
  -- $5 lists those clients, so they are read by key (joined to the batch instead, every client was read: the
  -- planner guesses 100 rows for a jsonb recordset, and a batch of new clients only has none to update).
  UPDATE clients c SET measurement_count = c.measurement_count + b.n,
    latest_at = CASE WHEN ${NEWER} THEN b.completed_at ELSE c.latest_at END,
    latest_id = CASE WHEN ${NEWER} THEN b.session_id ELSE c.latest_id END,
    latest_language = CASE WHEN ${NEWER} THEN b.language ELSE c.latest_language END,
    latest_dominant = CASE WHEN ${NEWER} THEN b.dominant ELSE c.latest_dominant END
  FROM batch_latest b
  WHERE c.id = b.client_id AND c.id = ANY($5::uuid[])
  RETURNING c.id
), ${rollupCtes('SELECT device_id, completed_at, server_profile FROM ins', '1')}
SELECT session_id::text AS id FROM ins`;

const incomingOf = (r: ReadyRecord): Incoming => ({
  sessionId: r.record.sessionId.toLowerCase(),
  reference: r.record.reference,
  details: r.record.details,
});

function measurementRow(r: ReadyRecord, clientId: string): Record<string, unknown> {
  const rec = r.record;
  return {
    session_id: rec.sessionId.toLowerCase(),
    client_id: clientId,
    instrument_id: rec.instrumentId,
    instrument_version: rec.instrumentVersion,
    language: rec.language,
    reference: rec.reference,
    details: rec.details,
    answers: rec.answers,
    answered_at: rec.answeredAt,
    client_profile: rec.profile,
    server_profile: r.serverProfile,
    score_mismatch: r.mismatch,
    body_hash: r.hash,
    started_at: iso(rec.startedAt),
    consent_at: rec.consentAt === null ? null : iso(rec.consentAt),
    completed_at: iso(rec.completedAt),
    languages_used: rec.languagesUsed,
    answer_codes: r.answerCodes,
  };
}

/** A new client's count and newest measurement among the batch's rows (the same order as the WRITE_SQL update). */
function newestOf(
  fresh: readonly ReadyRecord[],
  rows: readonly Record<string, unknown>[],
  clientId: string,
): Record<string, unknown> {
  let newest: ReadyRecord | null = null;
  let count = 0;
  fresh.forEach((r, i) => {
    if (rows[i]?.client_id !== clientId) return;
    count += 1;
    const id = r.record.sessionId.toLowerCase();
    if (
      newest === null ||
      r.record.completedAt > newest.record.completedAt ||
      (r.record.completedAt === newest.record.completedAt &&
        id > newest.record.sessionId.toLowerCase())
    )
      newest = r;
  });
  const n = newest as ReadyRecord | null;
  return {
    measurementCount: count,
    latestAt: n ? iso(n.record.completedAt) : null,
    latestId: n ? n.record.sessionId.toLowerCase() : null,
    latestLanguage: n ? n.record.language : null,
    latestDominant: n ? ((n.serverProfile as { dominant?: unknown }).dominant ?? null) : null,
  };
}

/**
 * Stores records with distinct session ids from one tablet in the open transaction `tx`; an outcome per id. Run it
 * through retryTransient: a deadlock, serialisation failure or a client code taken meanwhile means "again".
 */
export async function storeRecords(
  tx: Queryable,
  records: readonly ReadyRecord[],
  deviceId: string,
  receivedAt: string,
): Promise<Map<string, StoreOutcome>> {
  const outcomes = new Map<string, StoreOutcome>();
  if (records.length === 0) {
    await tx.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [deviceId, receivedAt]);
    return outcomes;
  }
  const incoming = records.map(incomingOf);
  const ids = incoming.map((m) => m.sessionId);
  const keys = [`d:${deviceId}`, ...ids.map((id) => `s:${id}`), ...incoming.flatMap(personKeys)];
  const locks = [...new Set(keys.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await tx.query(LOCK_SQL, [JSON.stringify(locks.map(String))]);

  const state = (
    await tx.query<{
      stored: { id: string; hash: string; at: string }[];
      erased: string[];
      candidates: CandidateRow[];
    }>(STATE_SQL, [ids, ...candidateParams(incoming), receivedAt, deviceId])
  ).rows[0];
  const stored = new Map((state?.stored ?? []).map((s) => [s.id, s]));
  const erased = new Set(state?.erased ?? []);
  const fresh: ReadyRecord[] = [];
  records.forEach((r, i) => {
    const id = ids[i] ?? '';
    const old = stored.get(id);
    if (erased.has(id)) outcomes.set(id, { kind: 'erased' });
    else if (!old) fresh.push(r);
    else if (old.hash !== r.hash) outcomes.set(id, { kind: 'conflict' });
    else outcomes.set(id, { kind: 'duplicate', receivedAt: iso(Date.parse(old.at)) });
  });
  if (fresh.length === 0) return outcomes;

  const now = Date.parse(receivedAt);
  const { pairs, created } = planClients(
    fresh.map(incomingOf),
    toClientKeys(state?.candidates ?? []),
    now,
  );
  const clientOf = new Map(pairs.map((p) => [p.s, p.c]));
  const rows = fresh.map((r) => measurementRow(r, clientOf.get(incomingOf(r).sessionId) ?? ''));
  const createdIds = new Set(created.map((c) => c.id));
  const existing = [...new Set(clientOf.values())].filter((id) => !createdIds.has(id));
  const inserted = await tx.query<{ id: string }>(WRITE_SQL, [
    JSON.stringify(created.map((c) => ({ ...c, ...newestOf(fresh, rows, c.id) }))),
    receivedAt,
    JSON.stringify(rows),
    deviceId,
    existing,
  ]);
  // The session locks keep every other ingest away from these ids, so anything missing lost a race elsewhere.
  if (inserted.rows.length !== fresh.length) throw new LostRace('a session was stored meanwhile');
  for (const row of inserted.rows) outcomes.set(row.id, { kind: 'stored', receivedAt });
  return outcomes;
}
