/**
 * The kiosk's service worker (built by vite-plugin-pwa `injectManifest` into `dist/sw.js`). It precaches the kiosk
 * and the staff chunk for offline use, keeps the fonts of enabled languages, answers navigations with the app, and
 * wakes an open kiosk when Background Sync fires. A new version waits until the kiosk asks it to take over, which it
 * does only on the welcome screen between clients (`src/tablet/pwa/updates.ts`).
 */
import { ExpirationPlugin } from 'workbox-expiration';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
  type PrecacheEntry,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { BACKGROUND_SYNC_TAG, isSkipWaiting, FONTS_CACHE } from './messages.ts';

declare const self: ServiceWorkerGlobalScope & {
  /** Filled in at build time with the files to precache (the kiosk, the staff chunk, icons, manifest). */
  readonly __WB_MANIFEST: (PrecacheEntry | string)[];
};

/** The Background Sync event (Chromium): not in TypeScript's worker library. */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

// Prompt to update: the page sends SKIP_WAITING (workbox-window's messageSkipWaiting) when it is safe.
self.addEventListener('message', (event) => {
  if (isSkipWaiting(event.data)) void self.skipWaiting();
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// The tablet's address opens the app offline; the API and the office workspace are never answered from the cache.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/werkplek(\/|$)/],
  }),
);

// Fonts are not precached (a Dutch-only tablet must not download Arabic or Ethiopic): the kiosk fetches those of
// its enabled languages (src/shared/i18n/fonts.ts) and this cache keeps them for offline use.
registerRoute(
  ({ url }) => url.pathname.startsWith('/assets/') && url.pathname.endsWith('.woff2'),
  new CacheFirst({ cacheName: FONTS_CACHE, plugins: [new ExpirationPlugin({ maxEntries: 20 })] }),
  'GET',
);

// Background Sync only wakes the open kiosk; its sync loop decides whether the backoff allows a request.
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== BACKGROUND_SYNC_TAG) return;
  sync.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: BACKGROUND_SYNC_TAG });
    }),
  );
});
