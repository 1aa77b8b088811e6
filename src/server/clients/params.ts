/** The period filters the schema cannot check alone: the day must exist, and `from` must not be after `to`. */
import { isCalendarDate } from '../../shared/core/details.ts';

/** Period and tablet filters (`from`, `to` as YYYY-MM-DD, inclusive; `deviceId`). */
export interface Filters {
  readonly from: string | null;
  readonly to: string | null;
  readonly deviceId: string | null;
}

/** A checked value or why not. */
export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

/** Filters from a query the route's schema already checked (format, year range, UUID); '' means no filter. */
export function periodFilters(q: {
  from?: string;
  to?: string;
  deviceId?: string;
}): Checked<Filters> {
  const from = q.from || null;
  const to = q.to || null;
  if (from !== null && !isCalendarDate(from))
    return { ok: false, error: 'from must be a date YYYY-MM-DD' };
  if (to !== null && !isCalendarDate(to))
    return { ok: false, error: 'to must be a date YYYY-MM-DD' };
  if (from !== null && to !== null && from > to)
    return { ok: false, error: 'from must not be after to' };
  return { ok: true, value: { from, to, deviceId: q.deviceId || null } };
}
