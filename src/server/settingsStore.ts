/** Agency settings kept on the server (one row, JSON), always read back through restoreSettings. */
import { restoreSettings, type AgencySettings } from '../shared/core/settings.ts';
import type { Queryable } from './db.ts';

/** The agency's settings; defaults until an administrator saves some. */
export async function loadSettings(db: Queryable): Promise<AgencySettings> {
  const r = await db.query<{ value: unknown }>('SELECT value FROM agency_settings WHERE id = 1');
  return restoreSettings(r.rows[0]?.value ?? {});
}

/** Stores settings (restored first, so nothing out of bounds is ever kept) and returns what was stored. */
export async function saveSettings(
  db: Queryable,
  raw: unknown,
  now: number,
): Promise<AgencySettings> {
  const settings = restoreSettings(raw);
  await db.query(
    `INSERT INTO agency_settings (id, value, updated_at) VALUES (1, $1::jsonb, $2)
     ON CONFLICT (id) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at`,
    [JSON.stringify(settings), new Date(now).toISOString()],
  );
  return settings;
}
