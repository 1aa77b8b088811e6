/** What each sync round does before sending: drop yesterday's previews, then pick up the office's config. */
import { retryDelay } from '../../shared/core/backoff.ts';
import { isOnline } from '../platform/network.ts';
import { loadSyncStatus, updateSyncStatus } from '../storage/device.ts';
import { purgeSyncedPreviews } from '../storage/outbox.ts';
import { refreshConfig } from './config.ts';

/** Local midnight of the day `at` falls in (the tablet's own time zone: the staff's working day). */
export function startOfLocalDay(at: number): number {
  const d = new Date(at);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/** What a round needs to fetch the config: the same clock, randomness and network signal as the sender. */
export interface RoundDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly random: () => number;
  readonly online?: () => boolean;
}

/**
 * Runs first in every round (inside the sync lock), so a rotated key or new settings are known before anything is
 * sealed. Purging needs no network. The config fetch is conditional and never throws, and it obeys the tablet's one
 * backoff: while the tablet backs off it is skipped (unless staff force a round), and a failed fetch starts or
 * lengthens the backoff, so a server that is down gets one request per round from a tablet, not two.
 */
export async function beforeSending(deps: RoundDeps, options: { readonly force?: boolean } = {}) {
  await purgeSyncedPreviews(startOfLocalDay(deps.now())).catch((e: unknown) =>
    console.warn('preview purge failed', e),
  );
  if (!(deps.online ?? isOnline)()) return;
  const status = await loadSyncStatus().catch(() => null);
  if (!options.force && status && status.retryAt > deps.now()) return;
  const result = await refreshConfig(deps);
  if (result.kind !== 'failed' || !status) return;
  const failures = status.failures + 1;
  await updateSyncStatus({
    lastAttemptAt: deps.now(),
    lastError: 'config_unreachable',
    failures,
    retryAt: deps.now() + retryDelay(failures, deps.random(), null),
  }).catch((e: unknown) => console.warn('sync status not saved', e));
}
