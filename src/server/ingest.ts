/**
 * Storing a batch of sealed sessions: decrypt, validate, re-score, insert once; every outcome is a receipt or a
 * rejection, and each session succeeds or fails on its own (issue 11 §2). Only a malformed envelope fails the whole
 * batch, and that is decided before this module (400 in api.ts). Decrypting, validating and re-scoring run on the
 * worker pool (ingestPool.ts), one task per request; this module does the lookups and the SQL.
 */
import type { KeyObject } from 'node:crypto';
import type { ScoringSettings } from '../shared/core/scoring.ts';
import { restoreSettings } from '../shared/core/settings.ts';
import type { Instrument } from '../shared/core/instrument.ts';
import type { SealedSession } from '../shared/contract/wire.ts';
import type { SyncReceipt, SyncRejection, SyncResponse } from '../shared/contract/protocol.ts';
import { privateKeyObject } from './crypto/unseal.ts';
import type { PrivateKeys } from './crypto/keys.ts';
import type { Db } from './db.ts';
import { rescore, type OpenTask, type Opened, type Refused } from './ingestOpen.ts';
import { openInPool } from './ingestPool.ts';
import { storeRecords, type ReadyRecord, type StoreOutcome } from './ingestStore.ts';
import type { InstrumentRegistry } from './instruments.ts';
import { retryTransient, sqlState } from './retryTransient.ts';
import { knownScorings, learnScorings } from './settingsStore.ts';

/** What ingest needs from the server. */
export interface IngestContext {
  readonly db: Db;
  readonly keys: PrivateKeys;
  readonly instruments: InstrumentRegistry;
  /** Worker threads that open sessions (INGEST_WORKERS); 0 opens them on the event loop. */
  readonly ingestThreads: number;
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

/** Erased ids among the batch (by primary key; checked again inside the transaction) and today's settings, in one read. */
export const BEFORE_SQL = `SELECT
  (SELECT COALESCE(json_agg(session_id::text), '[]'::json) FROM tombstones
    WHERE session_id = ANY($1::uuid[])) AS erased,
  (SELECT value FROM agency_settings WHERE id = 1) AS settings`;

/**
 * Opens the sessions that are not erased: instrument and key are looked up here (an unknown one is that session's
 * 422), the rest runs as one task on the pool. A record is scored with the settings version the tablet ran under, so
 * both sides use the same threshold; with today's settings when it names no version (older tablets) or one never saved.
 */
async function openAll(
  ctx: IngestContext,
  sessions: readonly SealedSession[],
  gone: ReadonlySet<string>,
  todaySettings: unknown,
): Promise<(ReadyRecord | SyncRejection)[]> {
  const out: (ReadyRecord | SyncRejection | null)[] = [];
  const instruments: Instrument[] = [];
  const instrumentIndex = new Map<Instrument, number>();
  const keys = new Map<string, KeyObject>();
  const work: { sealed: SealedSession; instrument: number }[] = [];
  const slots: number[] = [];
  for (const s of sessions) {
    if (gone.has(s.sessionId.toLowerCase())) {
      out.push(reject(s, 410, 'erased', ERASED));
      continue;
    }
    // A version loaded through another instance is read from the database on first sight.
    const instrument = await ctx.instruments.resolve(ctx.db, s.instrumentId, s.instrumentVersion);
    if (!instrument) {
      out.push(
        reject(
          s,
          422,
          'unknown_instrument',
          `instrument ${s.instrumentId}@${s.instrumentVersion} is not known to this server`,
        ),
      );
      continue;
    }
    if (!keys.has(s.keyId)) {
      const key = await ctx.keys.get(s.keyId);
      if (key) keys.set(s.keyId, privateKeyObject(key));
    }
    if (!keys.has(s.keyId)) {
      out.push(reject(s, 422, 'unknown_key', `server key ${s.keyId} is not known`));
      continue;
    }
    let at = instrumentIndex.get(instrument);
    if (at === undefined) {
      at = instruments.push(instrument) - 1;
      instrumentIndex.set(instrument, at);
    }
    slots.push(out.length);
    out.push(null);
    work.push({ sealed: s, instrument: at });
  }
  const today = restoreSettings(todaySettings ?? {}).scoring;
  const task: OpenTask = {
    sessions: work,
    instruments,
    keys,
    today,
    versions: [...knownScorings(ctx.db)],
  };
  const opened = await openInPool(task, ctx.ingestThreads);
  // Settings versions this process had not read yet: read once, then scored here (the next request scores on the pool).
  const unscored = opened.flatMap((o) => ('record' in o && !o.scored ? [o.record] : []));
  if (unscored.length > 0)
    await learnScorings(
      ctx.db,
      unscored.map((r) => r.settingsVersion ?? 0),
    );
  const known = knownScorings(ctx.db);
  opened.forEach((o, i) => {
    const w = work[i];
    const slot = slots[i];
    if (!w || slot === undefined) return;
    out[slot] = ready(w.sealed, o, instruments[w.instrument], (v) => known.get(v) ?? today);
  });
  return out.map((o, i) => o ?? reject(sessions[i]!, 422, 'invalid_record', 'not opened'));
}

/** A worker's answer as a ready record or a 422; scores an unscored record with the scoring of its version. */
function ready(
  s: SealedSession,
  o: Opened | Refused,
  instrument: Instrument | undefined,
  scoringOf: (version: number) => ScoringSettings,
): ReadyRecord | SyncRejection {
  if ('refused' in o) return reject(s, 422, o.refused.error, o.refused.message);
  const scored =
    o.scored ??
    (instrument ? rescore(instrument, o.record, scoringOf(o.record.settingsVersion ?? 0)) : null);
  if (!scored) return reject(s, 422, 'invalid_record', 'the record could not be scored');
  return {
    record: o.record,
    hash: o.hash,
    answerCodes: o.answerCodes,
    serverProfile: scored.serverProfile,
    mismatch: scored.mismatch,
  };
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
  // Erased sessions are answered without decrypting them.
  const before = (
    await ctx.db.query<{ erased: string[] | string; settings: unknown }>(BEFORE_SQL, [
      sessions.map((s) => s.sessionId.toLowerCase()),
    ])
  ).rows[0];
  const erased =
    typeof before?.erased === 'string' ? (JSON.parse(before.erased) as string[]) : before?.erased;
  const opened = await openAll(ctx, sessions, new Set(erased ?? []), before?.settings);
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
