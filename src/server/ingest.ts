/**
 * Storing a batch of sealed sessions: decrypt, validate, re-score, insert once; every outcome is a receipt or a
 * rejection, and each session succeeds or fails on its own (issue 11 §2). Only a malformed envelope fails the whole
 * batch, and that is decided before this module (400 in api.ts).
 */
import { createHash } from 'node:crypto';
import { answerCodes } from '../shared/core/answerCodes.ts';
import { isAnswerValue, itemsInOrder } from '../shared/core/instrument.ts';
import { scoreAnswers, type ScoringSettings } from '../shared/core/scoring.ts';
import { validateCompletedRecord } from '../shared/contract/recordCheck.ts';
import { canonicalJson, type SealedSession } from '../shared/contract/wire.ts';
import { unsealOnServer } from './crypto/unseal.ts';
import type { SyncReceipt, SyncRejection, SyncResponse } from '../shared/contract/protocol.ts';
import type { PrivateKeys } from './crypto/keys.ts';
import type { Db } from './db.ts';
import { storeRecords, type ReadyRecord, type StoreOutcome } from './ingestStore.ts';
import type { InstrumentRegistry } from './instruments.ts';
import { retryTransient, sqlState } from './retryTransient.ts';
import { unstorable } from './storableRecord.ts';

/** What ingest needs from the server. */
export interface IngestContext {
  readonly db: Db;
  readonly keys: PrivateKeys;
  readonly instruments: InstrumentRegistry;
  /** The scoring of the settings version a record names (see `scoringLookup`). */
  readonly scoringFor: (settingsVersion: number | undefined) => Promise<ScoringSettings>;
  readonly now: number;
}

const reject = (
  s: SealedSession,
  status: SyncRejection['status'],
  error: string,
  message: string,
): SyncRejection => ({ sessionId: s.sessionId, status, error, message });

const ERASED = 'this session was erased on request; delete it from the tablet';
const CONFLICT = 'a different record with this session id is already stored';

/** Checks one session without touching the database (apart from reading its key). */
async function open(ctx: IngestContext, s: SealedSession): Promise<ReadyRecord | SyncRejection> {
  // A version loaded through another instance is read from the database on first sight.
  const instrument = await ctx.instruments.resolve(ctx.db, s.instrumentId, s.instrumentVersion);
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
  const problem = unstorable(record);
  if (problem) return reject(s, 422, 'invalid_record', problem);
  const items = new Set(itemsInOrder(instrument).map(({ item }) => item.id));
  for (const [id, value] of Object.entries(record.answers)) {
    if (!items.has(id)) return reject(s, 422, 'invalid_record', `answers.${id} is not an item`);
    if (!isAnswerValue(instrument, value))
      return reject(s, 422, 'invalid_record', `answers.${id} is not on the answer scale`);
  }
  const scoring = await ctx.scoringFor(record.settingsVersion);
  const serverProfile = scoreAnswers(instrument, record.answers, scoring);
  return {
    record,
    hash: createHash('sha256').update(canonicalJson(record)).digest('hex'),
    serverProfile,
    mismatch: canonicalJson(serverProfile) !== canonicalJson(record.profile),
    answerCodes: answerCodes(instrument, record.answers),
  };
}

/** Anything unexpected while opening one session is that session's problem, never the batch's. */
async function openAlone(
  ctx: IngestContext,
  s: SealedSession,
): Promise<ReadyRecord | SyncRejection> {
  try {
    return await open(ctx, s);
  } catch (e) {
    return reject(
      s,
      422,
      'invalid_record',
      `the record could not be read: ${(e as Error).message}`,
    );
  }
}

/** A value the database refused (class 22: data exception; 23502/23514: not null, check). */
const isDataError = (e: unknown): boolean => {
  const state = sqlState(e) ?? '';
  return state.startsWith('22') || state === '23502' || state === '23514';
};

type Outcome = StoreOutcome | { readonly kind: 'invalid'; readonly message: string };

const storeInTransaction = (
  db: Db,
  records: readonly ReadyRecord[],
  deviceId: string,
  at: string,
) =>
  retryTransient(() => db.transaction((tx) => storeRecords(tx, records, deviceId, at)), {
    retryOnUnique: ['clients_code_key'],
  });

/**
 * Stores the records in one transaction; if the database refuses a value anyway, each record is stored in its own
 * transaction, so only the one it refuses is rejected (422).
 */
async function storeAll(
  db: Db,
  records: readonly ReadyRecord[],
  deviceId: string,
  at: string,
): Promise<Map<string, Outcome>> {
  try {
    return await storeInTransaction(db, records, deviceId, at);
  } catch (e) {
    if (!isDataError(e)) throw e;
  }
  const out = new Map<string, Outcome>();
  for (const r of records) {
    try {
      for (const [id, o] of await storeInTransaction(db, [r], deviceId, at)) out.set(id, o);
    } catch (e) {
      if (!isDataError(e)) throw e;
      out.set(r.record.sessionId.toLowerCase(), {
        kind: 'invalid',
        message: 'the record holds a value the database cannot store',
      });
    }
  }
  return out;
}

function answer(
  s: SealedSession,
  o: Outcome | undefined,
  first: boolean,
): SyncReceipt | SyncRejection {
  switch (o?.kind) {
    case 'stored':
    case 'duplicate':
      return {
        sessionId: s.sessionId,
        status: first ? o.kind : 'duplicate',
        receivedAt: o.receivedAt,
      };
    case 'erased':
      return reject(s, 410, 'erased', ERASED);
    case 'conflict':
      return reject(s, 409, 'conflict', CONFLICT);
    case 'invalid':
      return reject(s, 422, 'invalid_record', o.message);
    default:
      throw new Error(`no outcome for session ${s.sessionId}`);
  }
}

/** Handles one sync request from `deviceId`; the result has one entry per session, in order of the lists. */
export async function ingestBatch(
  ctx: IngestContext,
  deviceId: string,
  sessions: readonly SealedSession[],
): Promise<SyncResponse> {
  // Erased sessions are answered without decrypting them (by primary key; checked again inside the transaction).
  const erased = await ctx.db.query<{ id: string }>(
    `SELECT session_id::text AS id FROM tombstones
     WHERE session_id IN (SELECT (jsonb_array_elements_text($1::jsonb))::uuid)`,
    [JSON.stringify(sessions.map((s) => s.sessionId.toLowerCase()))],
  );
  const gone = new Set(erased.rows.map((r) => r.id));
  const opened = await Promise.all(
    sessions.map((s) =>
      gone.has(s.sessionId.toLowerCase())
        ? Promise.resolve(reject(s, 410, 'erased', ERASED))
        : openAlone(ctx, s),
    ),
  );
  // One session id is handled once, however often a batch carries it.
  const firsts = new Map<string, ReadyRecord>();
  for (const o of opened)
    if (!('status' in o)) {
      const id = o.record.sessionId.toLowerCase();
      if (!firsts.has(id)) firsts.set(id, o);
    }
  const receivedAt = new Date(ctx.now).toISOString();
  const outcomes = await storeAll(ctx.db, [...firsts.values()], deviceId, receivedAt);
  const answered = new Set<string>();
  const receipts: SyncReceipt[] = [];
  const rejected: SyncRejection[] = [];
  sessions.forEach((s, i) => {
    const o = opened[i];
    if (!o) return;
    let result: SyncReceipt | SyncRejection;
    if ('status' in o) result = o;
    else {
      const id = o.record.sessionId.toLowerCase();
      const first = firsts.get(id);
      if (first !== o && first?.hash !== o.hash) result = reject(s, 409, 'conflict', CONFLICT);
      else {
        result = answer(s, outcomes.get(id), !answered.has(id));
        answered.add(id);
      }
    }
    if ('error' in result) rejected.push(result);
    else receipts.push(result);
  });
  return { receipts, rejected };
}
