/** What tablets report about themselves after a sync round, and the coordinator's device list built on it. */
import type { DeviceRow, DeviceStatusReport } from '../shared/contract/workspaceApi.ts';
import type { Queryable } from './db.ts';

/** Only the report's known fields (the schema checked them; a newer tablet's extra fields are not kept). */
const knownFields = (r: DeviceStatusReport): DeviceStatusReport => ({
  queued: r.queued,
  rejected: r.rejected,
  storage: {
    persisted: r.storage.persisted,
    usageBytes: r.storage.usageBytes,
    quotaBytes: r.storage.quotaBytes,
    error: r.storage.error,
  },
  appVersion: r.appVersion,
  ...(r.readAloud ? { readAloud: r.readAloud } : {}),
});

/** Keeps the latest report of a device (earlier ones are not needed). */
export async function saveStatusReport(
  db: Queryable,
  deviceId: string,
  report: DeviceStatusReport,
  now: number,
): Promise<void> {
  await db.query(
    `INSERT INTO device_status (device_id, report, reported_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (device_id) DO UPDATE SET report = EXCLUDED.report, reported_at = EXCLUDED.reported_at`,
    [deviceId, JSON.stringify(knownFields(report)), new Date(now).toISOString()],
  );
}

interface Row {
  id: string;
  name: string;
  enrolled_at: Date | string;
  last_seen_at: Date | string | null;
  revoked_at: Date | string | null;
  report: DeviceStatusReport | null;
  reported_at: Date | string | null;
}

const iso = (v: Date | string | null): string | null =>
  v === null ? null : new Date(v).toISOString();

/** Devices with last sync, revoked state and latest report; newest enrolment first. `id` limits to one device. */
export async function deviceRows(db: Queryable, id?: string): Promise<DeviceRow[]> {
  const r = await db.query<Row>(
    `SELECT d.id, d.name, d.enrolled_at, d.last_seen_at, d.revoked_at, s.report, s.reported_at
     FROM devices d LEFT JOIN device_status s ON s.device_id = d.id
     ${id === undefined ? '' : 'WHERE d.id::text = lower($1)'}
     ORDER BY d.enrolled_at DESC, d.id`,
    id === undefined ? [] : [id],
  );
  return r.rows.map((row) => ({
    id: row.id,
    name: row.name,
    enrolledAt: new Date(row.enrolled_at).toISOString(),
    lastSyncAt: iso(row.last_seen_at),
    revokedAt: iso(row.revoked_at),
    status:
      row.report && row.reported_at
        ? { ...row.report, reportedAt: new Date(row.reported_at).toISOString() }
        : null,
  }));
}
