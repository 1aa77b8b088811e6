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

/**
 * The scoring a record is scored with on the server: that of the settings version the tablet ran under, so both
 * sides use the same threshold; today's when the record names no version (older tablets) or an unknown one.
 * Each version is read once per lookup (one lookup per sync request).
 */
export function scoringLookup(
  db: Queryable,
): (settingsVersion: number | undefined) => Promise<ScoringSettings> {
  const seen = new Map<number | undefined, Promise<ScoringSettings>>();
  const read = async (version: number | undefined): Promise<ScoringSettings> => {
    if (version === 0) return restoreSettings({}).scoring;
    if (version !== undefined) {
      const r = await db.query<{ value: unknown }>(
        'SELECT value FROM agency_settings_versions WHERE version = $1',
        [version],
      );
      if (r.rows[0]) return restoreSettings(r.rows[0].value).scoring;
    }
    return (await loadSettings(db)).scoring;
  };
  return (version) => {
    let p = seen.get(version);
    if (!p) seen.set(version, (p = read(version)));
    return p;
  };
}
