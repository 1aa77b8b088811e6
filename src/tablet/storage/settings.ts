/** Device settings and the staff PIN hash, kept in the settings table. */
import { restoreSettings, type AgencySettings } from '../../shared/core/settings.ts';
import { database } from './db.ts';
import { guard } from './errors.ts';

/** The agency settings on this tablet, defaults filled. */
export async function loadSettings(): Promise<AgencySettings> {
  const row = await guard(() => database().settings.get('agency'));
  return restoreSettings(row?.value);
}

/** Saves the agency settings (restored first, so nothing out of bounds is stored). */
export async function saveSettings(settings: AgencySettings): Promise<AgencySettings> {
  const clean = restoreSettings(settings);
  await guard(() => database().settings.put({ key: 'agency', value: clean }));
  return clean;
}

/** A stored PIN hash: PBKDF2 parameters and result, never the PIN. */
export interface PinHash {
  readonly salt: string;
  readonly iterations: number;
  readonly hash: string;
}

/** The staff PIN hash, or null before first run. */
export async function loadPinHash(): Promise<PinHash | null> {
  const row = await guard(() => database().settings.get('staffPin'));
  const v = row?.value as Partial<PinHash> | undefined;
  return v &&
    typeof v.salt === 'string' &&
    typeof v.hash === 'string' &&
    typeof v.iterations === 'number'
    ? { salt: v.salt, hash: v.hash, iterations: v.iterations }
    : null;
}

/** Stores the staff PIN hash. */
export async function savePinHash(pin: PinHash): Promise<void> {
  await guard(() => database().settings.put({ key: 'staffPin', value: pin }));
}

/** Wrong-PIN bookkeeping, kept in IndexedDB so a reload does not reset the wait. */
export interface PinLock {
  readonly failures: number;
  readonly lockedUntil: number;
}

/** The current wrong-PIN state. */
export async function loadPinLock(): Promise<PinLock> {
  const row = await guard(() => database().settings.get('pinLock'));
  const v = row?.value as Partial<PinLock> | undefined;
  return { failures: v?.failures ?? 0, lockedUntil: v?.lockedUntil ?? 0 };
}

/** Stores the wrong-PIN state. */
export async function savePinLock(lock: PinLock): Promise<void> {
  await guard(() => database().settings.put({ key: 'pinLock', value: lock }));
}
