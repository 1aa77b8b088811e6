/**
 * Service-worker lifecycle via workbox-window. A new version waits; the kiosk activates it only on the
 * welcome screen between clients, never during a session, then reloads once the new worker controls the page.
 */
import { Workbox } from 'workbox-window';
import { hasServiceWorker, reloadPage } from '../platform/serviceWorker.ts';

type Listener = () => void;
let wb: Workbox | null = null;
let waiting = false;
let offlineReady = false;
const listeners = new Set<Listener>();
const notify = () => listeners.forEach((l) => l());

/** Registers the service worker (production builds only). */
export function registerServiceWorker(url = '/sw.js'): void {
  if (!hasServiceWorker() || wb) return;
  wb = new Workbox(url);
  wb.addEventListener('waiting', () => {
    waiting = true;
    notify();
  });
  wb.addEventListener('installed', (e) => {
    if (!e.isUpdate) {
      offlineReady = true;
      notify();
    }
  });
  wb.addEventListener('controlling', (e) => {
    if (e.isUpdate) reloadPage();
  });
  void wb.register().catch((e: unknown) => console.warn('Service worker registration failed', e));
}

/** True when a new version is installed and waiting for a safe moment. */
export const isUpdateWaiting = (): boolean => waiting;

/** True once after the first install: the app now works offline. */
export const isOfflineReady = (): boolean => offlineReady;

/** Subscribes to changes of the two flags above. */
export function onUpdateState(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Activates a waiting version; call only where no client session is on screen. The page reloads when it takes over. */
export function applyWaitingUpdate(): boolean {
  if (!wb || !waiting) return false;
  wb.messageSkipWaiting();
  return true;
}

/** Asks the server whether a new version exists (on app start and when the welcome screen shows). */
export function checkForUpdate(): void {
  void wb?.update().catch(() => undefined);
}
