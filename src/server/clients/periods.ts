/**
 * Splits a dashboard period into whole months (or ISO weeks) and the days at its edges, so the dashboard reads the
 * coarse rollup rows inside and the daily rows only where a month or week is cut off. Dates are YYYY-MM-DD; null is
 * an open end. Pure date arithmetic on calendar dates (UTC), no time zones.
 */

/** Unbounded ends as PostgreSQL understands them in a `date` comparison. */
const LOW = '-infinity';
const HIGH = 'infinity';

/** A period split for one grain: whole units with `start` in [wholeFrom, wholeTo), and two inclusive day ranges. */
export interface PeriodCover {
  readonly wholeFrom: string;
  readonly wholeTo: string;
  readonly days: readonly [readonly [string, string], readonly [string, string]];
}

/** No rows: an empty range for a `start >= a AND start <= b` or `start >= a AND start < b` test. */
const EMPTY: readonly [string, string] = [HIGH, LOW];

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const toText = (d: Date) => d.toISOString().slice(0, 10);

function addDays(d: string, n: number): string {
  const x = toDate(d);
  x.setUTCDate(x.getUTCDate() + n);
  return toText(x);
}

/** The first day of the unit that contains `d`. */
function unitStart(d: string, grain: 'week' | 'month'): string {
  if (grain === 'month') return `${d.slice(0, 8)}01`;
  const x = toDate(d);
  return addDays(d, -((x.getUTCDay() + 6) % 7));
}

/** The first unit start on or after `d`. */
function unitStartOnOrAfter(d: string, grain: 'week' | 'month'): string {
  const s = unitStart(d, grain);
  if (s === d) return d;
  if (grain === 'week') return addDays(s, 7);
  const x = toDate(s);
  x.setUTCMonth(x.getUTCMonth() + 1);
  return toText(x);
}

/** Whole months or weeks inside [from, to] and the edge days outside them. */
export function coverPeriod(
  from: string | null,
  to: string | null,
  grain: 'week' | 'month',
): PeriodCover {
  const wholeFrom = from === null ? LOW : unitStartOnOrAfter(from, grain);
  // Units that end on or before `to` start before the unit of the day after `to`.
  const wholeTo = to === null ? HIGH : unitStart(addDays(to, 1), grain);
  if (from !== null && to !== null && wholeFrom >= wholeTo)
    return { wholeFrom: HIGH, wholeTo: HIGH, days: [[from, to], EMPTY] };
  const before: readonly [string, string] =
    from !== null && from < wholeFrom ? [from, addDays(wholeFrom, -1)] : EMPTY;
  const after: readonly [string, string] = to !== null && wholeTo <= to ? [wholeTo, to] : EMPTY;
  return { wholeFrom, wholeTo, days: [before, after] };
}
