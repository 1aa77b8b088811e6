/** Agency settings kept on the server (one current row plus every saved version), always read through restoreSettings. */
import { restoreSettings, type AgencySettings } from '../shared/core/settings.ts';
import type { ScoringSettings } from '../shared/core/scoring.ts';
import type { Queryable } from './db.ts';

/** The agency's settings; defaults until an administrator saves some. */
export async function loadSettings(db: Queryable): Promise<AgencySettings> {
  const r = await db.query<{ value: unknown }>('SELECT value FROM agency_settings WHERE id = 1');
  return restoreSettings(r.rows[0]?.value ?? {});
}

/** The current settings with their version number (0: never saved) and when they were saved. */
export interface VersionedSettings {
  readonly settings: AgencySettings;
  readonly version: number;
  readonly updatedAt: string | null;
}

/** The current settings and their version, read in one statement. */
export async function loadVersionedSettings(db: Queryable): Promise<VersionedSettings> {
  const r = await db.query<{ value: unknown; updated_at: Date | string; version: number }>(
    'SELECT value, updated_at, version FROM agency_settings WHERE id = 1',
  );
  const row = r.rows[0];
  if (!row) return { settings: restoreSettings({}), version: 0, updatedAt: null };
  return {
    settings: restoreSettings(row.value),
    version: Number(row.version),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Stores settings (restored first, so nothing out of bounds is ever kept) as the next version and returns them. */
export async function saveSettings(
  db: Queryable,
  raw: unknown,
  now: number,
  savedBy: string | null = null,
): Promise<AgencySettings> {
  const settings = restoreSettings(raw);
  // One statement: the upsert takes the row lock and the next number; the history row gets the same number.
  await db.query(
    `WITH saved AS (
       INSERT INTO agency_settings (id, value, updated_at, version) VALUES (1, $1::jsonb, $2, 1)
       ON CONFLICT (id) DO UPDATE
         SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at, version = agency_settings.version + 1
       RETURNING version)
     INSERT INTO agency_settings_versions (version, value, saved_at, saved_by)
     SELECT version, $1::jsonb, $2, $3 FROM saved`,
    [JSON.stringify(settings), new Date(now).toISOString(), savedBy],
  );
  return settings;
}

/** Scoring of saved settings versions by database: a saved version never changes, so each is read once per process. */
const savedScorings = new WeakMap<object, Map<number, ScoringSettings>>();

/**
 * The scoring of every settings version this process has read from `db` (version 0, the defaults, always), for ingest
 * to score on a worker thread without asking the database again.
 */
export function knownScorings(db: object): Map<number, ScoringSettings> {
  let known = savedScorings.get(db);
  if (!known) {
    known = new Map([[0, restoreSettings({}).scoring]]);
    savedScorings.set(db, known);
  }
  return known;
}

/** Reads the saved versions among `versions` into `knownScorings(db)`; a version never saved stays out. */
export async function learnScorings(db: Queryable, versions: readonly number[]): Promise<void> {
  const known = knownScorings(db);
  const missing = [...new Set(versions)].filter((v) => !known.has(v));
  if (missing.length === 0) return;
  const r = await db.query<{ version: number; value: unknown }>(
    `SELECT version, value FROM agency_settings_versions
     WHERE version IN (SELECT (jsonb_array_elements_text($1::jsonb))::bigint)`,
    [JSON.stringify(missing)],
  );
  for (const row of r.rows) known.set(Number(row.version), restoreSettings(row.value).scoring);
}
