/** The HTTP contract between tablet and server: paths, and the types of the bodies (from the route table's schemas). */
import type { Static } from 'typebox';
import type * as S from './schema/tablet.ts';
import type { ApiError as ApiErrorSchema } from './schema/common.ts';

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
export type ServerKey = Static<typeof S.ServerKey>;
/** `POST /api/devices/enroll` body: the one-time code an administrator printed. */
export type EnrollRequest = Static<typeof S.EnrollRequest>;
/** What a tablet needs to work: its settings, the instruments and the key to seal to. */
export type DeviceConfig = Static<typeof S.DeviceConfig>;
/** `POST /api/devices/enroll` answer; the token is shown once and stored by the tablet. */
export type EnrollResponse = Static<typeof S.EnrollResponse>;
/** A session the server has (now or before); the tablet may delete its copy. */
export type SyncReceipt = Static<typeof S.SyncReceipt>;
/** A session the server will not take (409 other record with this id, 410 erased, 422 invalid, 400 malformed). */
export type SyncRejection = Static<typeof S.SyncRejection>;
/** `POST /api/sync/sessions` answer (HTTP 200): one entry per session sent, in receipts or in rejected. */
export type SyncResponse = Static<typeof S.SyncResponse>;
/** Body of every non-2xx API answer; `error` is a stable code, `message` a sentence for logs and staff. */
export type ApiError = Static<typeof ApiErrorSchema>;
