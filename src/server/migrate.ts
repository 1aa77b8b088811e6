/** Versioned SQL migrations (`migrations/NNN_name.sql`), applied in order at start, each recorded once. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db.ts';
import { LOCK_MIGRATIONS, XACT_LOCK } from './locks.ts';

const DIR = join(import.meta.dirname, 'migrations');
const NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** One migration file. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** The migration files in version order; a gap or a duplicate number is a programming error. */
export function loadMigrations(dir: string = DIR): Migration[] {
  const list = readdirSync(dir)
    .map((f) => ({ f, m: NAME.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => x.m !== null)
    .map(({ f, m }) => ({
      version: Number(m[1]),
      name: m[2] ?? f,
      sql: readFileSync(join(dir, f), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.version} out of sequence`);
  });
  return list;
}

/** Applies the migrations not yet recorded, all in one transaction; returns the versions it applied. */
export async function migrate(db: Db, migrations: readonly Migration[] = loadMigrations()) {
  return db.transaction(async (tx) => {
    // Two servers starting against one PostgreSQL must not migrate at the same time.
    await tx.query(XACT_LOCK, [LOCK_MIGRATIONS]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        m.version,
        m.name,
      ]);
      applied.push(m.version);
    }
    return applied;
  });
}
