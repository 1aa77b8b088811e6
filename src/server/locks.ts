/**
 * PostgreSQL advisory-lock numbers, one per kind of work that several server instances on one database must not do at
 * the same time. Transaction-scoped (`pg_advisory_xact_lock`), so a crashed instance never leaves one held.
 */

/** Migrations (migrate.ts). */
export const LOCK_MIGRATIONS = 727274;
/** First-start initialisation: the first sealing key, client assignment and the rollup rebuild at start. */
export const LOCK_FIRST_START = 727275;

/** Waits for the lock in the caller's transaction; it is released at commit or rollback. */
export const XACT_LOCK = 'SELECT pg_advisory_xact_lock($1)';
