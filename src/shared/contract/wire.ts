/** What travels between tablet and server, and pure validators for it: the server checks every body, the client may too. */
import { DETAIL_FIELDS, type DetailValues } from '../core/details.ts';
import type { Answers, Profile } from '../core/scoring.ts';
import type { CompletedRecord } from '../core/session.ts';

/** A completed record encrypted to the server's public key; only ids needed for routing travel in the clear. */
export interface SealedSession {
  readonly sessionId: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  /** Which server key the record was sealed to (keys rotate; old ones still decrypt). */
  readonly keyId: string;
  /** The ephemeral ECDH P-256 public key, raw uncompressed point, base64. */
  readonly epk: string;
  /** AES-GCM nonce, 12 bytes, base64. */
  readonly iv: string;
  /** AES-256-GCM ciphertext with its tag, base64. */
  readonly ciphertext: string;
}

/** The body of `POST /api/sync/sessions`. */
export interface SyncBatch {
  readonly sessions: readonly SealedSession[];
}

/** Most sessions one sync request may carry; the tablet splits a longer outbox. */
export const MAX_BATCH_SESSIONS = 100;

/** Largest base64 ciphertext accepted for one session (a record is a few KB; this leaves room for long texts). */
export const MAX_CIPHERTEXT_CHARS = 256 * 1024;

/** A validator's answer: the typed value, or a message that says what is wrong (for a 400 body or a log line). */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const INSTRUMENT_ID = /^[A-Za-z0-9._-]{1,100}$/;
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})?$/;

/** True for a UUID in canonical text form (session ids, device ids). */
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

class Invalid extends Error {}
const bad = (msg: string): never => {
  throw new Invalid(msg);
};
const plain = (v: unknown, where: string): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : bad(`${where} must be an object`);
const int = (v: unknown, where: string, min: number): number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min
    ? v
    : bad(`${where} must be an integer >= ${min}`);
const time = (v: unknown, where: string): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : bad(`${where} must be a timestamp`);
const matching = (v: unknown, re: RegExp, where: string, what: string): string =>
  typeof v === 'string' && re.test(v) ? v : bad(`${where} must be ${what}`);
const base64 = (v: unknown, where: string, maxChars: number): string => {
  if (typeof v !== 'string' || v.length === 0) return bad(`${where} must be a base64 string`);
  if (v.length > maxChars) return bad(`${where} is too long`);
  return BASE64.test(v) ? v : bad(`${where} must be a base64 string`);
};

function run<T>(check: () => T): Checked<T> {
  try {
    return { ok: true, value: check() };
  } catch (e) {
    // Anything else (e.g. a stack overflow on absurd nesting) is still bad input, never a crash.
    return { ok: false, error: e instanceof Invalid ? e.message : 'value is malformed' };
  }
}

function sealed(v: unknown, where: string): SealedSession {
  const o = plain(v, where);
  return {
    sessionId: matching(o.sessionId, UUID, `${where}.sessionId`, 'a UUID'),
    instrumentId: matching(o.instrumentId, INSTRUMENT_ID, `${where}.instrumentId`, 'an id'),
    instrumentVersion: int(o.instrumentVersion, `${where}.instrumentVersion`, 1),
    keyId: matching(o.keyId, KEY_ID, `${where}.keyId`, 'a key id'),
    epk: base64(o.epk, `${where}.epk`, 200),
    iv: base64(o.iv, `${where}.iv`, 24),
    ciphertext: base64(o.ciphertext, `${where}.ciphertext`, MAX_CIPHERTEXT_CHARS),
  };
}

/** Checks a sync request body: `{ sessions: SealedSession[] }` with 1..MAX_BATCH_SESSIONS well-formed envelopes. */
export function validateSyncBatch(body: unknown): Checked<SyncBatch> {
  return run(() => {
    const o = plain(body, 'body');
    if (!Array.isArray(o.sessions)) return bad('body.sessions must be an array');
    const list: unknown[] = o.sessions;
    if (list.length === 0) return bad('body.sessions must not be empty');
    if (list.length > MAX_BATCH_SESSIONS)
      return bad(`body.sessions holds ${list.length} sessions; at most ${MAX_BATCH_SESSIONS}`);
    return { sessions: list.map((s, i) => sealed(s, `sessions[${i}]`)) };
  });
}

function numberRecord(v: unknown, where: string, check: (n: unknown, w: string) => number) {
  const o = plain(v, where);
  const keys = Object.keys(o);
  if (keys.length > 1000) bad(`${where} has too many entries`);
  const out: Record<string, number> = {};
  for (const k of keys) {
    if (k.length === 0 || k.length > 100) bad(`${where} has an invalid key`);
    out[k] = check(o[k], `${where}.${k}`);
  }
  return out;
}

function details(v: unknown): DetailValues {
  const o = plain(v, 'details');
  const out: DetailValues = {};
  for (const k of Object.keys(o)) {
    const field = DETAIL_FIELDS.find((f) => f === k) ?? bad(`details.${k} is not a known field`);
    const value = o[k];
    if (typeof value !== 'string' || value.length > 200)
      bad(`details.${k} must be a string of at most 200 characters`);
    out[field] = value as string;
  }
  return out;
}

function profile(v: unknown): Profile {
  const o = plain(v, 'profile');
  if (typeof o.instrumentId !== 'string') bad('profile.instrumentId must be a string');
  int(o.instrumentVersion, 'profile.instrumentVersion', 1);
  if (typeof o.threshold !== 'number') bad('profile.threshold must be a number');
  for (const k of ['postures', 'dominant', 'roles', 'topRoles'])
    if (!Array.isArray(o[k])) bad(`profile.${k} must be an array`);
  if (o.desirability !== null) plain(o.desirability, 'profile.desirability');
  if (JSON.stringify(o).length > 64 * 1024) bad('profile is too large');
  return o as unknown as Profile;
}

/** The languages a client used; tablets before this field send none, which means only the record's language. */
function languagesUsed(v: unknown, language: string): string[] {
  if (v === undefined) return [language];
  const list: unknown[] = Array.isArray(v) && v.length > 0 && v.length <= 20 ? v : [];
  if (list.length === 0)
    return bad('record.languagesUsed must be a list of 1 to 20 language codes');
  const codes = list.map((l, i) =>
    matching(l, LANGUAGE, `record.languagesUsed[${i}]`, 'a language code'),
  );
  if (!codes.includes(language)) return bad('record.languagesUsed must include record.language');
  return [...new Set(codes)];
}

/** Checks a decrypted record's shape (not its meaning against an instrument) and returns only the known fields. */
export function validateCompletedRecord(input: unknown): Checked<CompletedRecord> {
  return run(() => {
    const o = plain(input, 'record');
    const reference = o.reference;
    if (reference !== null && (typeof reference !== 'string' || reference.length > 200))
      bad('record.reference must be null or a string of at most 200 characters');
    const consentAt = o.consentAt === null ? null : time(o.consentAt, 'record.consentAt');
    const answers: Answers = numberRecord(o.answers, 'answers', (n, w) =>
      typeof n === 'number' && Number.isFinite(n) ? n : bad(`${w} must be a number`),
    );
    return {
      sessionId: matching(o.sessionId, UUID, 'record.sessionId', 'a UUID'),
      instrumentId: matching(o.instrumentId, INSTRUMENT_ID, 'record.instrumentId', 'an id'),
      instrumentVersion: int(o.instrumentVersion, 'record.instrumentVersion', 1),
      language: matching(o.language, LANGUAGE, 'record.language', 'a language code'),
      languagesUsed: languagesUsed(o.languagesUsed, o.language as string),
      reference: reference as string | null,
      details: details(o.details),
      answers,
      answeredAt: numberRecord(o.answeredAt, 'answeredAt', time),
      profile: profile(o.profile),
      startedAt: time(o.startedAt, 'record.startedAt'),
      consentAt,
      completedAt: time(o.completedAt, 'record.completedAt'),
      // Optional: tablets before office-managed settings do not send it; the server then scores with today's settings.
      ...(o.settingsVersion === undefined
        ? {}
        : { settingsVersion: int(o.settingsVersion, 'record.settingsVersion', 0) }),
    };
  });
}

/** JSON with object keys sorted at every level, so equal records hash equally whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The associated data a sealed record is bound to: moving a ciphertext to another id or instrument breaks it. */
export const sealedAssociatedData = (s: {
  sessionId: string;
  instrumentId: string;
  instrumentVersion: number;
}): string => `${s.sessionId}|${s.instrumentId}@${s.instrumentVersion}`;
