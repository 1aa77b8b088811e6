/** Listens for any touch, key or pointer activity on the page; the idle guards of kiosk and staff mode use it. */

const EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

/** Calls `onActivity` on every user interaction until the returned function is called. */
export function onUserActivity(onActivity: () => void): () => void {
  for (const e of EVENTS)
    document.addEventListener(e, onActivity, { capture: true, passive: true });
  return () => {
    for (const e of EVENTS) document.removeEventListener(e, onActivity, { capture: true });
  };
}
