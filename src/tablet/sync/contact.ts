/** When a tablet has been out of touch with the server for too long, and what staff should be told. */
import type { DeviceEnrollment, SyncStatus } from '../storage/device.ts';
import type { OfficeConfig } from '../storage/officeConfig.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the warning says: since when the server was not reached, and how many sessions wait. */
export interface ContactOverdue {
  readonly since: number;
  readonly queued: number;
}

/**
 * The warning, or null: only for an enrolled tablet whose last contact (a sync that reached the server, a config
 * answer, or enrollment itself) is longer ago than the agency's `offlineWarnDays`.
 */
export function contactOverdue(input: {
  readonly enrollment: DeviceEnrollment | null;
  readonly status: SyncStatus;
  readonly office: OfficeConfig | null;
  readonly queued: number;
  readonly warnDays: number;
  readonly now: number;
}): ContactOverdue | null {
  if (!input.enrollment || input.status.refused) return null;
  const since = Math.max(
    input.enrollment.enrolledAt,
    input.status.lastSuccessAt ?? 0,
    input.office?.checkedAt ?? 0,
  );
  return input.now - since > input.warnDays * DAY_MS ? { since, queued: input.queued } : null;
}
