/** What each sync round does before sending: drop yesterday's previews, then pick up the office's config. */
import { purgeSyncedPreviews } from '../storage/outbox.ts';
import { refreshConfig } from './config.ts';

/** Local midnight of the day `at` falls in (the tablet's own time zone: the staff's working day). */
export function startOfLocalDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Runs first in every round (inside the sync lock), so a rotated key or new settings are known before anything is
 * sealed. Purging needs no network; the config fetch is conditional and never throws.
 */
export async function beforeSending(deps: {
  readonly fetch: typeof fetch;
  readonly now: () => number;
}): Promise<void> {
  await purgeSyncedPreviews(startOfLocalDay(deps.now())).catch((e: unknown) =>
    console.warn('preview purge failed', e),
  );
  await refreshConfig(deps);
}
