// Migrations run once, in order, and a restart (same data) applies nothing and keeps the server key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/app.ts';
import { activeServerKey } from '../../src/server/crypto/keys.ts';
import { openPglite } from '../../src/server/dbPglite.ts';
import { loadMigrations, migrate } from '../../src/server/migrate.ts';
import { DB_KIND, testDb } from './helpers.ts';

describe(`migrations (${DB_KIND})`, () => {
  it('apply once and are recorded', async () => {
    const db = await testDb();
    try {
      const all = loadMigrations().map((m) => m.version);
      expect(await migrate(db)).toEqual(all);
      expect(await migrate(db)).toEqual([]);
      const r = await db.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY 1',
      );
      expect(r.rows.map((x) => x.version)).toEqual(all);
    } finally {
      await db.close();
    }
  });

  it('survive a server restart on the same PGlite data folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'si-mig-'));
    try {
      const first = await createServer({ dataDir: dir, log: false });
      await first.close();
      const db = await openPglite(join(dir, 'pglite'));
      const key = await activeServerKey(db);
      await db.close();
      const second = await createServer({ dataDir: dir, log: false });
      await second.close();
      const again = await openPglite(join(dir, 'pglite'));
      expect(await activeServerKey(again)).toEqual(key);
      expect((await again.query('SELECT * FROM schema_migrations')).rows).toHaveLength(
        loadMigrations().length,
      );
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A real initdb on disk (WASM), the one this suite does not share: slow on a loaded machine.
  }, 120_000);
});
