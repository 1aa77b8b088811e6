/** The contract between the kiosk and the lazily loaded staff chunk: what staff mode gets and can ask for. */
import type { Instrument } from '../../shared/core/instrument.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';
import type { SessionModes } from '../../shared/core/session.ts';
import type { StorageHealth } from '../storage/health.ts';

/** What staff ask the kiosk to do when they hand the tablet to a client. */
export interface Handover extends SessionModes {
  readonly reference: string | null;
  readonly language: string;
}

/** Props the kiosk passes to `StaffApp` (src/tablet/staff/StaffApp.tsx). */
export interface StaffAppProps {
  readonly instrument: Instrument;
  readonly settings: AgencySettings;
  readonly storage: StorageHealth;
  /** Leave staff mode; the settings may have been changed. */
  readonly onExit: (settings: AgencySettings) => void;
  /** Start a new session for a client and show the client screens. */
  readonly onHandover: (handover: Handover) => void;
  /** Give an interrupted session back to its client. */
  readonly onResume: (sessionId: string) => void;
}

/** Loads the staff chunk only when staff open it: it is not part of the kiosk's first load. */
export async function loadStaffApp() {
  const m = await import('../staff/StaffApp.tsx');
  return m.StaffApp;
}
