/**
 * The kiosk's services on a real tablet, handed to `KioskApp` by main.tsx. What the first screen does not need —
 * sync, audio-pack upkeep, the service worker (workbox-window), staff mode — is imported only when first asked for,
 * so none of it is in the first load.
 */
import { now } from '../shared/platform/clock.ts';
import { loadFontsFor } from '../shared/i18n/languages.ts';
import { tabletLanguages } from './languageServices.ts';
import { DEVICE_SPEECH } from './kiosk/deviceSpeech.ts';
import { SESSION_SCREENS } from './kiosk/sessionScreens.ts';
import type { KioskServices, KioskUpdates } from './kiosk/services.ts';
import { loadStaffApp } from './kiosk/staffBridge.ts';
import { afterNextPaint } from './platform/frames.ts';
import { newId } from './platform/ids.ts';
import { openKiosk, type KioskStart } from './storage/boot.ts';
import { onOfficeSettings } from './sync/officeEvents.ts';

type Sync = typeof import('./sync/index.ts');
let sync: Promise<Sync> | null = null;
const loadSync = (): Promise<Sync> => (sync ??= import('./sync/index.ts'));

type Updates = typeof import('./pwa/updates.ts');

// The session verbs (and the domain's scoring behind them) come with the session screens, after the first screen.
const sessions = () => import('./storage/sessions.ts');

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

/**
 * The real services; `serviceWorker` false in development (no worker is built there). `firstRead` is the storage read
 * main.tsx began before rendering: the first boot uses it, a later boot (after staff mode, a retry) reads again.
 */
export function tabletServices(
  serviceWorker: boolean,
  firstRead: Promise<KioskStart>,
): KioskServices {
  let early: Promise<KioskStart> | null = firstRead;
  return {
    clock: { now },
    newId,
    storage: {
      open: (at) => {
        const read = early ?? openKiosk(at);
        early = null;
        return read;
      },
      startSession: (n) => sessions().then((m) => m.startSession(n)),
      interruptSession: (id, at) => sessions().then((m) => m.interruptSession(id, at)),
      saveLanguage: (id, lng, at) => sessions().then((m) => m.saveLanguage(id, lng, at)),
      saveReadAloud: (id, on, at) => sessions().then((m) => m.saveReadAloud(id, on, at)),
    },
    languages: tabletLanguages,
    fonts: { loadFor: loadFontsFor },
    sync: {
      start: (settings) => void loadSync().then((m) => m.startTabletSync(settings)),
      request: () => void loadSync().then((m) => m.requestSync()),
      onOfficeSettings,
    },
    packs: {
      keep: (settings) => void import('./speech/offline.ts').then((m) => m.keepPacks(settings)),
      subscribe: (l) => {
        let off: (() => void) | null = null;
        let live = true;
        void import('./speech/offline.ts').then((m) => {
          if (!live) return;
          off = m.onPackStatus(l);
          l(m.packStatus());
        });
        return () => {
          live = false;
          off?.();
        };
      },
    },
    updates: lazyUpdates(serviceWorker),
    speech: DEVICE_SPEECH,
    // The storage verbs come with the screens: a tap on "Beginnen" must find both, also when the network is gone.
    screens: {
      load: () => Promise.all([SESSION_SCREENS.load(), sessions()]).then(([screens]) => screens),
      loaded: SESSION_SCREENS.loaded,
    },
    staff: { load: loadStaffApp },
    afterPaint: afterNextPaint,
  };
}
