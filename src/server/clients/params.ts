/** Checks route parameters, queries and bodies of the client routes; every failure is a sentence for a 400. */
import { isCalendarDate } from '../../shared/core/details.ts';
import type { Fit } from '../../shared/contract/workspaceApi.ts';

/** A checked value or why not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID in its usual text form. */
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);

/** The `:id` of a route as a lower-case UUID, or null. */
export function idParam(params: unknown): string | null {
  const id = (params as { id?: unknown } | null)?.id;
  return isUuid(id) ? id.toLowerCase() : null;
}

/** Period and tablet filters (`from`, `to` as YYYY-MM-DD, inclusive; `deviceId`). */
export interface Filters {
  readonly from: string | null;
  readonly to: string | null;
  readonly deviceId: string | null;
}

const text = (q: Record<string, unknown>, key: string): string | null | undefined => {
  const v = q[key];
  if (v === undefined || v === '') return null;
  return typeof v === 'string' ? v : undefined;
};

/** Reads `from`, `to` and (when `withDevice`) `deviceId` from a query string. */
export function parseFilters(query: unknown, withDevice = true): Checked<Filters> {
  const q = (query ?? {}) as Record<string, unknown>;
  const from = text(q, 'from');
  const to = text(q, 'to');
  const deviceId = withDevice ? text(q, 'deviceId') : null;
  if (from === undefined || (from !== null && !isCalendarDate(from)))
    return { ok: false, error: 'from must be a date YYYY-MM-DD' };
  if (to === undefined || (to !== null && !isCalendarDate(to)))
    return { ok: false, error: 'to must be a date YYYY-MM-DD' };
  if (from !== null && to !== null && from > to)
    return { ok: false, error: 'from must not be after to' };
  if (deviceId === undefined || (deviceId !== null && !isUuid(deviceId)))
    return { ok: false, error: 'deviceId must be a device id (UUID)' };
  return { ok: true, value: { from, to, deviceId: deviceId?.toLowerCase() ?? null } };
}

/** Reads an optional whole number `limit` between 1 and `max`. */
export function parseLimit(query: unknown, fallback: number, max: number): Checked<number> {
  const v = text((query ?? {}) as Record<string, unknown>, 'limit');
  if (v === null) return { ok: true, value: fallback };
  const n = Number(v);
  if (v === undefined || !Number.isInteger(n) || n < 1 || n > max)
    return { ok: false, error: `limit must be a whole number 1–${max}` };
  return { ok: true, value: n };
}

/** The client list's `q` (search text, at most 100 characters) and `staffId`. */
export function parseClientQuery(
  query: unknown,
): Checked<{ q: string | null; staffId: string | null }> {
  const qs = (query ?? {}) as Record<string, unknown>;
  const q = text(qs, 'q');
  const staffId = text(qs, 'staffId');
  if (q === undefined || (q !== null && q.length > 100))
    return { ok: false, error: 'q must be a text of at most 100 characters' };
  if (staffId === undefined || (staffId !== null && !isUuid(staffId)))
    return { ok: false, error: 'staffId must be a user id (UUID)' };
  return { ok: true, value: { q: q?.trim() || null, staffId: staffId?.toLowerCase() ?? null } };
}

const FITS: readonly string[] = ['yes', 'partly', 'no'];
const isFit = (v: unknown): v is Fit => typeof v === 'string' && FITS.includes(v);

/** Longest judgement note. */
export const NOTE_MAX = 2000;

/** A judgement body; whether the posture and measurement fit the client is checked against the data later. */
export function parseJudgement(body: unknown): Checked<{
  measurementId: string;
  fit: Fit;
  clientFit: Fit | null;
  observedPosture: string | null;
  note: string;
}> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, error: 'body must be a judgement object' };
  const b = body as Record<string, unknown>;
  if (!isUuid(b.measurementId)) return { ok: false, error: 'measurementId must be a UUID' };
  if (!isFit(b.fit)) return { ok: false, error: 'fit must be yes, partly or no' };
  if (b.clientFit !== undefined && b.clientFit !== null && !isFit(b.clientFit))
    return { ok: false, error: 'clientFit must be yes, partly, no or null' };
  const posture = b.observedPosture;
  if (posture !== undefined && posture !== null && (typeof posture !== 'string' || posture === ''))
    return { ok: false, error: 'observedPosture must be a posture id or null' };
  const note = b.note ?? '';
  if (typeof note !== 'string') return { ok: false, error: 'note must be text' };
  if (note.length > NOTE_MAX)
    return { ok: false, error: `note must be at most ${NOTE_MAX} characters` };
  return {
    ok: true,
    value: {
      measurementId: b.measurementId.toLowerCase(),
      fit: b.fit,
      clientFit: isFit(b.clientFit) ? b.clientFit : null,
      observedPosture: typeof posture === 'string' ? posture : null,
      note,
    },
  };
}
