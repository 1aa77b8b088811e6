/** What the kiosk page and its service worker say to each other, in one place both sides import. */

/** The Background Sync tag; the worker answers it with a message `{ type: BACKGROUND_SYNC_TAG }` to each open kiosk. */
export const BACKGROUND_SYNC_TAG = 'sync-outbox';

/** The runtime cache that keeps the fonts of the languages enabled on the tablet. */
export const FONTS_CACHE = 'fonts';

/** True for workbox-window's `messageSkipWaiting()`: the page says it is safe to take over. */
export const isSkipWaiting = (data: unknown): boolean =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'SKIP_WAITING';
