/**
 * The CPU half of ingest: decrypt, validate, hash and re-score the sessions of one request. Pure and synchronous, so it
 * runs the same on a worker thread (ingestPool.ts) as inline; nothing here touches the database.
 */
import { createHash, type KeyObject } from 'node:crypto';
import { answerCodes } from '../shared/core/answerCodes.ts';
import { isAnswerValue, itemsInOrder, type Instrument } from '../shared/core/instrument.ts';
import { scoreAnswers, type Profile, type ScoringSettings } from '../shared/core/scoring.ts';
import type { CompletedRecord } from '../shared/core/session.ts';
import { validateCompletedRecord } from '../shared/contract/recordCheck.ts';
import { canonicalJson, type SealedSession } from '../shared/contract/wire.ts';
import { unsealOnServer } from './crypto/unseal.ts';
import { unstorable } from './storableRecord.ts';

/** One request's sessions with everything needed to open them, as it crosses to a worker thread. */
export interface OpenTask {
  readonly sessions: readonly {
    readonly sealed: SealedSession;
    /** Index into `instruments` of the envelope's instrument. */
    readonly instrument: number;
  }[];
  readonly instruments: readonly Instrument[];
  /** Private keys by key id (a Map: a key id such as "constructor" finds nothing; KeyObjects cross threads). */
  readonly keys: ReadonlyMap<string, KeyObject>;
  /** The scoring of records that name no settings version (today's). */
  readonly today: ScoringSettings;
  /** The scoring of settings versions known to be stored; a record naming another version comes back unscored. */
  readonly versions: readonly (readonly [number, ScoringSettings])[];
}

/** A session that decrypted and passed every check; `profile` is null when its settings version was not in the task. */
export interface Opened {
  readonly record: CompletedRecord;
  readonly hash: string;
  readonly answerCodes: string;
  readonly scored: { readonly serverProfile: Profile; readonly mismatch: boolean } | null;
}

/** Why a session cannot be stored (always 422). */
export interface Refused {
  readonly refused: { readonly error: string; readonly message: string };
}

const refuse = (error: string, message: string): Refused => ({ refused: { error, message } });

/** The server's profile of `record` and whether the tablet's own profile differs from it. */
export function rescore(
  instrument: Instrument,
  record: CompletedRecord,
  scoring: ScoringSettings,
): { serverProfile: Profile; mismatch: boolean } {
  const serverProfile = scoreAnswers(instrument, record.answers, scoring);
  return {
    serverProfile,
    mismatch: canonicalJson(serverProfile) !== canonicalJson(record.profile),
  };
}

function openOne(
  task: OpenTask,
  sealed: SealedSession,
  instrument: Instrument,
  versions: ReadonlyMap<number, ScoringSettings>,
): Opened | Refused {
  const key = task.keys.get(sealed.keyId);
  if (!key) throw new Error(`no key ${sealed.keyId} in the task`);
  let plain: unknown;
  try {
    plain = unsealOnServer(sealed, key);
  } catch {
    return refuse('decrypt_failed', 'the session could not be decrypted (wrong key or altered)');
  }
  const checked = validateCompletedRecord(plain);
  if (!checked.ok) return refuse('invalid_record', checked.error);
  const record = checked.value;
  if (
    record.sessionId.toLowerCase() !== sealed.sessionId.toLowerCase() ||
    record.instrumentId !== sealed.instrumentId ||
    record.instrumentVersion !== sealed.instrumentVersion
  )
    return refuse('invalid_record', 'the record does not match its envelope');
  const problem = unstorable(record);
  if (problem) return refuse('invalid_record', problem);
  const items = new Set(itemsInOrder(instrument).map(({ item }) => item.id));
  for (const [id, value] of Object.entries(record.answers)) {
    if (!items.has(id)) return refuse('invalid_record', `answers.${id} is not an item`);
    if (!isAnswerValue(instrument, value))
      return refuse('invalid_record', `answers.${id} is not on the answer scale`);
  }
  const v = record.settingsVersion;
  const scoring = v === undefined ? task.today : versions.get(v);
  return {
    record,
    hash: createHash('sha256').update(canonicalJson(record)).digest('hex'),
    answerCodes: answerCodes(instrument, record.answers),
    scored: scoring ? rescore(instrument, record, scoring) : null,
  };
}

/**
 * Opens every session of the task, in order. Anything unexpected while opening one session is that session's
 * problem (422 invalid_record), never the batch's.
 */
export function openSessions(task: OpenTask): (Opened | Refused)[] {
  const versions = new Map(task.versions);
  return task.sessions.map(({ sealed, instrument }) => {
    try {
      const i = task.instruments[instrument];
      if (!i) throw new Error('no instrument in the task');
      return openOne(task, sealed, i, versions);
    } catch (e) {
      return refuse('invalid_record', `the record could not be read: ${(e as Error).message}`);
    }
  });
}
