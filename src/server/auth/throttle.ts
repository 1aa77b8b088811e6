/** Sign-in throttling per username and per address: after repeated failures, a lock that grows with each failure. */
import type { Queryable } from '../db.ts';

/** Failures per username before the first lock. */
export const USER_FAILURES_BEFORE_LOCK = 5;
/** Failures per address before the first lock (higher: an office may share one address). */
export const IP_FAILURES_BEFORE_LOCK = 20;
/** First lock; each further failure doubles it, up to the maximum. */
export const FIRST_LOCK_MS = 30_000;
export const MAX_LOCK_MS = 60 * 60 * 1000;
/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** The throttle keys of one attempt. */
export const throttleKeys = (username: string, ip: string) => ({
  user: `user:${username.toLowerCase()}`,
  ip: `ip:${ip}`,
});

/** Seconds until the longest lock on these keys ends, or 0 when sign-in may be tried now. */
export async function lockedFor(db: Queryable, keys: readonly string[], now: number) {
  const r = await db.query<{ locked_until: Date | string | null }>(
    'SELECT locked_until FROM login_throttle WHERE key = ANY($1::text[])',
    [keys],
  );
  const until = Math.max(
    0,
    ...r.rows.map((x) => (x.locked_until ? new Date(x.locked_until).getTime() : 0)),
  );
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

/** Counts one failure on a key and sets the lock when it has had `threshold` failures or more. */
export async function recordFailure(db: Queryable, key: string, threshold: number, now: number) {
  const at = new Date(now).toISOString();
  const r = await db.query<{ failures: number }>(
    `INSERT INTO login_throttle (key, failures, last_failure_at) VALUES ($1, 1, $2)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN login_throttle.last_failure_at < $3 THEN 1 ELSE login_throttle.failures + 1 END,
       last_failure_at = EXCLUDED.last_failure_at
     RETURNING failures`,
    [key, at, new Date(now - FAILURE_MEMORY_MS).toISOString()],
  );
  const failures = r.rows[0]?.failures ?? 1;
  if (failures < threshold) return;
  const lock = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(20, failures - threshold));
  await db.query('UPDATE login_throttle SET locked_until = $2 WHERE key = $1', [
    key,
    new Date(now + lock).toISOString(),
  ]);
}

/** Forgets the failures of a key after a successful sign-in. */
export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.query('DELETE FROM login_throttle WHERE key = $1', [key]);
}
