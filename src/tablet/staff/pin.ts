/** The staff PIN as a salted slow hash (PBKDF2-SHA-256 via WebCrypto): the tablet never stores the PIN itself. */
import type { PinHash } from '../storage/settings.ts';

/** Iterations for new hashes (OWASP 2023 guidance for PBKDF2-SHA-256). */
export const PIN_ITERATIONS = 600_000;

/** 4 to 8 digits. */
export const isValidPin = (pin: string): boolean => /^\d{4,8}$/.test(pin);

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

/** After this many wrong PINs in a row, staff must wait. */
export const MAX_TRIES = 5;
/** How long they wait (ms). */
export const LOCKOUT_MS = 30_000;
