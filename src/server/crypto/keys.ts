/**
 * The server's ECDH key pairs in the database: created on first start, rotated on demand, old ones kept to decrypt
 * until a coordinator destroys them. The private half is stored wrapped with the key-encryption key (kek.ts).
 */
import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../db.ts';
import { LOCK_FIRST_START, XACT_LOCK } from '../locks.ts';
import type { ServerKey } from '../../shared/contract/protocol.ts';
import { isWrapped, unwrapKey, wrapKey, type Kek } from './kek.ts';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;

interface KeyRow {
  key_id: string;
  public_jwk: JsonWebKey;
  private_jwk: unknown;
}

const asJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);
const asJwk = (v: unknown): JsonWebKey => asJson(v) as JsonWebKey;

async function insertKey(db: Queryable, kek: Kek, now: number): Promise<ServerKey> {
  const subtle = globalThis.crypto.subtle;
  const pair = await subtle.generateKey(CURVE, true, ['deriveBits']);
  const publicKeyJwk = await subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await subtle.exportKey('jwk', pair.privateKey);
  const keyId = `k${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(4).toString('hex')}`;
  await db.query(
    `INSERT INTO server_keys (key_id, private_jwk, public_jwk, created_at, active)
     VALUES ($1, $2::jsonb, $3::jsonb, $4, true)`,
    [
      keyId,
      JSON.stringify(wrapKey(kek, keyId, privateJwk)),
      JSON.stringify(publicKeyJwk),
      new Date(now).toISOString(),
    ],
  );
  return { keyId, publicKeyJwk };
}

/** The key tablets should seal to now; null before the first start. */
export async function activeServerKey(db: Queryable): Promise<ServerKey | null> {
  const r = await db.query<KeyRow>('SELECT key_id, public_jwk FROM server_keys WHERE active');
  const row = r.rows[0];
  return row ? { keyId: row.key_id, publicKeyJwk: asJwk(row.public_jwk) } : null;
}

/**
 * Makes sure an active key exists (first start) and returns it. Several instances starting at once on one PostgreSQL
 * queue on an advisory lock, so exactly one creates the key and the others read it (no 23505 on `server_keys_one_active`).
 */
export async function ensureServerKey(
  db: Pick<Db, 'transaction'>,
  kek: Kek,
  now: number,
): Promise<ServerKey> {
  return db.transaction(async (tx) => {
    await tx.query(XACT_LOCK, [LOCK_FIRST_START]);
    return (await activeServerKey(tx)) ?? insertKey(tx, kek, now);
  });
}

/** Creates a new active key and retires the old one (kept for decryption); tablets pick it up with their config. */
export async function rotateServerKey(
  db: { transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> },
  kek: Kek,
  now: number,
): Promise<ServerKey> {
  return db.transaction(async (tx) => {
    await tx.query(XACT_LOCK, [LOCK_FIRST_START]);
    await tx.query('UPDATE server_keys SET active = false, retired_at = $1 WHERE active', [
      new Date(now).toISOString(),
    ]);
    return insertKey(tx, kek, now);
  });
}

/** How many private keys are stored wrapped (a KEK is needed to start) and how many are still plain. */
export async function storedKeyKinds(db: Queryable): Promise<{ wrapped: number; plain: number }> {
  const r = await db.query<KeyRow>(
    'SELECT key_id, public_jwk, private_jwk FROM server_keys WHERE private_jwk IS NOT NULL',
  );
  const wrapped = r.rows.filter((row) => isWrapped(asJson(row.private_jwk))).length;
  return { wrapped, plain: r.rows.length - wrapped };
}

/**
 * Checks that `kek` opens every wrapped key (throws a KekError otherwise) and wraps the keys stored plain by earlier
 * versions; returns how many it wrapped. Safe for two instances starting at once.
 */
export async function protectStoredKeys(db: Queryable, kek: Kek): Promise<number> {
  const r = await db.query<KeyRow>(
    'SELECT key_id, public_jwk, private_jwk FROM server_keys WHERE private_jwk IS NOT NULL',
  );
  let wrapped = 0;
  for (const row of r.rows) {
    const stored = asJson(row.private_jwk);
    if (isWrapped(stored)) {
      unwrapKey(kek, row.key_id, stored);
      continue;
    }
    const done = await db.query(
      `UPDATE server_keys SET private_jwk = $2::jsonb WHERE key_id = $1 AND NOT (private_jwk ? 'kek')`,
      [row.key_id, JSON.stringify(wrapKey(kek, row.key_id, stored as JsonWebKey))],
    );
    wrapped += done.rowCount;
  }
  return wrapped;
}

/** Private keys by id, imported once; keys never change once written, so the cache needs no invalidation. */
export class PrivateKeys {
  readonly #cache = new Map<string, Promise<CryptoKey | null>>();
  constructor(
    private readonly db: Queryable,
    private readonly kek: Kek,
  ) {}

  /** The private key for `keyId`, or null when the server never had it (or destroyed it). */
  get(keyId: string): Promise<CryptoKey | null> {
    let p = this.#cache.get(keyId);
    if (!p) {
      p = this.#load(keyId);
      this.#cache.set(keyId, p);
      // A miss is not cached: a key rotated in by the admin script must be found on the next request.
      void p
        .then((k) => k === null && this.#cache.delete(keyId))
        .catch(() => this.#cache.delete(keyId));
    }
    return p;
  }

  /** Drops a key from the cache (it was destroyed). */
  forget(keyId: string): void {
    this.#cache.delete(keyId);
  }

  async #load(keyId: string): Promise<CryptoKey | null> {
    const r = await this.db.query<KeyRow>(
      'SELECT key_id, public_jwk, private_jwk FROM server_keys WHERE key_id = $1 AND private_jwk IS NOT NULL',
      [keyId],
    );
    const row = r.rows[0];
    if (!row) return null;
    const stored = asJson(row.private_jwk);
    const jwk = isWrapped(stored) ? unwrapKey(this.kek, keyId, stored) : (stored as JsonWebKey);
    return globalThis.crypto.subtle.importKey('jwk', jwk, CURVE, false, ['deriveBits']);
  }
}
