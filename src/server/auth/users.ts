/** Workspace accounts: coordinators and staff, with a password hash and the postures staff work well with. */
import { randomUUID } from 'node:crypto';
import type { Role, UserSummary } from '../../shared/contract/workspaceApi.ts';
import type { Queryable } from '../db.ts';

/** A user row as the server needs it for sign-in. */
export interface UserRecord {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly role: Role;
  readonly passwordHash: string;
  readonly postures: readonly string[];
  readonly disabled: boolean;
  /** A coordinator set this password: the owner must choose their own before doing anything else. */
  readonly mustChangePassword: boolean;
}

interface Row {
  id: string;
  name: string;
  username: string;
  role: Role;
  password_hash: string;
  postures: string[];
  disabled_at: Date | string | null;
  must_change_password: boolean;
}

const toUser = (r: Row): UserRecord => ({
  id: r.id,
  name: r.name,
  username: r.username,
  role: r.role,
  passwordHash: r.password_hash,
  postures: r.postures,
  disabled: r.disabled_at !== null,
  mustChangePassword: r.must_change_password,
});

const COLUMNS =
  'id, name, username, role, password_hash, postures, disabled_at, must_change_password';

/** The user with this username (case-insensitive), or null. */
export async function userByUsername(db: Queryable, username: string): Promise<UserRecord | null> {
  const r = await db.query<Row>(`SELECT ${COLUMNS} FROM users WHERE lower(username) = lower($1)`, [
    username,
  ]);
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

/** The user with this id, or null (also for an id that is not a UUID). */
export async function userById(db: Queryable, id: string): Promise<UserRecord | null> {
  const r = await db.query<Row>(`SELECT ${COLUMNS} FROM users WHERE id::text = lower($1)`, [id]);
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

/** True once an active coordinator exists (then no setup code is needed). */
export async function hasCoordinator(db: Queryable): Promise<boolean> {
  const r = await db.query(
    `SELECT 1 FROM users WHERE role = 'coordinator' AND disabled_at IS NULL LIMIT 1`,
  );
  return r.rows.length > 0;
}

/** Creates a user (hash the password first, outside any transaction); null when the username is taken. */
export async function createUser(
  db: Queryable,
  u: {
    name: string;
    username: string;
    role: Role;
    passwordHash: string;
    /** True when someone else chose the password (a coordinator creating the account). */
    mustChangePassword?: boolean;
  },
  now: number,
): Promise<UserRecord | null> {
  const hash = u.passwordHash;
  const r = await db.query<Row>(
    `INSERT INTO users (id, name, username, role, password_hash, postures, created_at, must_change_password)
     VALUES ($1, $2, $3, $4, $5, '[]'::jsonb, $6, $7)
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    [
      randomUUID(),
      u.name,
      u.username,
      u.role,
      hash,
      new Date(now).toISOString(),
      u.mustChangePassword ?? false,
    ],
  );
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

/** Changes some fields of a user; returns the user after the change, or null when unknown. */
export async function updateUser(
  db: Queryable,
  id: string,
  change: {
    name?: string;
    role?: Role;
    postures?: readonly string[];
    disabled?: boolean;
    passwordHash?: string;
    mustChangePassword?: boolean;
  },
  now: number,
): Promise<UserRecord | null> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  const set = (sql: string, v: unknown) => {
    params.push(v);
    sets.push(sql.replace('?', `$${params.length}`));
  };
  if (change.name !== undefined) set('name = ?', change.name);
  if (change.role !== undefined) set('role = ?', change.role);
  if (change.postures !== undefined) set('postures = ?::jsonb', JSON.stringify(change.postures));
  if (change.passwordHash !== undefined) set('password_hash = ?', change.passwordHash);
  if (change.mustChangePassword !== undefined)
    set('must_change_password = ?', change.mustChangePassword);
  if (change.disabled === true)
    set('disabled_at = coalesce(disabled_at, ?::timestamptz)', new Date(now).toISOString());
  if (change.disabled === false) sets.push('disabled_at = NULL');
  if (sets.length === 0) return userById(db, id);
  const r = await db.query<Row>(
    `UPDATE users SET ${sets.join(', ')} WHERE id::text = lower($1) RETURNING ${COLUMNS}`,
    params,
  );
  return r.rows[0] ? toUser(r.rows[0]) : null;
}

/** Active coordinators other than `exceptId`; the last one may not be disabled or demoted. */
export async function otherActiveCoordinators(db: Queryable, exceptId: string): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM users
     WHERE role = 'coordinator' AND disabled_at IS NULL AND id::text <> lower($1)`,
    [exceptId],
  );
  return r.rows[0]?.n ?? 0;
}

/** How many clients are linked to each user now; the client store (issue 4, clients) supplies it. */
export type CaseloadSource = (db: Queryable) => Promise<ReadonlyMap<string, number>>;

/** Until client linking exists nobody has a caseload. */
export const noCaseloads: CaseloadSource = () => Promise.resolve(new Map());

/** A user as the coordinator's list shows it. */
export function toSummary(u: UserRecord, caseloads: ReadonlyMap<string, number>): UserSummary {
  return {
    id: u.id,
    name: u.name,
    username: u.username,
    role: u.role,
    postures: [...u.postures],
    caseload: caseloads.get(u.id) ?? 0,
    disabled: u.disabled,
  };
}

/** Every user, coordinators first, then by name. */
export async function listUsers(db: Queryable): Promise<UserRecord[]> {
  const r = await db.query<Row>(
    `SELECT ${COLUMNS} FROM users ORDER BY role = 'coordinator' DESC, lower(name), id`,
  );
  return r.rows.map(toUser);
}
