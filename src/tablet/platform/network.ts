/** Network signals wrapped: online/offline, page visibility and Web Locks, which drive when the tablet syncs. */

/** True when the browser thinks it has a network (a hint only: the request decides). */
export const isOnline = (): boolean => (typeof navigator === 'undefined' ? true : navigator.onLine);

/** Calls `fn` when the network comes back or the page becomes visible; returns the unsubscribe. */
export function onSyncOpportunity(fn: () => void): () => void {
  const visible = () => {
    if (document.visibilityState === 'visible') fn();
  };
  window.addEventListener('online', fn);
  document.addEventListener('visibilitychange', visible);
  return () => {
    window.removeEventListener('online', fn);
    document.removeEventListener('visibilitychange', visible);
  };
}

/** Runs `fn` holding a lock shared by every tab of this origin; returns null at once when another tab holds it. */
export async function withExclusiveLock<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return fn();
  return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? fn() : null));
}

/** Calls `fn` once, the next time the browser says the network is back; returns the cancel. */
export function onceOnline(fn: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('online', fn, { once: true });
  return () => window.removeEventListener('online', fn);
}
