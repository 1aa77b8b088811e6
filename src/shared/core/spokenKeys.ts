/** Which text keys a client hears read aloud: the build's packs and the server's run-time clips pick the same ones. */

/** Instrument keys a client hears; advice and scale labels are for staff only. */
export const CLIENT_INSTRUMENT_KEY = /^(parts\.[^.]+\.intro|items\.[^.]+|answers\.[^.]+)$/;

/** True for a namespaced key (e.g. "kiosk:welcome.title", "instrument.pilot-2019.v2:items.A1") a client hears. */
export function isSpokenKey(fullKey: string): boolean {
  const at = fullKey.indexOf(':');
  if (at <= 0) return false;
  const ns = fullKey.slice(0, at);
  const key = fullKey.slice(at + 1);
  if (ns === 'kiosk') return true;
  if (ns === 'meta') return key === 'name' || key === 'prompt';
  return ns.startsWith('instrument.') && CLIENT_INSTRUMENT_KEY.test(key);
}
