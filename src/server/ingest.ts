/** Storing a batch of sealed sessions: decrypt, validate, re-score, insert once; every outcome is a receipt or a rejection. */
import { createHash } from 'node:crypto';
import { isAnswerValue, itemsInOrder } from '../shared/core/instrument.ts';
import { scoreAnswers, type ScoringSettings } from '../shared/core/scoring.ts';
import type { CompletedRecord } from '../shared/core/session.ts';
import { validateCompletedRecord } from '../shared/contract/recordCheck.ts';
import { canonicalJson, type SealedSession } from '../shared/contract/wire.ts';
import { assignClients } from './clients/assign.ts';
import { addToRollup } from './clients/rollup.ts';
import { unsealOnServer } from './crypto/unseal.ts';
import type { SyncReceipt, SyncRejection, SyncResponse } from '../shared/contract/protocol.ts';
import type { PrivateKeys } from './crypto/keys.ts';
import type { Db, Queryable } from './db.ts';
import type { InstrumentRegistry } from './instruments.ts';

/** What ingest needs from the server. */
export interface IngestContext {
  readonly db: Db;
  readonly keys: PrivateKeys;
  readonly instruments: InstrumentRegistry;
  readonly scoring: ScoringSettings;
  readonly now: number;
}

interface Ready {
  readonly record: CompletedRecord;
  readonly hash: string;
  readonly serverProfile: unknown;
  readonly mismatch: boolean;
}

const reject = (
  s: SealedSession,
  status: SyncRejection['status'],
  error: string,
  message: string,
): SyncRejection => ({ sessionId: s.sessionId, status, error, message });

/** Checks one session without touching the database (apart from reading its key). */
async function open(ctx: IngestContext, s: SealedSession): Promise<Ready | SyncRejection> {
  const instrument = ctx.instruments.get(s.instrumentId, s.instrumentVersion);
  if (!instrument)
    return reject(
      s,
      422,
      'unknown_instrument',
      `instrument ${s.instrumentId}@${s.instrumentVersion} is not known to this server`,
    );
  const key = await ctx.keys.get(s.keyId);
  if (!key) return reject(s, 422, 'unknown_key', `server key ${s.keyId} is not known`);
  let plain: unknown;
  try {
    plain = unsealOnServer(s, key);
  } catch {
    return reject(
      s,
      422,
      'decrypt_failed',
      'the session could not be decrypted (wrong key or altered)',
    );
  }
  const checked = validateCompletedRecord(plain);
  if (!checked.ok) return reject(s, 422, 'invalid_record', checked.error);
  const record = checked.value;
  if (
    record.sessionId.toLowerCase() !== s.sessionId.toLowerCase() ||
    record.instrumentId !== s.instrumentId ||
    record.instrumentVersion !== s.instrumentVersion
  )
    return reject(s, 422, 'invalid_record', 'the record does not match its envelope');
  const items = new Set(itemsInOrder(instrument).map(({ item }) => item.id));
  for (const [id, value] of Object.entries(record.answers)) {
    if (!items.has(id)) return reject(s, 422, 'invalid_record', `answers.${id} is not an item`);
    if (!isAnswerValue(instrument, value))
      return reject(s, 422, 'invalid_record', `answers.${id} is not on the answer scale`);
  }
  const serverProfile = scoreAnswers(instrument, record.answers, ctx.scoring);
  return {
    record,
    hash: createHash('sha256').update(canonicalJson(record)).digest('hex'),
    serverProfile,
    mismatch: canonicalJson(serverProfile) !== canonicalJson(record.profile),
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOf = (v: Date | string): string => new Date(v).toISOString();

const JSONB_COLUMNS = new Set([6, 7, 8, 9, 10, 17]);

function rowOf(deviceId: string, r: Ready, receivedAt: string): unknown[] {
  const rec = r.record;
  return [
    rec.sessionId.toLowerCase(),
    deviceId,
    rec.instrumentId,
    rec.instrumentVersion,
    rec.language,
    rec.reference,
    JSON.stringify(rec.details),
    JSON.stringify(rec.answers),
    JSON.stringify(rec.answeredAt),
    JSON.stringify(rec.profile),
    JSON.stringify(r.serverProfile),
    r.mismatch,
    r.hash,
    iso(rec.startedAt),
    rec.consentAt === null ? null : iso(rec.consentAt),
    iso(rec.completedAt),
    receivedAt,
    JSON.stringify(rec.languagesUsed),
  ];
}

/**
 * Inserts the ready sessions in one statement (ON CONFLICT DO NOTHING), then reads back the stored hash of every id:
 * inserted by this statement → stored; same hash → duplicate with the first receipt; other hash → 409. Concurrent
 * requests for one id are settled by the primary key, never by an error.
 */
async function store(
  tx: Queryable,
  ready: readonly { s: SealedSession; r: Ready }[],
  deviceId: string,
  receivedAt: string,
): Promise<(SyncReceipt | SyncRejection)[]> {
  if (ready.length === 0) return [];
  const ids = JSON.stringify(ready.map(({ r }) => r.record.sessionId.toLowerCase()));
  const erased = await tx.query<{ id: string }>(
    `SELECT session_id::text AS id FROM tombstones
     WHERE session_id::text IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [ids],
  );
  const gone = new Set(erased.rows.map((x) => x.id));
  const live = ready.filter(({ r }) => !gone.has(r.record.sessionId.toLowerCase()));
  const params: unknown[] = [];
  const values = live.map(({ r }) => {
    const row = rowOf(deviceId, r, receivedAt);
    const n = params.length;
    params.push(...row);
    return `(${row.map((_, k) => `$${n + k + 1}${JSONB_COLUMNS.has(k) ? '::jsonb' : ''}`).join(', ')})`;
  });
  const inserted = new Set<string>();
  if (values.length > 0) {
    const r = await tx.query<{ id: string }>(
      `INSERT INTO measurements (session_id, device_id, instrument_id, instrument_version, language, reference,
         details, answers, answered_at, client_profile, server_profile, score_mismatch, body_hash,
         started_at, consent_at, completed_at, received_at, languages_used)
       VALUES ${values.join(', ')}
       ON CONFLICT (session_id) DO NOTHING RETURNING session_id::text AS id`,
      params,
    );
    for (const row of r.rows) inserted.add(row.id);
    // Same transaction: a stored measurement always has its client and counts on the dashboard.
    const fresh = live.filter(({ r: x }) => inserted.has(x.record.sessionId.toLowerCase()));
    await assignClients(
      tx,
      fresh.map(({ r: x }) => ({
        sessionId: x.record.sessionId.toLowerCase(),
        reference: x.record.reference,
        details: x.record.details,
      })),
      Date.parse(receivedAt),
    );
    await addToRollup(tx, [...inserted]);
  }
  const stored = await tx.query<{ id: string; body_hash: string; received_at: Date | string }>(
    `SELECT session_id::text AS id, body_hash, received_at FROM measurements
     WHERE session_id::text IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [ids],
  );
  const byId = new Map(stored.rows.map((row) => [row.id, row]));
  return ready.map(({ s, r }): SyncReceipt | SyncRejection => {
    const id = r.record.sessionId.toLowerCase();
    if (gone.has(id))
      return reject(
        s,
        410,
        'erased',
        'this session was erased on request; delete it from the tablet',
      );
    const row = byId.get(id);
    if (!row || row.body_hash !== r.hash)
      return reject(
        s,
        409,
        'conflict',
        'a different record with this session id is already stored',
      );
    if (inserted.delete(id)) return { sessionId: s.sessionId, status: 'stored', receivedAt };
    return { sessionId: s.sessionId, status: 'duplicate', receivedAt: isoOf(row.received_at) };
  });
}

/** Handles one sync request from `deviceId`; the result has one entry per session, in order of the lists. */
export async function ingestBatch(
  ctx: IngestContext,
  deviceId: string,
  sessions: readonly SealedSession[],
): Promise<SyncResponse> {
  const ids = JSON.stringify(sessions.map((s) => s.sessionId.toLowerCase()));
  const erased = await ctx.db.query<{ id: string }>(
    `SELECT session_id::text AS id FROM tombstones
     WHERE session_id::text IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [ids],
  );
  const gone = new Set(erased.rows.map((r) => r.id));
  const opened = await Promise.all(
    sessions.map((s) =>
      gone.has(s.sessionId.toLowerCase())
        ? Promise.resolve(
            reject(
              s,
              410,
              'erased',
              'this session was erased on request; delete it from the tablet',
            ),
          )
        : open(ctx, s),
    ),
  );
  const receivedAt = iso(ctx.now);
  const ready = sessions.flatMap((s, i) => {
    const r = opened[i];
    return r && !('status' in r) ? [{ s, r }] : [];
  });
  const stored = await ctx.db.transaction(async (tx) => {
    const out = await store(tx, ready, deviceId, receivedAt);
    await tx.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [deviceId, receivedAt]);
    return out;
  });
  const outcomes = opened.map((o) => (o && 'status' in o ? o : stored.shift()));
  const receipts: SyncReceipt[] = [];
  const rejected: SyncRejection[] = [];
  for (const o of outcomes) {
    if (!o) continue;
    if (typeof o.status === 'number') rejected.push(o);
    else receipts.push(o);
  }
  return { receipts, rejected };
}
