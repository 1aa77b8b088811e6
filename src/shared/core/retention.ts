/** The agency's retention period: measurements completed before the cutoff are erased automatically. */

/** Smallest and largest retention period the server accepts, in days. */
export const RETENTION_BOUNDS = { min: 1, max: 3650 } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant before which measurements are erased (`days` whole days before `now`), or null to keep everything. */
export function retentionCutoff(now: number, days: number | null): number | null {
  if (days === null) return null;
  return now - days * DAY_MS;
}

/** True when a measurement completed at `completedAt` is due for erasure. */
export function isExpired(completedAt: number, now: number, days: number | null): boolean {
  const cutoff = retentionCutoff(now, days);
  return cutoff !== null && completedAt < cutoff;
}

/** Checks a Retention body: `{days: null}` or a whole number of days within the bounds. */
export function parseRetention(
  input: unknown,
): { ok: true; days: number | null } | { ok: false; error: string } {
  const days =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as { days?: unknown }).days
      : undefined;
  if (days === null) return { ok: true, days: null };
  if (
    typeof days !== 'number' ||
    !Number.isInteger(days) ||
    days < RETENTION_BOUNDS.min ||
    days > RETENTION_BOUNDS.max
  )
    return {
      ok: false,
      error: `body must be {"days": null} or {"days": <whole number ${RETENTION_BOUNDS.min}–${RETENTION_BOUNDS.max}>}`,
    };
  return { ok: true, days };
}
