/** What every kiosk screen needs to know about this tablet: the instrument and the agency settings. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Instrument } from '../../shared/core/instrument.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';

/** The tablet's configuration, provided once by the app. */
export interface KioskConfig {
  readonly instrument: Instrument;
  readonly settings: AgencySettings;
  /** Answer with pictures instead of text buttons (chosen by the client on the welcome screen or by staff). */
  readonly pictograms: boolean;
}

/** Context carrying the configuration. */
export const KioskContext = createContext<KioskConfig | null>(null);

/** The configuration; throws when a screen is rendered outside the app. */
export function useKiosk(): KioskConfig {
  const c = useContext(KioskContext);
  if (!c) throw new Error('useKiosk outside KioskContext');
  return c;
}
