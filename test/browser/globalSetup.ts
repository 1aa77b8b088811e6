// Once per browser-test run, what every app server would otherwise make for itself: an initialised PGlite data
// folder with the schema migrated (initdb in WASM costs ~10 s of CPU per server, the migrations ~1.2 s more) and the
// server's renderings of the default agency name in each language (every fresh tablet asks for them). startApp
// copies both into each server's own data folder, so servers still share nothing; each still makes its own keys,
// its own setup code and any other rendering. Migrating an empty database is what every server test does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPglite } from '../../src/server/dbPglite.ts';
import { migrate } from '../../src/server/migrate.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { normalizeSpeechText } from '../../src/shared/core/speechText.ts';
import { createRenderPool } from '../../src/shared/speechRender/renderPool.ts';
import { VOICES } from '../../src/shared/speechRender/voices.ts';

/** The environment variable naming the seed folder (`pglite/`, `speech/`) for test/browser/harness.ts. */
export const SEED_ENV = 'BROWSER_TEST_SEED';

/** Makes the seed folder and names it in the environment the test workers inherit; removes it afterwards. */
export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'si-browser-seed-'));
  const db = await openPglite(join(dir, 'pglite'));
  await migrate(db);
  await db.close();
  const pool = createRenderPool(join(dir, 'speech'), { size: 2 });
  const name = normalizeSpeechText(DEFAULT_SETTINGS.agencyName);
  await Promise.all(Object.values(VOICES).map(({ voice }) => pool.render(voice, name)));
  await pool.close();
  process.env[SEED_ENV] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
