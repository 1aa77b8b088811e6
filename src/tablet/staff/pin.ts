/** The staff PIN as a salted slow hash (PBKDF2-SHA-256 via WebCrypto): the tablet never stores the PIN itself. */
import type { PinHash } from '../storage/settings.ts';

/** Iterations for new hashes (OWASP Password Storage Cheat Sheet: 600,000 for PBKDF2-HMAC-SHA-256). */
export const PIN_ITERATIONS = 600_000;

/** The fewest digits a new PIN may have. */
export const MIN_PIN_DIGITS = 6;
/** The most digits a PIN may have. */
export const MAX_PIN_DIGITS = 12;

/** A new PIN: 6 to 12 digits. */
export const isValidNewPin = (pin: string): boolean => /^\d{6,12}$/.test(pin);

/** What the unlock screen checks: 4 to 12 digits, since PINs chosen before the 6-digit rule keep working. */
export const isPossiblePin = (pin: string): boolean => /^\d{4,12}$/.test(pin);

/** A PIN that still works but is shorter than new PINs must be: staff are asked to choose a new one. */
export const isShortPin = (pin: string): boolean => pin.length < MIN_PIN_DIGITS;

/** True when a stored hash used fewer iterations than today's: it is hashed again after the next unlock. */
export const needsRehash = (stored: PinHash, iterations = PIN_ITERATIONS): boolean =>
  stored.iterations < iterations;

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const unb64 = (s: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(
  pin: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Hashes a new PIN with a fresh random salt. */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: b64(salt), iterations, hash: b64(await derive(pin, salt, iterations)) };
}

/** Checks a PIN against the stored hash in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const got = await derive(pin, unb64(stored.salt), stored.iterations);
  const want = unb64(stored.hash);
  if (got.length !== want.length) return false;
  let diff = 0;
  for (let i = 0; i < got.length; i++) diff |= (got[i] ?? 0) ^ (want[i] ?? 0);
  return diff === 0;
}
