/** Picks the database from the environment: PostgreSQL when DATABASE_URL is set, otherwise PGlite in DATA_DIR. */
import { join } from 'node:path';
import type { Db } from './db.ts';
import { openPglite } from './dbPglite.ts';
import { openPostgres } from './dbPostgres.ts';

/** Where PGlite keeps its files: DATA_DIR, or ./data in the working directory. */
export const dataDirFromEnv = (env: NodeJS.ProcessEnv = process.env): string =>
  env.DATA_DIR ?? join(process.cwd(), 'data');

/** Opens the database the environment asks for (the server and the admin script share this). */
export async function openDbFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Db> {
  const url = env.DATABASE_URL;
  if (url) return openPostgres(url);
  return openPglite(join(dataDirFromEnv(env), 'pglite'));
}
