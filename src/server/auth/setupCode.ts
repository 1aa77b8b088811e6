/** The one-time setup code that creates the first coordinator: printed at start, stored only as a hash. */
import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db.ts';
import { normaliseCode, sha256 } from '../devices.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** How long a code printed at start keeps working beside codes other instances print at the same start. */
export const START_CODE_OVERLAP_MS = 10 * 60_000;

/**
 * Makes a fresh code (80 bits, XXXX-XXXX-XXXX-XXXX) and forgets earlier unused ones. `keepNewerThanMs` keeps the
 * codes made that recently: several instances starting together on one PostgreSQL each print a code, and each must work.
 */
export async function createSetupCode(
  db: Queryable,
  now: number,
  options: { readonly keepNewerThanMs?: number } = {},
): Promise<string> {
  const raw = [...randomBytes(16)].map((b) => ALPHABET[b % 32]).join('');
  await db.query('DELETE FROM setup_codes WHERE used_at IS NULL AND created_at <= $1', [
    new Date(now - (options.keepNewerThanMs ?? 0)).toISOString(),
  ]);
  await db.query('INSERT INTO setup_codes (code_hash, created_at) VALUES ($1, $2)', [
    sha256(raw),
    new Date(now).toISOString(),
  ]);
  return raw.match(/.{4}/g)?.join('-') ?? raw;
}

/** Spends the code once; false when it is unknown or already used. Run it in the transaction that creates the user. */
export async function spendSetupCode(db: Queryable, code: string, now: number): Promise<boolean> {
  const r = await db.query(
    'UPDATE setup_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL',
    [sha256(normaliseCode(code)), new Date(now).toISOString()],
  );
  return r.rowCount > 0;
}

/** True when the code is known and unused; checked before any password is hashed, spent later in the transaction. */
export async function setupCodeValid(db: Queryable, code: string): Promise<boolean> {
  const r = await db.query('SELECT 1 FROM setup_codes WHERE code_hash = $1 AND used_at IS NULL', [
    sha256(normaliseCode(code)),
  ]);
  return r.rows.length > 0;
}
