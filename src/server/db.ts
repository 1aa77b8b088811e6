/** The one database interface the server uses, so embedded PGlite and real PostgreSQL run the same SQL. */

/** Rows of one statement; `rowCount` counts rows returned or changed. */
export interface QueryResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

/** Anything statements can run on: the database itself or an open transaction. */
export interface Queryable {
  /** One statement with `$1`-style parameters; pass JSON as a string and cast with `::jsonb`. */
  readonly query: <R = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ) => Promise<QueryResult<R>>;
  /** Several statements without parameters (migrations). */
  readonly exec: (sql: string) => Promise<void>;
}

/** A database handle: statements, transactions (committed when `fn` resolves, rolled back when it throws), close. */
export interface Db extends Queryable {
  readonly transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
  readonly close: () => Promise<void>;
  /** 'pglite' or 'postgres', for logs and bench labels. */
  readonly kind: 'pglite' | 'postgres';
}
