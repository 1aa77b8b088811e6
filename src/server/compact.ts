/**
 * After an erasure the deleted rows' bytes still sit in the table files (dead tuples), the old files and the WAL
 * until PostgreSQL reuses the space; a copy of the data folder would still hold erased names. Compacting rewrites
 * the tables (VACUUM FULL: new files, old ones unlinked at the checkpoint) and retires the WAL that held them.
 */
import type { Db } from './db.ts';

/** The tables an erasure or retention purge deletes personal data from. */
export const ERASURE_TABLES = [
  'measurements',
  'clients',
  'client_links',
  'judgements',
  'dashboard_rollup',
] as const;

/**
 * Rewrites `tables` and, as far as the database lets this user, checkpoints and switches to a fresh WAL segment
 * with recycling off, so the old segments are deleted rather than renamed for reuse. On PGlite this removes every
 * copy from the data folder; on PostgreSQL the server's own settings decide about WAL (see README, backups).
 */
export async function compactTables(db: Db, tables: readonly string[]): Promise<void> {
  for (const t of tables) {
    if (!/^[a-z_]+$/.test(t)) throw new Error(`not a table name: ${t}`);
    await db.exec(`VACUUM FULL ${t}`);
  }
  for (const step of [
    'SET wal_recycle = off',
    'SELECT pg_switch_wal()',
    'CHECKPOINT',
    'CHECKPOINT',
  ])
    await db.exec(step).catch(() => undefined); // Needs superuser on PostgreSQL; best effort there.
}
