/** What tablets report about themselves after a sync round, and the coordinator's device list built on it. */
import type { DeviceRow, DeviceStatusReport } from '../shared/contract/workspaceApi.ts';
import type { Queryable } from './db.ts';
import { asObject } from './bodies.ts';

const count = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const bytes = (v: unknown): v is number | null => v === null || count(v);
const MODES = ['voice', 'audio', 'none'] as const;

/** The report when well-formed (unknown fields dropped), else a message for the 400. */
export function validateStatusReport(
  body: unknown,
): { ok: true; value: DeviceStatusReport } | { ok: false; error: string } {
  const o = asObject(body);
  const s = asObject(o?.storage);
  if (!o || !s)
    return { ok: false, error: 'body must be {queued, rejected, storage: {...}, appVersion}' };
  if (!count(o.queued) || !count(o.rejected))
    return { ok: false, error: 'queued and rejected must be counts' };
  if (typeof o.appVersion !== 'string' || o.appVersion.length === 0 || o.appVersion.length > 40)
    return { ok: false, error: 'appVersion must be a string of 1-40 characters' };
  if (s.persisted !== null && typeof s.persisted !== 'boolean')
    return { ok: false, error: 'storage.persisted must be true, false or null' };
  if (!bytes(s.usageBytes) || !bytes(s.quotaBytes))
    return { ok: false, error: 'storage.usageBytes and quotaBytes must be byte counts or null' };
  if (s.error !== null && (typeof s.error !== 'string' || s.error.length > 200))
    return { ok: false, error: 'storage.error must be null or a string of at most 200 characters' };
  let readAloud: Record<string, (typeof MODES)[number]> | undefined;
  if (o.readAloud !== undefined) {
    const r = asObject(o.readAloud);
    const entries = r ? Object.entries(r) : [];
    if (
      !r ||
      entries.length > 40 ||
      !entries.every(
        ([k, v]) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(k) && MODES.includes(v as never),
      )
    )
      return {
        ok: false,
        error: 'readAloud must map language codes to "voice", "audio" or "none"',
      };
    readAloud = Object.fromEntries(entries) as Record<string, (typeof MODES)[number]>;
  }
  return {
    ok: true,
    value: {
      queued: o.queued,
      rejected: o.rejected,
      storage: {
        persisted: s.persisted,
        usageBytes: s.usageBytes,
        quotaBytes: s.quotaBytes,
        error: s.error,
      },
      appVersion: o.appVersion,
      ...(readAloud ? { readAloud } : {}),
    },
  };
}

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
    [deviceId, JSON.stringify(report), new Date(now).toISOString()],
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
