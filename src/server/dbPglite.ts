/** Embedded PostgreSQL (PGlite, WASM): a single agency runs without installing a database; tests run it in memory. */
import { mkdirSync } from 'node:fs';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable, QueryResult } from './db.ts';

function wrap(q: PGlite | Transaction): Queryable {
  return {
    async query<R>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<R>> {
      const r = await q.query<R>(sql, params as unknown[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await q.exec(sql);
    },
  };
}

/** Opens PGlite with its data in `dataDir` (created on first use), or in memory when `dataDir` is undefined. */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir !== undefined) mkdirSync(dataDir, { recursive: true });
  // pg_trgm: the client search's trigram index (migration 008); PostgreSQL ships it as contrib.
  const extensions = { pg_trgm };
  const pg =
    dataDir === undefined ? new PGlite({ extensions }) : new PGlite(dataDir, { extensions });
  await pg.waitReady;
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
