/** This tablet's enrollment with the agency's server: address, device token and the server's public key. */
import { database } from './db.ts';
import { guard } from './errors.ts';

/** The server's public key the tablet seals completed sessions to. */
export interface ServerKey {
  readonly keyId: string;
  readonly publicKeyJwk: JsonWebKey;
}

/** What enrollment gave this tablet. The token is the tablet's only credential; it can submit sessions and read config. */
export interface DeviceEnrollment {
  readonly serverUrl: string;
  readonly deviceId: string;
  readonly deviceName: string;
  readonly token: string;
  readonly serverKey: ServerKey;
  readonly enrolledAt: number;
}

/** The enrollment, or null when this tablet works on its own. */
export async function loadEnrollment(): Promise<DeviceEnrollment | null> {
  const row = await guard(() => database().settings.get('enrollment'));
  const v = row?.value as Partial<DeviceEnrollment> | undefined;
  return v &&
    typeof v.serverUrl === 'string' &&
    typeof v.deviceId === 'string' &&
    typeof v.token === 'string' &&
    typeof v.serverKey?.keyId === 'string'
    ? (v as DeviceEnrollment)
    : null;
}

/** Stores the enrollment (after the server accepted the code). */
export async function saveEnrollment(e: DeviceEnrollment): Promise<void> {
  await guard(() => database().settings.put({ key: 'enrollment', value: e }));
}

/** Forgets the enrollment (revoked, or staff unenroll the tablet), and with it the office's hold on the settings. */
export async function clearEnrollment(): Promise<void> {
  await guard(() => database().settings.bulkDelete(['enrollment', 'officeConfig']));
}

/** What staff mode shows about the last sync attempts. */
export interface SyncStatus {
  readonly lastAttemptAt: number | null;
  readonly lastSuccessAt: number | null;
  readonly lastError: string | null;
  /** Set when the server refused the device (revoked or unknown token): syncing stops until staff act. */
  readonly refused: boolean;
  /** Failed rounds in a row (network, timeout, 5xx, 429); the backoff grows with it and a success resets it. */
  readonly failures: number;
  /** No automatic round sends before this time (ms); 0 when nothing failed. Kept across reloads. */
  readonly retryAt: number;
}

const NO_STATUS: SyncStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  refused: false,
  failures: 0,
  retryAt: 0,
};

/** The last sync status. */
export async function loadSyncStatus(): Promise<SyncStatus> {
  const row = await guard(() => database().settings.get('syncStatus'));
  return { ...NO_STATUS, ...(row?.value as Partial<SyncStatus> | undefined) };
}

/** Merges news into the sync status. */
export async function updateSyncStatus(change: Partial<SyncStatus>): Promise<SyncStatus> {
  const next = { ...(await loadSyncStatus()), ...change };
  await guard(() => database().settings.put({ key: 'syncStatus', value: next }));
  return next;
}
