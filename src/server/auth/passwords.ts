/**
 * Password hashing with scrypt (node:crypto) at the OWASP cost (N=2^17, r=8, p=1): salted, memory-hard, compared in
 * constant time. The parameters are stored with each hash, so a hash made at an older cost still verifies and is
 * replaced at the next successful sign-in. PASSWORD_HASH_COST=low (tests only) makes hashing fast.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../shared/core/passwordRules.ts';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

/** scrypt's cost parameters: N = 2^logN, block size r, parallelism p. */
export interface ScryptParams {
  readonly logN: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP Password Storage Cheat Sheet: scrypt N=2^17 (128 MiB), r=8, p=1. */
export const OWASP_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };
/** For tests only: the same algorithm at a cost that takes a millisecond. */
export const LOW_SCRYPT: ScryptParams = { logN: 10, r: 8, p: 1 };

const KEY_LENGTH = 32;

/** The cost new hashes get: OWASP unless PASSWORD_HASH_COST says `low`; any other value is a configuration error. */
export function passwordHashParams(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  const cost = env.PASSWORD_HASH_COST;
  if (cost === undefined || cost === '' || cost === 'owasp') return OWASP_SCRYPT;
  if (cost === 'low') return LOW_SCRYPT;
  throw new Error(
    `PASSWORD_HASH_COST must be "owasp" (default) or "low" (tests only), not "${cost}"`,
  );
}

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptParams) {
  const options: ScryptOptions = { N: 2 ** logN, r, p, maxmem: 256 * 2 ** logN * r };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: unknown): string | null {
  if (typeof password !== 'string') return 'password must be a string';
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `password must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `password must be at most ${MAX_PASSWORD_LENGTH} characters`;
  return null;
}

/** Hashes a password as "scrypt$logN$r$p$salt$hash" (base64), with a fresh 16-byte salt, at the configured cost. */
export async function hashPassword(
  password: string,
  params: ScryptParams = passwordHashParams(),
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.logN,
    params.r,
    params.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

function parseHash(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const [alg, logN, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !salt || !hash) return null;
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  const expected = Buffer.from(hash, 'base64');
  if (
    [params.logN, params.r, params.p].some((n) => !Number.isInteger(n) || n < 1 || n > 20) ||
    expected.length !== KEY_LENGTH
  )
    return null;
  return { params, salt: Buffer.from(salt, 'base64'), hash: expected };
}

/** True when `password` matches `stored`; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.hash);
}

/** True when a stored hash was made at another cost than new hashes get, so it should be replaced. */
export function needsRehash(stored: string, params: ScryptParams = passwordHashParams()): boolean {
  const parsed = parseHash(stored);
  return (
    !parsed ||
    parsed.params.logN !== params.logN ||
    parsed.params.r !== params.r ||
    parsed.params.p !== params.p
  );
}

const dummies = new Map<number, Promise<string>>();

/** Spends the same time as a real check, so an unknown username cannot be told from a wrong password by timing. */
export async function verifyNothing(password: string): Promise<false> {
  const params = passwordHashParams();
  let dummy = dummies.get(params.logN);
  if (!dummy) {
    dummy = hashPassword('not-a-real-password-0', params);
    dummies.set(params.logN, dummy);
  }
  await verifyPassword(password, await dummy);
  return false;
}
