/** Browser sessions: a random cookie token, stored only as a hash, expired when idle or too old. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '../../shared/contract/workspaceApi.ts';
import type { Queryable } from '../db.ts';
import { sha256 } from '../devices.ts';

/** A session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 15 * 60 * 1000;
/** The workspace warns this long before the idle sign-out. */
export const IDLE_WARNING_MS = 2 * 60 * 1000;
/** A session ends this long after sign-in, however active. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;

/** Who is behind a live session. */
export interface SessionUser {
  readonly sessionId: string;
  readonly userId: string;
  readonly name: string;
  readonly username: string;
  readonly role: Role;
  readonly postures: readonly string[];
  /** A coordinator set the password: the session may only change it (see the guard). */
  readonly mustChangePassword: boolean;
}

/** Starts a session for a user; the token goes into the cookie and is never stored. */
export async function createSession(
  db: Queryable,
  userId: string,
  now: number,
): Promise<{ sessionId: string; token: string }> {
  const token = randomBytes(32).toString('base64url');
  const sessionId = randomUUID();
  const at = new Date(now).toISOString();
  await db.query(
    `INSERT INTO web_sessions (id, token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $4)`,
    [sessionId, sha256(token), userId, at],
  );
  return { sessionId, token };
}

/** The user of a live session (and marks it used now), or null; an expired or disabled user's session is deleted. */
export async function resolveSession(
  db: Queryable,
  token: string,
  now: number,
): Promise<SessionUser | null> {
  const r = await db.query<{
    id: string;
    user_id: string;
    created_at: Date | string;
    last_seen_at: Date | string;
    name: string;
    username: string;
    role: Role;
    postures: string[];
    disabled: boolean;
    must_change_password: boolean;
  }>(
    `SELECT s.id, s.user_id, s.created_at, s.last_seen_at, u.name, u.username, u.role, u.postures,
            u.disabled_at IS NOT NULL AS disabled, u.must_change_password
     FROM web_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [sha256(token)],
  );
  const row = r.rows[0];
  if (!row) return null;
  const expired =
    row.disabled ||
    now - new Date(row.last_seen_at).getTime() > IDLE_TIMEOUT_MS ||
    now - new Date(row.created_at).getTime() > ABSOLUTE_TIMEOUT_MS;
  if (expired) {
    await db.query('DELETE FROM web_sessions WHERE id = $1', [row.id]);
    return null;
  }
  await db.query('UPDATE web_sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [
    row.id,
    new Date(now).toISOString(),
  ]);
  return {
    sessionId: row.id,
    userId: row.user_id,
    name: row.name,
    username: row.username,
    role: row.role,
    postures: row.postures,
    mustChangePassword: row.must_change_password,
  };
}

/** Ends one session (sign-out). */
export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM web_sessions WHERE id = $1', [sessionId]);
}

/** Ends every session of a user (sign-out everywhere, disabled account, password reset). */
export async function deleteUserSessions(db: Queryable, userId: string): Promise<number> {
  return (await db.query('DELETE FROM web_sessions WHERE user_id = $1', [userId])).rowCount;
}

/** Removes sessions that can no longer be used, so the table does not grow with abandoned sign-ins. */
export async function purgeExpiredSessions(db: Queryable, now: number): Promise<number> {
  const r = await db.query('DELETE FROM web_sessions WHERE last_seen_at < $1 OR created_at < $2', [
    new Date(now - IDLE_TIMEOUT_MS).toISOString(),
    new Date(now - ABSOLUTE_TIMEOUT_MS).toISOString(),
  ]);
  return r.rowCount;
}
