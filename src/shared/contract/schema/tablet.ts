/** Schemas of what travels between a tablet and the server: enrolment, config, the sealed sync batch, status reports. */
import { Type } from 'typebox';
import type { Instrument } from '../../core/instrument.ts';
import type { AgencySettings as AgencySettingsType } from '../../core/settings.ts';
import { LanguageCode, Nullable, Text, Uuid } from './common.ts';

import { MAX_BATCH_SESSIONS } from '../wire.ts';

/** Largest base64 ciphertext accepted for one session (a record is a few KB; this leaves room for long texts). */
export const MAX_CIPHERTEXT_CHARS = 256 * 1024;

/** Standard base64 (RFC 4648 §4, `+` `/`, padded), as `btoa` and Node's `Buffer` write it. */
const BASE64 = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';
const Base64 = (minLength: number, maxLength: number, description: string) =>
  Type.String({ pattern: BASE64, minLength, maxLength, description });

/** An instrument's id (`pilot-2019`). */
export const InstrumentId = () => Type.String({ pattern: '^[A-Za-z0-9._-]{1,100}$' });

/** The server's current public key, which tablets seal records to. */
export const ServerKey = Type.Object({
  keyId: Type.String(),
  publicKeyJwk: Type.Unsafe<JsonWebKey>(
    Type.Object({}, { additionalProperties: true, description: 'ECDH P-256 public key (JWK)' }),
  ),
});

/** Everything an agency configures, as the server keeps it (bounded by `restoreSettings`). */
export const AgencySettings = Type.Unsafe<AgencySettingsType>(
  Type.Object(
    {
      agencyName: Type.String(),
      consentText: Nullable(Type.String()),
      detailFields: Type.Object({}, { additionalProperties: true }),
      scoring: Type.Object({
        dominantThreshold: Type.Number(),
        desirabilityCautionAbove: Type.Number(),
      }),
      idleSeconds: Type.Number(),
      idleCountdownSeconds: Type.Number(),
      thanksSeconds: Type.Number(),
      staffLockSeconds: Type.Number(),
      previewRetention: Type.String(),
      languages: Type.Array(Type.String()),
      qualityMinN: Type.Integer({
        description:
          'fewest measurements a figure on the questionnaire-quality page rests on (default 30)',
      }),
      summaryDefiantScores: Type.Boolean(),
      retentionDays: Type.Optional(
        Nullable(
          Type.Integer({
            description: "The office's retention period in days (from PUT /api/retention)",
          }),
        ),
      ),
    },
    { additionalProperties: true },
  ),
);

/** `POST /api/devices/enroll` body: the one-time code an administrator printed. */
export const EnrollRequest = Type.Object({ code: Text({ minLength: 1, maxLength: 64 }) });

/** What a tablet needs to work: its settings, the instruments and the key to seal to. */
export const DeviceConfig = Type.Object({
  deviceId: Type.String(),
  name: Type.String(),
  settings: AgencySettings,
  /** Counts every save in the office (0: never saved, the defaults); a completed record names the one it ran under. */
  settingsVersion: Type.Integer({ minimum: 0 }),
  /** ISO time the office last saved the settings; null while they are the defaults. */
  settingsUpdatedAt: Nullable(Type.String()),
  /** The current version of each instrument the agency uses. */
  instruments: Type.Array(
    Type.Unsafe<Instrument>(Type.Object({}, { additionalProperties: true })),
    { description: 'The current version of each instrument (src/shared/core/instrument.ts)' },
  ),
  /**
   * The client-language texts of each current instrument version a coordinator loaded (versions shipped with the app
   * have theirs in the build): code → instrument text key → text. Absent from servers before issue 13 §4.
   */
  instrumentTexts: Type.Optional(
    Type.Array(
      Type.Object({
        id: Type.String(),
        version: Type.Integer({ minimum: 1 }),
        texts: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())),
      }),
    ),
  ),
  serverKey: ServerKey,
  /** Each language's review verdict: staff mode says when a language offered is still a draft. */
  languageStatus: Type.Optional(
    Type.Record(
      Type.String(),
      Type.Union([Type.Literal('source'), Type.Literal('draft'), Type.Literal('checked')]),
    ),
  ),
  /**
   * The newest version of each language the office imported (XLIFF), keyed `namespace:key` like i18next; they replace
   * the texts built into the app from the next client on. Absent from servers before issue 13.
   */
  languageTexts: Type.Optional(
    Type.Array(
      Type.Object({
        code: Type.String(),
        version: Type.Integer({ minimum: 1 }),
        texts: Type.Record(Type.String(), Type.String()),
      }),
    ),
  ),
  /**
   * Which read-aloud clips of texts changed after the build the server has rendered (a count and the newest time):
   * when it changes, the config's ETag changes, and the tablet fetches its packs' manifests again to cache the new
   * clips. Absent from servers before issue 13.
   */
  audioClips: Type.Optional(Type.String()),
});

/** `POST /api/devices/enroll` answer; the token is shown once and stored by the tablet. */
export const EnrollResponse = Type.Intersect([DeviceConfig, Type.Object({ token: Type.String() })]);

/** A completed record encrypted to the server's public key; only ids needed for routing travel in the clear. */
export const SealedSession = Type.Object({
  sessionId: Uuid(),
  instrumentId: InstrumentId(),
  instrumentVersion: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }),
  /** Which server key the record was sealed to (keys rotate; old ones still decrypt). */
  keyId: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }),
  epk: Base64(1, 200, 'ephemeral ECDH P-256 public key, raw uncompressed point (65 bytes)'),
  iv: Base64(1, 24, 'AES-GCM nonce, 12 bytes'),
  ciphertext: Base64(
    1,
    MAX_CIPHERTEXT_CHARS,
    'AES-256-GCM ciphertext with the 16-byte tag appended',
  ),
});

/** The body of `POST /api/sync/sessions`. */
export const SyncBatch = Type.Object({
  sessions: Type.Array(SealedSession, { minItems: 1, maxItems: MAX_BATCH_SESSIONS }),
});

/** A session the server has (now or before); the tablet may delete its copy. */
export const SyncReceipt = Type.Object({
  sessionId: Type.String(),
  status: Type.Union([Type.Literal('stored'), Type.Literal('duplicate')]),
  /** ISO time the server first stored the session (the same on every duplicate). */
  receivedAt: Type.String(),
});

/**
 * A session the server will not take. 409: another record with this id exists; 410: erased, never send again;
 * 422: cannot be decrypted, unknown instrument version, or not a valid record; 400: malformed.
 */
export const SyncRejection = Type.Object({
  sessionId: Type.String(),
  status: Type.Union([Type.Literal(400), Type.Literal(409), Type.Literal(410), Type.Literal(422)]),
  error: Type.String(),
  message: Type.String(),
});

/** `POST /api/sync/sessions` answer (HTTP 200): one entry per session sent, in receipts or in rejected. */
export const SyncResponse = Type.Object({
  receipts: Type.Array(SyncReceipt),
  rejected: Type.Array(SyncRejection),
});

const Count = () => Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });
const ReadAloudMode = Type.Union([
  Type.Literal('voice'),
  Type.Literal('audio'),
  Type.Literal('none'),
]);

/** What a tablet reports about itself after each sync round (unknown fields are dropped). */
export const DeviceStatusReport = Type.Object({
  queued: Count(),
  rejected: Count(),
  storage: Type.Object({
    persisted: Nullable(Type.Boolean()),
    usageBytes: Nullable(Count()),
    quotaBytes: Nullable(Count()),
    error: Nullable(Text({ maxLength: 200 })),
  }),
  appVersion: Text({ minLength: 1, maxLength: 40 }),
  /** Per enabled language: how it is read aloud on this tablet. */
  readAloud: Type.Optional(
    Type.Record(Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$' }), ReadAloudMode, {
      maxProperties: 40,
      additionalProperties: false,
    }),
  ),
});

export { LanguageCode, MAX_BATCH_SESSIONS };
