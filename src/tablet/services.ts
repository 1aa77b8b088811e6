/**
 * The kiosk's services on a real tablet, handed to `KioskApp` by main.tsx. What the first screen does not need —
 * sync, audio-pack upkeep, the service worker (workbox-window), staff mode — is imported only when first asked for,
 * so none of it is in the first load.
 */
import { now } from '../shared/platform/clock.ts';
import { loadFontsFor, currentLanguage, switchLanguage } from '../shared/i18n/languages.ts';
import { DEVICE_SPEECH } from './kiosk/deviceSpeech.ts';
import { SESSION_SCREENS } from './kiosk/sessionScreens.ts';
import type { KioskServices, KioskUpdates } from './kiosk/services.ts';
import { loadStaffApp } from './kiosk/staffBridge.ts';
import { afterNextPaint } from './platform/frames.ts';
import { newId } from './platform/ids.ts';
import { openKiosk } from './storage/boot.ts';
import { interruptSession, saveLanguage, saveReadAloud, startSession } from './storage/sessions.ts';

type Sync = typeof import('./sync/index.ts');
let sync: Promise<Sync> | null = null;
const loadSync = (): Promise<Sync> => (sync ??= import('./sync/index.ts'));

type Updates = typeof import('./pwa/updates.ts');

/** The service-worker lifecycle, loaded on `register`; until then nothing waits and the listeners are kept. */
function lazyUpdates(enabled: boolean): KioskUpdates {
  let m: Updates | null = null;
  let asked = false;
  const listeners = new Set<() => void>();
  return {
    register: () => {
      if (!enabled || asked) return;
      asked = true;
      void import('./pwa/updates.ts').then((u) => {
        m = u;
        u.onUpdateState(() => listeners.forEach((l) => l()));
        u.registerServiceWorker();
      });
    },
    waiting: () => m?.isUpdateWaiting() ?? false,
    offlineReady: () => m?.isOfflineReady() ?? false,
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    apply: () => void m?.applyWaitingUpdate(),
    check: () => m?.checkForUpdate(),
  };
}

/** The real services; `serviceWorker` false in development (no worker is built there). */
export function tabletServices(serviceWorker: boolean): KioskServices {
  return {
    clock: { now },
    newId,
    storage: { open: openKiosk, startSession, interruptSession, saveLanguage, saveReadAloud },
    languages: { switch: switchLanguage, current: currentLanguage },
    fonts: { loadFor: loadFontsFor },
    sync: {
      start: (settings) => void loadSync().then((m) => m.startTabletSync(settings)),
      request: () => void loadSync().then((m) => m.requestSync()),
    },
    packs: {
      keep: (settings) => void import('./speech/offline.ts').then((m) => m.keepPacks(settings)),
    },
    updates: lazyUpdates(serviceWorker),
    speech: DEVICE_SPEECH,
    screens: SESSION_SCREENS,
    staff: { load: loadStaffApp },
    afterPaint: afterNextPaint,
  };
}
