/** The throttled password check behind sign-in and password change: admitted first, then checked, then settled. */
import type { Db } from '../db.ts';
import { hashPassword, needsRehash, verifyNothing, verifyPassword } from './passwords.ts';
import { admitAttempt, passwordCheckBuckets, settleSuccess } from './throttle.ts';
import type { UserRecord } from './users.ts';

/** What a password check came to: not checked (wait), wrong (the user when the name exists), or right. */
export type CheckOutcome =
  | { readonly kind: 'throttled'; readonly waitSeconds: number }
  | { readonly kind: 'wrong'; readonly user: UserRecord | null }
  | { readonly kind: 'right'; readonly user: UserRecord };

/**
 * Checks `password` for `user` (null: unknown name, checked against a dummy so timing tells nothing) unless the
 * throttle refuses the attempt; a right password takes its counted failure back and, when the stored hash has an
 * older cost, replaces it. A disabled account never counts as right.
 */
export async function checkPassword(
  ctx: { db: Db; clock: () => number },
  attempt: { username: string; ip: string; password: string; user: UserRecord | null },
): Promise<CheckOutcome> {
  const { db } = ctx;
  const now = ctx.clock();
  const admission = await admitAttempt(db, passwordCheckBuckets(attempt.username, attempt.ip), now);
  if (!admission.admitted) return { kind: 'throttled', waitSeconds: admission.waitSeconds };
  const { user } = attempt;
  const ok =
    user && !user.disabled
      ? await verifyPassword(attempt.password, user.passwordHash)
      : await verifyNothing(attempt.password);
  if (!ok || !user) return { kind: 'wrong', user };
  await settleSuccess(db, admission, attempt.username, attempt.ip);
  if (needsRehash(user.passwordHash)) {
    const passwordHash = await hashPassword(attempt.password);
    // Only if nobody changed the password meanwhile.
    await db.query(
      'UPDATE users SET password_hash = $2 WHERE id = $1::uuid AND password_hash = $3',
      [user.id, passwordHash, user.passwordHash],
    );
    return { kind: 'right', user: { ...user, passwordHash } };
  }
  return { kind: 'right', user };
}
