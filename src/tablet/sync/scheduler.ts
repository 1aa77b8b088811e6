/**
 * When the tablet syncs: on app start, when the network returns, when the page becomes visible, after each
 * completion, on a timer, and when the service worker's Background Sync fires. One tab at a time (Web Locks).
 */
import { nextAttemptAt } from '../storage/outbox.ts';
import { onSyncOpportunity, withExclusiveLock } from '../platform/network.ts';
import { onServiceWorkerMessage, registerBackgroundSync } from '../platform/serviceWorker.ts';
import { beforeSending } from './round.ts';
import { drainOutbox, type DrainResult, type SenderDeps } from './sender.ts';
import { sendStatusReport } from './statusReport.ts';

/** How often to look even when nothing happened (ms). */
const HEARTBEAT_MS = 60_000;

type Listener = (r: DrainResult | null) => void;

/** A running sync loop. */
export interface SyncLoop {
  /** Ask for a sync now (after a completion, or from staff mode). */
  readonly request: () => void;
  /** Hear how each drain ended. */
  readonly subscribe: (l: Listener) => () => void;
  readonly stop: () => void;
}

/** Starts the loop; `deps` come from the app (real fetch, clock, sealing). */
export function startSyncLoop(deps: SenderDeps): SyncLoop {
  const listeners = new Set<Listener>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let stopped = false;

  const schedule = async () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    const due = await nextAttemptAt().catch(() => null);
    const wait =
      due === null ? HEARTBEAT_MS : Math.min(HEARTBEAT_MS, Math.max(1_000, due - deps.now()));
    timer = setTimeout(() => void run(), wait);
  };

  const run = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const result = await withExclusiveLock('slimme-intake-sync', async () => {
        await beforeSending(deps); // yesterday's previews out, the office's config in
        return drainOutbox(deps);
      });
      listeners.forEach((l) => l(result));
      // Never awaited: `serviceWorker.ready` can stay pending (no worker yet) and must not stall the loop.
      if (result?.kind === 'retry-later') void registerBackgroundSync('sync-outbox');
      // Only after a round that reached the server: a report to an unreachable server would just fail again.
      if (result?.kind === 'done') void sendStatusReport(deps.fetch);
    } catch (e) {
      console.warn('sync failed', e);
      listeners.forEach((l) => l(null));
    } finally {
      running = false;
      if (again) {
        again = false;
        void run();
      } else void schedule();
    }
  };

  const offOpportunity = onSyncOpportunity(() => void run());
  const offMessage = onServiceWorkerMessage((data) => {
    if ((data as { type?: string } | null)?.type === 'sync-outbox') void run();
  });
  void run();

  return {
    request: () => void run(),
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
