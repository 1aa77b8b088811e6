// What the server benches share: running one bench on PGlite (a temp folder) and on PostgreSQL (a throwaway schema,
// when DATABASE_URL is set), and percentiles of timings.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../src/server/db.ts';
import { openPglite } from '../src/server/dbPglite.ts';
import { openPostgres } from '../src/server/dbPostgres.ts';

/** The p-th percentile of ascending `sorted` (nearest rank below), NaN when empty. */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Runs `bench` on a fresh PGlite, then on a fresh PostgreSQL schema (or says it skipped it); the lines of both. */
export async function onEachDatabase(
  prefix: string,
  bench: (label: string, db: Db) => Promise<string[]>,
): Promise<string[]> {
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const pglite = await openPglite(dir);
  try {
    lines.push(...(await bench('PGlite', pglite)));
  } finally {
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `bench_${randomBytes(4).toString('hex')}`;
    const pg = await openPostgres(url, { schema, max: 10 });
    try {
      lines.push(...(await bench('PostgreSQL', pg)));
    } finally {
      await pg.exec(`DROP SCHEMA "${schema}" CASCADE`);
      await pg.close();
    }
  } else lines.push('  PostgreSQL: skipped (set DATABASE_URL)');
  return lines;
}
