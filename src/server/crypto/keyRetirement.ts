/**
 * Destroying a retired sealing key: its private half is deleted (and the table compacted) once no tablet can still
 * hold a record sealed to it. A tablet is clear of a key when it enrolled after the key was retired, or has reported
 * after the retirement with nothing queued and nothing rejected (it seals at completion and reports after each
 * sync round, so an empty outbox after the rotation holds no record sealed to the old key).
 */
import type { ServerKeyStatus } from '../../shared/contract/workspaceApi.ts';
import type { Db, Queryable } from '../db.ts';
import { compactTables } from '../compact.ts';

type KeyStatus = ServerKeyStatus;

interface Row {
  key_id: string;
  created_at: Date | string;
  active: boolean;
  retired_at: Date | string | null;
  destroyed_at: Date | string | null;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

async function tabletsHolding(db: Queryable, retiredAt: Date | string): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    `SELECT d.name FROM devices d LEFT JOIN device_status s ON s.device_id = d.id
     WHERE d.revoked_at IS NULL AND d.enrolled_at < $1
       AND NOT (s.reported_at IS NOT NULL AND s.reported_at > $1
                AND (s.report->>'queued')::numeric = 0 AND (s.report->>'rejected')::numeric = 0)
     ORDER BY d.name`,
    [new Date(retiredAt).toISOString()],
  );
  return r.rows.map((x) => x.name);
}

/** Every server key, newest first, with the tablets a retired key still waits for. */
export async function listServerKeys(db: Queryable): Promise<KeyStatus[]> {
  const r = await db.query<Row>(
    'SELECT key_id, created_at, active, retired_at, destroyed_at FROM server_keys ORDER BY created_at DESC',
  );
  const out: KeyStatus[] = [];
  for (const k of r.rows)
    out.push({
      keyId: k.key_id,
      createdAt: new Date(k.created_at).toISOString(),
      active: k.active,
      retiredAt: iso(k.retired_at),
      destroyedAt: iso(k.destroyed_at),
      waitingFor:
        k.active || k.destroyed_at !== null || k.retired_at === null
          ? []
          : await tabletsHolding(db, k.retired_at),
    });
  return out;
}

/** Why a key cannot be destroyed now, as an error code and message. */
export type DestroyRefusal = { readonly error: string; readonly message: string };

/**
 * Deletes the private half of a retired key when no tablet can hold records sealed to it, then compacts the table
 * so the wrapped bytes leave the data files; returns a refusal otherwise.
 */
export async function destroyServerKey(
  db: Db,
  keyId: string,
  now: number,
): Promise<DestroyRefusal | null> {
  const refusal = await db.transaction(async (tx): Promise<DestroyRefusal | null> => {
    const r = await tx.query<Row>(
      'SELECT key_id, created_at, active, retired_at, destroyed_at FROM server_keys WHERE key_id = $1 FOR UPDATE',
      [keyId],
    );
    const k = r.rows[0];
    if (!k) return { error: 'not_found', message: 'no server key with this id' };
    if (k.active || k.retired_at === null)
      return { error: 'key_active', message: 'the active key cannot be destroyed; rotate first' };
    if (k.destroyed_at !== null) return null;
    const waiting = await tabletsHolding(tx, k.retired_at);
    if (waiting.length > 0)
      return {
        error: 'key_in_use',
        message: `tablets may still hold records sealed to this key: ${waiting.join(', ')}; let them sync first`,
      };
    await tx.query(
      'UPDATE server_keys SET private_jwk = NULL, destroyed_at = $2 WHERE key_id = $1',
      [keyId, new Date(now).toISOString()],
    );
    return null;
  });
  if (!refusal) await compactTables(db, ['server_keys']);
  return refusal;
}
