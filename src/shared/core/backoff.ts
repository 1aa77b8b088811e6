/** Retry timing for sync: capped exponential backoff with full jitter, so many tablets don't retry in step. */

/** Base and cap of the backoff, in milliseconds. */
export interface BackoffPolicy {
  readonly baseMs: number;
  readonly capMs: number;
}

/** The default: 2 s, doubling, at most 5 minutes. */
export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** Delay before retry number `attempt` (0 = first retry); `random` in [0, 1) is passed in so tests can fix it. */
export function backoffDelay(
  attempt: number,
  random: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.floor(random * ceiling);
}
