/** Keeps the browser's back button from leaving the kiosk or revealing an earlier screen. */

/** Pins the page in history: a back gesture stays here and calls `onBack` instead. */
export function trapBackButton(onBack: () => void): () => void {
  history.pushState({ kiosk: true }, '');
  const handler = () => {
    history.pushState({ kiosk: true }, '');
    onBack();
  };
  window.addEventListener('popstate', handler);
  return () => window.removeEventListener('popstate', handler);
}
