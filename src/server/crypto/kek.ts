/**
 * The key-encryption key (KEK) that wraps the server's private sealing keys in the database (AES-256-GCM), so a copy
 * of the database alone cannot unseal anything. The operator provides it: KEY_ENCRYPTION_KEY (32 bytes, base64 or
 * hex) or KEY_ENCRYPTION_KEY_FILE (a file only the server user can read). On the embedded database, a fresh install
 * without either gets a generated file in the data folder (mode 0600) and says so loudly.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A key-encryption key and where it came from (for messages; never the key itself). */
export interface Kek {
  readonly key: Buffer;
  readonly source: string;
  /** Short fingerprint stored beside each wrapped key, so a wrong KEK is recognised before anything decrypts. */
  readonly kid: string;
}

/** The file a laptop install keeps its generated KEK in. */
export const DEFAULT_KEK_FILE = 'key-encryption.key';

/** A wrapped private key as stored in server_keys.private_jwk. */
export interface WrappedKey {
  readonly kek: 'A256GCM';
  readonly kid: string;
  readonly iv: string;
  readonly ct: string;
}

/** Why the server will not start: a message for the operator, printed as it is. */
export class KekError extends Error {}

const HOW_TO_MAKE = 'make one with: openssl rand -base64 32';

/** Turns the text of KEY_ENCRYPTION_KEY or a key file into a KEK; 32 bytes as base64 or hex, nothing else. */
export function parseKek(text: string, source: string): Kek {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t)
    ? Buffer.from(t, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(t)
      ? Buffer.from(t, 'base64')
      : null;
  if (!key || key.length !== 32)
    throw new KekError(`${source} must hold 32 random bytes as base64 or hex; ${HOW_TO_MAKE}`);
  return { key, source, kid: createHash('sha256').update(key).digest('hex').slice(0, 16) };
}

function readKeyFile(path: string, source: string): Kek {
  const mode = statSync(path).mode;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0)
    throw new KekError(
      `${source} (${path}) may be read by other users (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`,
    );
  return parseKek(readFileSync(path, 'utf8'), `${source} (${path})`);
}

/** The KEK the environment configures, or the data folder's generated file; null when there is none. */
export function configuredKek(env: NodeJS.ProcessEnv, dataDir: string | null): Kek | null {
  if (env.KEY_ENCRYPTION_KEY) return parseKek(env.KEY_ENCRYPTION_KEY, 'KEY_ENCRYPTION_KEY');
  if (env.KEY_ENCRYPTION_KEY_FILE)
    return readKeyFile(env.KEY_ENCRYPTION_KEY_FILE, 'KEY_ENCRYPTION_KEY_FILE');
  const file = dataDir === null ? null : join(dataDir, DEFAULT_KEK_FILE);
  return file && existsSync(file) ? readKeyFile(file, 'the generated key file') : null;
}

/** Writes a fresh KEK to the data folder's key file, readable by this user only, and returns it. */
export function generateKekFile(dataDir: string): Kek {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DEFAULT_KEK_FILE);
  writeFileSync(path, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  return readKeyFile(path, 'the generated key file');
}

/** Encrypts a private JWK; the key id is bound in as associated data, so wrapped keys cannot be swapped. */
export function wrapKey(kek: Kek, keyId: string, jwk: JsonWebKey): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek.key, iv);
  cipher.setAAD(Buffer.from(keyId));
  const ct = Buffer.concat([
    cipher.update(JSON.stringify(jwk), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return { kek: 'A256GCM', kid: kek.kid, iv: iv.toString('base64'), ct: ct.toString('base64') };
}

/** True for a stored value that is a wrapped key rather than a plain JWK (written before wrapping existed). */
export const isWrapped = (v: unknown): v is WrappedKey =>
  typeof v === 'object' && v !== null && (v as { kek?: unknown }).kek === 'A256GCM';

/** Decrypts a wrapped key; throws a KekError when it was wrapped with another KEK. */
export function unwrapKey(kek: Kek, keyId: string, w: WrappedKey): JsonWebKey {
  if (w.kid !== kek.kid)
    throw new KekError(
      `sealing key ${keyId} was encrypted with another key-encryption key than ${kek.source}; configure the original one`,
    );
  const data = Buffer.from(w.ct, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', kek.key, Buffer.from(w.iv, 'base64'));
  decipher.setAAD(Buffer.from(keyId));
  decipher.setAuthTag(data.subarray(data.length - 16));
  const plain = Buffer.concat([
    decipher.update(data.subarray(0, data.length - 16)),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8')) as JsonWebKey;
}
