/**
 * Runs a transaction again when PostgreSQL gave up on it for reasons that are about timing, not about the data
 * (deadlock, serialisation failure, or a unique key another transaction took first): the caller never sees those.
 */

/** SQLSTATEs that mean "try the same thing again": serialization_failure, deadlock_detected. */
const TRANSIENT = new Set(['40001', '40P01']);

/** The SQLSTATE of a database error, or undefined. */
export const sqlState = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : undefined;

/** True for an error another attempt of the same transaction can get past. */
export function isTransient(e: unknown, retryOnUnique: readonly string[] = []): boolean {
  const state = sqlState(e);
  if (state !== undefined && TRANSIENT.has(state)) return true;
  if (state !== '23505') return false;
  const { constraint, message } = e as { constraint?: unknown; message?: unknown };
  const where = `${typeof constraint === 'string' ? constraint : ''} ${typeof message === 'string' ? message : ''}`;
  return retryOnUnique.some((name) => where.includes(name));
}

/** Calls `attempt` up to `tries` times while it fails transiently, with a short random pause in between. */
export async function retryTransient<T>(
  attempt: () => Promise<T>,
  options: { tries?: number; retryOnUnique?: readonly string[] } = {},
): Promise<T> {
  const tries = options.tries ?? 6;
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i >= tries || !isTransient(e, options.retryOnUnique)) throw e;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * i));
    }
  }
}
