/** The HTTP contract between tablet and server in one place: paths, request and response shapes, error codes. */
import type { Instrument } from '../core/instrument.ts';
import type { AgencySettings } from '../core/settings.ts';

export type { SealedSession, SyncBatch } from './wire.ts';
export { MAX_BATCH_SESSIONS } from './wire.ts';

/** API paths, relative to the origin the app was served from. */
export const API = {
  enroll: '/api/devices/enroll',
  config: '/api/devices/config',
  syncSessions: '/api/sync/sessions',
  /** GET ?lng=&text=: a short text (the agency name) rendered to MP3 by the server; anonymous, throttled. */
  speech: '/api/speech',
} as const;

/** The server's current public key, which tablets seal records to. */
export interface ServerKey {
  readonly keyId: string;
  readonly publicKeyJwk: JsonWebKey;
}

/** `POST /api/devices/enroll` body: the one-time code an administrator printed. */
export interface EnrollRequest {
  readonly code: string;
}

/** What a tablet needs to work: its settings, the instruments and the key to seal to. */
export interface DeviceConfig {
  readonly deviceId: string;
  readonly name: string;
  readonly settings: AgencySettings;
  /** Counts every save in the office (0: never saved, the defaults); a completed record names the one it ran under. */
  readonly settingsVersion: number;
  /** ISO time the office last saved the settings; null while they are the defaults. */
  readonly settingsUpdatedAt: string | null;
  /** The current version of each instrument the agency uses. */
  readonly instruments: readonly Instrument[];
  readonly serverKey: ServerKey;
}

/** `POST /api/devices/enroll` answer; the token is shown once and stored by the tablet. */
export interface EnrollResponse extends DeviceConfig {
  readonly token: string;
}

/** A session the server has (now or before); the tablet may delete its copy. */
export interface SyncReceipt {
  readonly sessionId: string;
  readonly status: 'stored' | 'duplicate';
  /** ISO time the server first stored the session (the same on every duplicate). */
  readonly receivedAt: string;
}

/**
 * A session the server will not take. 409: another record with this id exists; 410: erased, never send again;
 * 422: cannot be decrypted, unknown instrument version, or not a valid record; 400: malformed.
 */
export interface SyncRejection {
  readonly sessionId: string;
  readonly status: 400 | 409 | 410 | 422;
  readonly error: string;
  readonly message: string;
}

/** `POST /api/sync/sessions` answer (HTTP 200): one entry per session sent, in receipts or in rejected. */
export interface SyncResponse {
  readonly receipts: readonly SyncReceipt[];
  readonly rejected: readonly SyncRejection[];
}

/** Body of every non-2xx API answer; `error` is a stable code, `message` a sentence for logs and staff. */
export interface ApiError {
  readonly error: string;
  readonly message: string;
}
