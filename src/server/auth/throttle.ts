/**
 * Sign-in throttling. Every password check is admitted first, in one transaction that counts it as a failure before
 * the check runs (a success takes it back), so a burst of parallel guesses cannot all be checked before the count
 * lands. Buckets: per account and address (slows down), per address (locks that address), per account over all
 * addresses (slows down, never longer than a minute): a stranger can lock out their own address, never the owner.
 */
import type { Db, Queryable } from '../db.ts';

/** One counter: failures before it starts to wait, and the longest wait it imposes. */
export interface Bucket {
  readonly key: string;
  readonly threshold: number;
  readonly maxLockMs: number;
}

/** First wait when a bucket reaches its threshold; each further admitted failure doubles it, up to its maximum. */
export const FIRST_LOCK_MS = 30_000;
/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;
/** Failures per account and address before it slows down (30 s, 1 min, … at most 15 min). */
export const ACCOUNT_ADDRESS_FAILURES = 5;
/** Failures per address, over all usernames, before that address is locked (30 s doubling up to an hour). */
export const ADDRESS_FAILURES = 20;
/** Failures per account from all addresses before it slows down; the wait stays short so the owner gets in. */
export const ACCOUNT_FAILURES = 20;
const ACCOUNT_ADDRESS_MAX_MS = 15 * 60 * 1000;
const ADDRESS_MAX_MS = 60 * 60 * 1000;
const ACCOUNT_MAX_MS = 60 * 1000;

const accountAddress = (username: string, ip: string): Bucket => ({
  key: `acct:${username.toLowerCase()}|${ip}`,
  threshold: ACCOUNT_ADDRESS_FAILURES,
  maxLockMs: ACCOUNT_ADDRESS_MAX_MS,
});
const account = (username: string): Bucket => ({
  key: `user:${username.toLowerCase()}`,
  threshold: ACCOUNT_FAILURES,
  maxLockMs: ACCOUNT_MAX_MS,
});
const address = (ip: string): Bucket => ({
  key: `ip:${ip}`,
  threshold: ADDRESS_FAILURES,
  maxLockMs: ADDRESS_MAX_MS,
});

/** The buckets a password check counts in: sign-in, and the current password when changing it. */
export const passwordCheckBuckets = (username: string, ip: string): Bucket[] => [
  accountAddress(username, ip),
  address(ip),
  account(username),
];

/** The wait a bucket imposes after its `failures`-th failure (0 below the threshold). */
export function lockMs(bucket: Bucket, failures: number): number {
  if (failures < bucket.threshold) return 0;
  return Math.min(bucket.maxLockMs, FIRST_LOCK_MS * 2 ** Math.min(20, failures - bucket.threshold));
}

/** An admitted attempt (already counted as a failure), or the seconds to wait before the next one. */
export type Admission =
  | { readonly admitted: true; readonly buckets: readonly Bucket[] }
  | { readonly admitted: false; readonly waitSeconds: number };

interface Row {
  key: string;
  failures: number;
  last_failure_at: Date | string;
  locked_until: Date | string | null;
}

const ms = (v: Date | string | null): number => (v === null ? 0 : new Date(v).getTime());

/**
 * Admits one password check or refuses it, atomically: the rows are locked, a bucket still waiting refuses it, and
 * otherwise every bucket counts it as a failure (and starts its wait) before the password is looked at.
 */
export async function admitAttempt(
  db: Pick<Db, 'transaction'>,
  buckets: readonly Bucket[],
  now: number,
): Promise<Admission> {
  const sorted = [...buckets].sort((a, b) => (a.key < b.key ? -1 : 1));
  const keys = sorted.map((b) => b.key);
  const at = new Date(now).toISOString();
  return db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO login_throttle (key, failures, last_failure_at)
       SELECT k, 0, $2 FROM unnest($1::text[]) AS k ORDER BY k ON CONFLICT (key) DO NOTHING`,
      [keys, at],
    );
    const rows = await tx.query<Row>(
      `SELECT key, failures, last_failure_at, locked_until FROM login_throttle
       WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [keys],
    );
    const until = Math.max(0, ...rows.rows.map((r) => ms(r.locked_until)));
    if (until > now) return { admitted: false, waitSeconds: Math.ceil((until - now) / 1000) };
    const byKey = new Map(rows.rows.map((r) => [r.key, r]));
    for (const b of sorted) {
      const row = byKey.get(b.key);
      const fresh = row && ms(row.last_failure_at) >= now - FAILURE_MEMORY_MS;
      const failures = (fresh ? row.failures : 0) + 1;
      const lock = lockMs(b, failures);
      await tx.query(
        'UPDATE login_throttle SET failures = $2, last_failure_at = $3, locked_until = $4 WHERE key = $1',
        [b.key, failures, at, lock > 0 ? new Date(now + lock).toISOString() : null],
      );
    }
    return { admitted: true, buckets: sorted };
  });
}

/**
 * Takes back the failure an admitted attempt counted, because the password was right: the account-and-address
 * bucket is forgotten, the others lose one failure (and their wait when that brings them under the threshold).
 */
export async function settleSuccess(
  db: Queryable,
  admission: Admission,
  username: string,
  ip: string,
): Promise<void> {
  if (!admission.admitted) return;
  const own = accountAddress(username, ip).key;
  for (const b of admission.buckets) {
    if (b.key === own) await db.query('DELETE FROM login_throttle WHERE key = $1', [b.key]);
    else
      await db.query(
        `UPDATE login_throttle SET failures = GREATEST(failures - 1, 0),
           locked_until = CASE WHEN failures - 1 < $2 THEN NULL ELSE locked_until END
         WHERE key = $1`,
        [b.key, b.threshold],
      );
  }
}

/** Forgets buckets whose failures are older than the memory and whose wait is over (called now and then). */
export async function forgetOldFailures(db: Queryable, now: number): Promise<void> {
  await db.query(
    `DELETE FROM login_throttle WHERE last_failure_at < $1
       AND (locked_until IS NULL OR locked_until < $2)`,
    [new Date(now - FAILURE_MEMORY_MS).toISOString(), new Date(now).toISOString()],
  );
}
