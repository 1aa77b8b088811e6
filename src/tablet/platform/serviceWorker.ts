/** The service-worker side of the browser wrapped: support, messages from the worker and Background Sync. */

/** True where the browser can run a service worker (secure contexts of capable browsers). */
export const hasServiceWorker = (): boolean =>
  typeof navigator !== 'undefined' && 'serviceWorker' in navigator;

/** Calls `fn` with every message the service worker posts to this page; returns the unsubscribe. */
export function onServiceWorkerMessage(fn: (data: unknown) => void): () => void {
  if (!hasServiceWorker()) return () => undefined;
  const listener = (e: MessageEvent) => fn(e.data);
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}

/** Asks the browser to wake the worker with `tag` when connectivity returns, where Background Sync exists. */
export async function registerBackgroundSync(tag: string): Promise<void> {
  if (!hasServiceWorker()) return;
  try {
    const reg = (await navigator.serviceWorker.getRegistration()) as
      (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await reg?.sync?.register(tag);
  } catch {
    /* not supported or not allowed: the timer and the online event still cover it */
  }
}

/** Reloads the page (after a new worker took control between clients). */
export const reloadPage = (): void => window.location.reload();
