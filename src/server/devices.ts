/** Tablet enrollment with one-time codes, bearer tokens stored as hashes, and revocation. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Db, Queryable } from './db.ts';

/** How long an enrollment code is valid. */
export const CODE_TTL_MS = 24 * 60 * 60 * 1000;

// Crockford base32 without I, L, O, U: easy to read aloud and type on a tablet.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** SHA-256 hex: codes and tokens are stored only as this. */
export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Upper-cases and drops spaces and dashes, so "abcd-efgh-jkmn" and "ABCDEFGHJKMN" are the same code. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

/** Creates a one-time code (60 bits, shown as XXXX-XXXX-XXXX) for the tablet called `name`. */
export async function createEnrollCode(db: Queryable, name: string, now: number): Promise<string> {
  const bytes = randomBytes(12);
  const raw = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  await db.query(
    `INSERT INTO enroll_codes (code_hash, device_name, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
    [sha256(raw), name, new Date(now).toISOString(), new Date(now + CODE_TTL_MS).toISOString()],
  );
  return raw.match(/.{4}/g)?.join('-') ?? raw;
}

/** Why an enrollment was refused. */
export type EnrollFailure = 'code_invalid' | 'code_used' | 'code_expired';

/** Spends a code once and creates the device; the token is returned here and never again. */
export async function enrollDevice(
  db: Db,
  code: string,
  now: number,
): Promise<
  { ok: true; deviceId: string; name: string; token: string } | { ok: false; error: EnrollFailure }
> {
  const hash = sha256(normaliseCode(code));
  const at = new Date(now).toISOString();
  const deviceId = randomUUID();
  const token = randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    const spent = await tx.query<{ device_name: string }>(
      `UPDATE enroll_codes SET used_at = $2, device_id = $3
       WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING device_name`,
      [hash, at, deviceId],
    );
    const name = spent.rows[0]?.device_name;
    if (name === undefined) {
      const r = await tx.query<{ used: boolean }>(
        'SELECT used_at IS NOT NULL AS used FROM enroll_codes WHERE code_hash = $1',
        [hash],
      );
      const row = r.rows[0];
      return { ok: false, error: !row ? 'code_invalid' : row.used ? 'code_used' : 'code_expired' };
    }
    await tx.query(
      'INSERT INTO devices (id, name, token_hash, enrolled_at) VALUES ($1, $2, $3, $4)',
      [deviceId, name, sha256(token), at],
    );
    return { ok: true, deviceId, name, token };
  });
}

/** A device as the server knows it. */
export interface Device {
  readonly id: string;
  readonly name: string;
  readonly enrolledAt: Date;
  readonly revokedAt: Date | null;
  readonly lastSeenAt: Date | null;
}

interface DeviceRow {
  id: string;
  name: string;
  enrolled_at: Date | string;
  revoked_at: Date | string | null;
  last_seen_at: Date | string | null;
}

const date = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));
const toDevice = (r: DeviceRow): Device => ({
  id: r.id,
  name: r.name,
  enrolledAt: new Date(r.enrolled_at),
  revokedAt: date(r.revoked_at),
  lastSeenAt: date(r.last_seen_at),
});

/** The device a bearer token belongs to (revoked or not), or null for an unknown token. */
export async function deviceForToken(db: Queryable, token: string): Promise<Device | null> {
  const r = await db.query<DeviceRow>(
    'SELECT id, name, enrolled_at, revoked_at, last_seen_at FROM devices WHERE token_hash = $1',
    [sha256(token)],
  );
  const row = r.rows[0];
  return row ? toDevice(row) : null;
}

/** Every device, oldest first, for `npm run admin -- list-devices`. */
export async function listDevices(db: Queryable): Promise<Device[]> {
  const r = await db.query<DeviceRow>(
    'SELECT id, name, enrolled_at, revoked_at, last_seen_at FROM devices ORDER BY enrolled_at, id',
  );
  return r.rows.map(toDevice);
}

/** Revokes a device; its token stops working at once. Returns false when no such (unrevoked) device exists. */
export async function revokeDevice(db: Queryable, id: string, now: number): Promise<boolean> {
  const r = await db.query(
    'UPDATE devices SET revoked_at = $2 WHERE id::text = lower($1) AND revoked_at IS NULL',
    [id, new Date(now).toISOString()],
  );
  return r.rowCount > 0;
}

/** Records when a device last synced, for list-devices (a tablet that went quiet). */
export async function touchDevice(db: Queryable, id: string, now: number): Promise<void> {
  await db.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [
    id,
    new Date(now).toISOString(),
  ]);
}
