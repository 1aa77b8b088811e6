/**
 * When the tablet syncs: on app start, when the network returns, when the page becomes visible, after each
 * completion, on a timer, and when the service worker's Background Sync fires. Every one of these only asks for a
 * round; the round itself sends nothing while the tablet backs off (`drainOutbox`), so a fleet of tablets cannot
 * storm a server that is down. One tab at a time (Web Locks); every request has a deadline, so no round hangs.
 */
import { loadSyncStatus } from '../storage/device.ts';
import { onSyncOpportunity, withExclusiveLock } from '../platform/network.ts';
import { onServiceWorkerMessage, registerBackgroundSync } from '../platform/serviceWorker.ts';
import { BACKGROUND_SYNC_TAG } from '../pwa/worker/messages.ts';
import { beforeSending } from './round.ts';
import { drainOutbox, type DrainResult, type SenderDeps } from './sender.ts';
import { sendStatusReport } from './statusReport.ts';

/** How often to look even when nothing happened (ms). */
const HEARTBEAT_MS = 60_000;

type Listener = (r: DrainResult | null) => void;

/** A running sync loop. */
export interface SyncLoop {
  /** Ask for a sync now (after a completion): honours the backoff. */
  readonly request: () => void;
  /** Staff pressed "send now": one round even while backing off. */
  readonly sendNow: () => void;
  /** Hear how each drain ended. */
  readonly subscribe: (l: Listener) => () => void;
  readonly stop: () => void;
}

/** What else a round does once it reached the server (status report; the configuration fetch belongs here too). */
function afterRound(result: DrainResult | null, deps: SenderDeps): void {
  // Never awaited: `serviceWorker.ready` can stay pending (no worker yet) and must not stall the loop. Only when
  // offline: Background Sync fires at once on a tablet that is online, so after a server error it would be a storm.
  if (result?.kind === 'retry-later' && result.error === 'offline')
    void registerBackgroundSync(BACKGROUND_SYNC_TAG);
  // Only after a round that reached the server: a report to an unreachable server would just fail again.
  if (result?.kind === 'done') void sendStatusReport(deps.fetch);
}

/** Starts the loop; `deps` come from the app (real fetch, clock, sealing). */
export function startSyncLoop(deps: SenderDeps): SyncLoop {
  const listeners = new Set<Listener>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let forceNext = false;
  let stopped = false;

  const schedule = async () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const retryAt = await loadSyncStatus().then(
      (s) => s.retryAt,
      () => 0,
    );
    const wait = retryAt > deps.now() ? Math.min(HEARTBEAT_MS, retryAt - deps.now()) : HEARTBEAT_MS;
    timer = setTimeout(() => void run(), wait);
  };

  const run = async (force = false): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      forceNext ||= force;
      return;
    }
    running = true;
    try {
      const result = await withExclusiveLock('slimme-intake-sync', async () => {
        await beforeSending(deps, { force }); // yesterday's previews out, the office's config in
        return drainOutbox(deps, { force });
      });
      listeners.forEach((l) => l(result));
      afterRound(result, deps);
    } catch (e) {
      console.warn('sync failed', e);
      listeners.forEach((l) => l(null));
    } finally {
      running = false;
      if (again) {
        const f = forceNext;
        again = false;
        forceNext = false;
        void run(f);
      } else void schedule();
    }
  };

  const offOpportunity = onSyncOpportunity(() => void run());
  const offMessage = onServiceWorkerMessage((data) => {
    if ((data as { type?: string } | null)?.type === BACKGROUND_SYNC_TAG) void run();
  });
  void run();

  return {
    request: () => void run(),
    sendNow: () => void run(true),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      offOpportunity();
      offMessage();
    },
  };
}
