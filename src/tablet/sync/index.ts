/** The tablet's sync, started once by the app with the real network, clock and sealing. */
import type { AgencySettings } from '../../shared/core/settings.ts';
import { now } from '../../shared/platform/clock.ts';
import { sealRecord } from './seal.ts';
import { startSyncLoop, type SyncLoop } from './scheduler.ts';

let loop: SyncLoop | null = null;
let retention: AgencySettings['previewRetention'] = 'until-synced';

/** Starts syncing (idempotent); later calls only update the retention setting. */
export function startTabletSync(settings: AgencySettings): SyncLoop {
  retention = settings.previewRetention;
  loop ??= startSyncLoop({
    fetch: (input, init) => fetch(input, init),
    now,
    random: Math.random,
    seal: sealRecord,
    get retention() {
      return retention;
    },
  });
  return loop;
}

/** Hears settings the office sent (re-exported so the kiosk needs only this module). */
export { onOfficeSettings } from './officeEvents.ts';

/** Asks for a sync: after a completion or an enrollment; waits out a running backoff. */
export function requestSync(): void {
  loop?.request();
}

/** Staff pressed "send now": one round at once, even while the tablet backs off. */
export function sendSyncNow(): void {
  loop?.sendNow();
}

/** Listens to sync results (staff mode shows them). */
export function onSyncResult(l: Parameters<SyncLoop['subscribe']>[0]): () => void {
  return loop ? loop.subscribe(l) : () => undefined;
}
