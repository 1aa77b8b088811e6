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
  readonly timeoutMs?: number;
}

/** Drops the previews of synced sessions from an earlier day; needs no network and never throws. */
export async function purgeOldPreviews(deps: { readonly now: () => number }): Promise<void> {
  await purgeSyncedPreviews(startOfLocalDay(deps.now())).catch((e: unknown) =>
    console.warn('preview purge failed', e),
  );
}

/**
 * One sync round, with the office's config fetched in the same gate as the sessions, so the tablet has one backoff for
 * every request it makes. The config comes first when the last contact was fine (a rotated key is then known before
 * pending records are sealed); after a failed contact it waits until a round reaches the server again, so a server
 * that is down gets one request per allowed round. A failed config fetch never holds the sessions back; when nothing
 * else reached the server in that round it lengthens the backoff itself. Never throws for the config.
 */
export async function syncRound<R extends { readonly kind: string }>(
  deps: RoundDeps,
  force: boolean,
  drain: () => Promise<R>,
): Promise<R> {
  await purgeOldPreviews(deps);
  const online = (deps.online ?? isOnline)();
  const before = await loadSyncStatus().catch(() => null);
  const healthy = before !== null && before.failures === 0 && before.retryAt <= deps.now();
  let fetched = false;
  let configFailed = false;
  if (online && (force || healthy)) {
    fetched = true;
    configFailed = (await refreshConfig(deps)).kind === 'failed';
  }
  const drained = await drain();
  if (drained.kind !== 'done' || !online) return drained;
  if (!fetched) configFailed = (await refreshConfig(deps)).kind === 'failed';
  if (configFailed) {
    const failures = (before?.failures ?? 0) + 1;
    await updateSyncStatus({
      lastAttemptAt: deps.now(),
      lastError: 'config_unreachable',
      failures,
      retryAt: deps.now() + retryDelay(failures, deps.random(), null),
    }).catch((e: unknown) => console.warn('sync status not saved', e));
  }
  return drained;
}
