/**
 * What a valid record may still hold that the database cannot store or a date cannot represent: a NUL character or
 * a lone UTF-16 surrogate in any text, or a timestamp beyond 8.64e15 ms. Such a record is rejected on its own (422)
 * before it reaches a statement shared with the rest of its batch.
 */
import type { CompletedRecord } from '../shared/core/session.ts';

/** The largest time a JavaScript Date holds (year 275760); PostgreSQL's timestamptz goes further. */
export const MAX_TIME_MS = 8.64e15;

// Without the u flag the pattern sees UTF-16 code units, so a surrogate without its partner is found.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
function badText(value: unknown, where: string): string | null {
  if (typeof value === 'string')
    return UNSTORABLE.test(value) ? `${where} holds a NUL character or a lone surrogate` : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = badText(value[i], `${where}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      if (UNSTORABLE.test(k)) return `${where} has a key with a NUL character or a lone surrogate`;
      const bad = badText(v, `${where}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

/** Why this record cannot be stored as it is, or null when it can. */
export function unstorable(record: CompletedRecord): string | null {
  const times: [string, number | null][] = [
    ['record.startedAt', record.startedAt],
    ['record.consentAt', record.consentAt],
    ['record.completedAt', record.completedAt],
    ...Object.entries(record.answeredAt).map(([k, v]): [string, number] => [`answeredAt.${k}`, v]),
  ];
  for (const [where, t] of times)
    if (t !== null && !(t <= MAX_TIME_MS)) return `${where} is beyond the last representable date`;
  return badText(record, 'record');
}
