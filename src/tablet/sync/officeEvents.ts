/** Tells the kiosk that the office sent new settings; tiny on purpose, as the kiosk's first load includes it. */
import type { AgencySettings } from '../../shared/core/settings.ts';

type Listener = (settings: AgencySettings) => void;
const listeners = new Set<Listener>();

/** Hears every config change the office sent (the kiosk applies it on its next welcome screen). */
export function onOfficeSettings(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Called by the config fetch after new settings were stored. */
export function announceOfficeSettings(settings: AgencySettings): void {
  listeners.forEach((l) => l(settings));
}
