/**
 * Retry timing for sync: capped exponential backoff with jitter, so many tablets don't retry in step, and a floor of
 * half the step, so no run of unlucky random numbers lets one tablet hammer a server that is down.
 */

/** Base and cap of the backoff, in milliseconds. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** The default: 2 s, doubling, at most 5 minutes. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** The longest wait a server's `Retry-After` can impose, so a wrong header cannot silence a tablet for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/** The ceiling of retry number `attempt` (0 = first retry): base × 2^attempt, at most the cap. */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
}

/**
 * Delay before retry number `attempt` (0 = first retry): between half and all of the ceiling ("equal jitter");
 * `random` in [0, 1) is passed in so tests can fix it.
 */
export function backoffDelay(
  attempt: number,
  random: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const ceiling = backoffCeiling(attempt, policy);
  return Math.floor(ceiling / 2 + (random * ceiling) / 2);
}

/**
 * How long to wait after a failed round: the backoff for the number of failures in a row (1 = the first), or
 * longer when the server asked for it with `Retry-After`.
 */
export function retryDelay(
  failures: number,
  random: number,
  retryAfterMs: number | null = null,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  return Math.max(backoffDelay(failures - 1, random, policy), retryAfterMs ?? 0);
}

/**
 * A `Retry-After` header (seconds, or an HTTP date) as milliseconds from `now`, capped at an hour; null when absent
 * or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = value?.trim();
  if (!text) return null;
  // An HTTP date always names its day and month; anything else that is not whole seconds is nonsense.
  const ms = /^\d+$/.test(text)
    ? Number(text) * 1000
    : /GMT$/.test(text)
      ? Date.parse(text) - now
      : NaN;
  if (!Number.isFinite(ms)) return null;
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/**
 * The most requests one tablet can send while a server is down for `outageMs`, with every random draw at its worst
 * (0): the first request fails at once, and each later one waits at least the floor of its step.
 */
export function maxRequestsDuringOutage(
  outageMs: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  let at = 0;
  let requests = 0;
  while (at <= outageMs) {
    requests += 1;
    at += backoffDelay(requests - 1, 0, policy);
  }
  return requests;
}
