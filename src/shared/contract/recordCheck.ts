/**
 * Checks a decrypted record against the contract's schema (server side; the tablet never imports this file, so its
 * bundle carries no TypeBox). One invalid record fails alone: the caller answers 422 for that session only.
 */
import { Compile } from 'typebox/compile';
import type { CompletedRecord as CompletedRecordType } from '../core/session.ts';
import { CompletedRecord } from './schema/record.ts';

/** A validator's answer: the typed value, or a message that says what is wrong (for a 4xx body or a log line). */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const check = Compile(CompletedRecord);

/** `/languagesUsed/1` → `record.languagesUsed[1]`: a JSON Pointer as the field reads in JavaScript. */
export const fieldPath = (root: string, pointer: string): string =>
  root +
  pointer
    .split('/')
    .slice(1)
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('');
const where = (pointer: string): string => fieldPath('record', pointer);

/** The first problem of an invalid record as one sentence. */
function firstProblem(input: unknown): string {
  const [e] = check.Errors(input);
  if (!e) return 'record is malformed';
  const params = e.params as { additionalProperties?: string[] } | undefined;
  const extra = params?.additionalProperties?.[0];
  return extra !== undefined
    ? `${where(e.instancePath)}.${extra} is not a known field`
    : `${where(e.instancePath)} ${e.message}`;
}

/** Checks a decrypted record's shape (not its meaning against an instrument) and returns only the known fields. */
export function validateCompletedRecord(input: unknown): Checked<CompletedRecordType> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, error: 'record must be an object' };
  if (!check.Check(input)) return { ok: false, error: firstProblem(input) };
  const o = input;
  const languagesUsed = [...new Set(o.languagesUsed ?? [o.language])];
  if (!languagesUsed.includes(o.language))
    return { ok: false, error: 'record.languagesUsed must include record.language' };
  return {
    ok: true,
    value: {
      sessionId: o.sessionId,
      instrumentId: o.instrumentId,
      instrumentVersion: o.instrumentVersion,
      language: o.language,
      languagesUsed,
      reference: o.reference,
      details: o.details,
      answers: o.answers,
      answeredAt: o.answeredAt,
      profile: o.profile,
      startedAt: o.startedAt,
      consentAt: o.consentAt,
      completedAt: o.completedAt,
      // Optional: tablets before office-managed settings do not send it; the server then scores with today's settings.
      ...(o.settingsVersion === undefined ? {} : { settingsVersion: o.settingsVersion }),
    },
  };
}
