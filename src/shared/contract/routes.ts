/**
 * Every /api route once: method, path, who may call it, and the JSON Schema of its params, query, body and answers.
 * The server registers, validates and serialises from this table; the OpenAPI document is generated from it; the
 * browser apps derive their typed client from its TYPE only (`import type`), so no TypeBox reaches a bundle.
 */
import { Type, type TSchema } from 'typebox';
import { ApiError, EmptyBody, IdParams, Text } from './schema/common.ts';
import * as O from './schema/office.ts';
import { QualityReport } from './schema/quality.ts';
import * as T from './schema/tablet.ts';
import * as X from './schema/translation.ts';
import * as V from './schema/questionnaire.ts';

/** Who may call a route: a signed-in role, a tablet's bearer token, or anyone. */
export type Access = 'coordinator' | 'signed-in' | 'device' | 'public';

/** One route's description; `response` maps status codes to the schema of the body (null: no body). */
export interface RouteSpec {
  readonly access: Access;
  readonly summary: string;
  readonly params?: TSchema;
  readonly querystring?: TSchema;
  readonly body?: TSchema;
  /** Largest body in bytes (fastify's default for the server is 64 KiB). */
  readonly bodyLimit?: number;
  readonly response: Readonly<Record<number, TSchema | null>>;
  /** Not JSON: the content type of a 200 (CSV and MP3 answers are not described by a schema). */
  readonly produces?: string;
}

const ok = <S extends TSchema>(schema: S) => ({ 200: schema }) as const;
const created = <S extends TSchema>(schema: S) => ({ 201: schema }) as const;
const noContent = { 204: null } as const;

/** Largest sync request; a full batch of 100 records is well under half of this. */
export const SYNC_BODY_LIMIT = 1024 * 1024;

/** Largest recording upload: 2 MiB of audio as base64, with room for the JSON around it. */
export const RECORDING_MAX_BYTES = 2 * 1024 * 1024;
export const RECORDING_BODY_LIMIT = Math.ceil((RECORDING_MAX_BYTES * 4) / 3) + 4096;

/** The route table; keys are `METHOD path` exactly as the server registers them. */
export const ROUTES = {
  'GET /api/health': {
    access: 'public',
    summary: 'Liveness',
    response: ok(Type.Object({ ok: Type.Boolean() })),
  },

  'GET /api/openapi.json': {
    access: 'public',
    summary: 'This API reference (OpenAPI 3), generated from the route table',
    response: ok(Type.Object({}, { additionalProperties: true })),
  },

  // Tablets
  'POST /api/devices/enroll': {
    access: 'public',
    summary: 'Enrol a tablet with a one-time code; the token is shown once',
    body: T.EnrollRequest,
    bodyLimit: 4096,
    response: ok(T.EnrollResponse),
  },
  'GET /api/devices/config': {
    access: 'device',
    summary:
      "The tablet's settings (with their version), instruments and the server key to seal to; conditional: ETag, If-None-Match → 304",
    response: { 200: T.DeviceConfig, 304: null },
  },
  'POST /api/sync/sessions': {
    access: 'device',
    summary: 'Send sealed sessions; each is stored, a duplicate, or rejected on its own',
    body: T.SyncBatch,
    bodyLimit: SYNC_BODY_LIMIT,
    response: ok(T.SyncResponse),
  },
  'POST /api/devices/status': {
    access: 'device',
    summary: 'The tablet reports its queue, storage and version after a sync round',
    body: T.DeviceStatusReport,
    bodyLimit: 8192,
    response: noContent,
  },
  'GET /api/speech': {
    access: 'public',
    summary: 'A short text (the agency name) spoken as MP3; codes unknown_language and bad_text',
    querystring: Type.Object({
      lng: Type.Optional(Type.String({ maxLength: 20 })),
      text: Type.Optional(Type.Unknown({ description: 'text to speak, once, 1–120 characters' })),
    }),
    response: { 200: null, 304: null },
    produces: 'audio/mpeg',
  },

  // Accounts and sign-in
  'POST /api/auth/setup': {
    access: 'public',
    summary: 'Create the first coordinator with the setup code the server printed',
    body: O.SetupRequest,
    bodyLimit: 4096,
    response: created(O.Me),
  },
  'POST /api/auth/login': {
    access: 'public',
    summary: 'Sign in; sets the si_session cookie',
    body: O.LoginRequest,
    bodyLimit: 4096,
    response: { 200: O.Me, 429: O.LoginThrottled },
  },
  'POST /api/auth/logout': {
    access: 'signed-in',
    summary: 'Sign out this session',
    body: EmptyBody,
    response: noContent,
  },
  'POST /api/auth/logout-everywhere': {
    access: 'signed-in',
    summary: 'Sign out every session of this user',
    body: EmptyBody,
    response: noContent,
  },
  'GET /api/auth/me': {
    access: 'signed-in',
    summary: 'The signed-in user (also keeps the session alive)',
    response: ok(O.Me),
  },
  'POST /api/auth/password': {
    access: 'signed-in',
    summary:
      'Change your own password; other sessions end. A session whose password a coordinator set may do only this (403 password_change_required elsewhere)',
    body: O.PasswordChange,
    bodyLimit: 4096,
    response: { 204: null, 429: O.LoginThrottled },
  },
  'PUT /api/me/postures': {
    access: 'signed-in',
    summary: 'The postures a staff member works well with',
    body: O.MyPostures,
    bodyLimit: 4096,
    response: noContent,
  },
  'GET /api/users': {
    access: 'coordinator',
    summary: 'Every account',
    response: ok(Type.Array(O.UserSummary)),
  },
  'POST /api/users': {
    access: 'coordinator',
    summary: 'Create an account',
    body: O.NewUser,
    bodyLimit: 4096,
    response: created(O.UserSummary),
  },
  'PATCH /api/users/:id': {
    access: 'coordinator',
    summary: 'Change, disable or reset an account',
    params: IdParams,
    body: O.UserUpdate,
    bodyLimit: 4096,
    response: ok(O.UserSummary),
  },

  // Clients and measurements
  'GET /api/clients': {
    access: 'signed-in',
    summary: 'Clients (staff: only those linked to them)',
    querystring: O.ClientQuery,
    response: ok(Type.Array(O.ClientSummary)),
  },
  'GET /api/clients/:id': {
    access: 'signed-in',
    summary: "A client's page (audited)",
    params: IdParams,
    response: ok(O.ClientDetail),
  },
  'GET /api/summary-facts': {
    access: 'signed-in',
    summary:
      "What the client's printed summary states: agency name, retention period, whether defiant postures show scores",
    response: ok(O.SummaryFacts),
  },
  'GET /api/speech/sentence': {
    access: 'signed-in',
    summary:
      'One sentence on a workspace screen (the client summary) spoken as MP3 for read-aloud, with the voice of the language pack; never written to disk; codes unknown_language, bad_text, throttled (429), busy (503)',
    querystring: Type.Object({
      lng: Type.Optional(Type.String({ maxLength: 20 })),
      text: Type.Optional(
        Type.Unknown({ description: 'the sentence to say, once, 1–400 characters' }),
      ),
    }),
    response: { 200: null },
    produces: 'audio/mpeg',
  },
  'DELETE /api/clients/:id': {
    access: 'coordinator',
    summary: 'Erase a client and every measurement',
    params: IdParams,
    response: noContent,
  },
  'PUT /api/clients/:id/link': {
    access: 'coordinator',
    summary: 'Link a client to a staff member, or unlink',
    params: IdParams,
    body: O.LinkRequest,
    response: ok(O.ClientSummary),
  },
  'POST /api/clients/:id/link-random': {
    access: 'coordinator',
    summary: 'Link a client to a random active staff member',
    params: IdParams,
    body: EmptyBody,
    response: ok(O.ClientSummary),
  },
  'GET /api/clients/:id/suggestions': {
    access: 'coordinator',
    summary: 'Staff best suited to a client, best first',
    params: IdParams,
    response: ok(Type.Array(O.StaffSuggestion)),
  },
  'POST /api/clients/:id/judgements': {
    access: 'signed-in',
    summary: "A staff member's judgement of a measurement",
    params: IdParams,
    body: O.NewJudgement,
    response: created(O.Judgement),
  },
  'POST /api/clients/merge': {
    access: 'coordinator',
    summary: 'Merge two clients that are one person',
    body: O.MergeRequest,
    response: ok(O.ClientSummary),
  },
  'GET /api/measurements': {
    access: 'coordinator',
    summary: 'Every measurement in a period',
    querystring: O.MeasurementQuery,
    response: ok(Type.Array(O.MeasurementRow)),
  },
  'GET /api/measurements/:id/answers': {
    access: 'coordinator',
    summary: "A measurement's answers (audited)",
    params: IdParams,
    response: ok(O.AnsweredMeasurement),
  },
  'POST /api/measurements/:id/split': {
    access: 'coordinator',
    summary: 'Move a measurement to a new client',
    params: IdParams,
    body: EmptyBody,
    response: ok(O.ClientSummary),
  },

  // Organisation
  'GET /api/dashboard': {
    access: 'coordinator',
    summary: 'Organisation-wide figures',
    querystring: O.FilterQuery,
    response: ok(O.Dashboard),
  },
  'GET /api/quality': {
    access: 'coordinator',
    summary:
      'Questionnaire quality per version (default: the current one): α per scale, item–total correlations, answers per language, DIF screen, social desirability (aggregates only)',
    querystring: Type.Object({
      version: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    }),
    response: ok(QualityReport),
  },
  'GET /api/export/measurements.csv': {
    access: 'coordinator',
    summary: 'Research export, one row per measurement (audited)',
    querystring: O.PeriodQuery,
    response: { 200: null },
    produces: 'text/csv',
  },
  'GET /api/export/measurements.json': {
    access: 'coordinator',
    summary: 'Research export as JSON (audited)',
    querystring: O.PeriodQuery,
    response: ok(Type.Array(Type.Object({}, { additionalProperties: true }))),
  },
  'GET /api/export/codebook.csv': {
    access: 'coordinator',
    summary: 'What every column of the export means',
    response: { 200: null },
    produces: 'text/csv',
  },
  'GET /api/export/measurements.sps': {
    access: 'coordinator',
    summary: 'SPSS syntax that reads measurements.csv with variable and value labels',
    response: { 200: null },
    produces: 'text/plain',
  },
  'GET /api/export/measurements.R': {
    access: 'coordinator',
    summary: 'R script that reads measurements.csv with factor labels and label attributes',
    response: { 200: null },
    produces: 'text/plain',
  },
  'GET /api/audit': {
    access: 'coordinator',
    summary:
      'The audit log, newest first, filtered by person, action, client and period, one page at a time',
    querystring: O.AuditQuery,
    response: ok(Type.Array(O.AuditEntry)),
  },
  'GET /api/audit.csv': {
    access: 'coordinator',
    summary: 'The filtered audit log as CSV, with readable actions in Dutch or English (audited)',
    querystring: O.AuditCsvQuery,
    response: { 200: null },
    produces: 'text/csv',
  },
  'POST /api/erasure/all': {
    access: 'coordinator',
    summary: 'End of study: erase every client and measurement',
    body: O.EraseAllRequest,
    response: ok(O.EraseAllResponse),
  },
  'GET /api/retention': {
    access: 'coordinator',
    summary: 'The retention period',
    response: ok(O.Retention),
  },
  'PUT /api/retention': {
    access: 'coordinator',
    summary: 'Set the retention period (applies at once)',
    body: O.Retention,
    response: ok(O.Retention),
  },
  'GET /api/settings': {
    access: 'coordinator',
    summary: 'Agency settings',
    response: ok(T.AgencySettings),
  },
  'PUT /api/settings': {
    access: 'coordinator',
    summary:
      'Save agency settings as the next version; a value out of bounds is refused (invalid_setting)',
    body: O.SettingsUpdate,
    bodyLimit: 64 * 1024,
    response: ok(T.AgencySettings),
  },
  'GET /api/languages': {
    access: 'coordinator',
    summary: 'Review status of every language',
    response: ok(Type.Array(O.LanguageReview)),
  },
  'PUT /api/languages/:code/review': {
    access: 'coordinator',
    summary: "Mark a language's translation checked or draft",
    params: O.LanguageParams,
    body: O.LanguageReviewUpdate,
    bodyLimit: 8192,
    response: ok(O.LanguageReview),
  },
  'GET /api/languages/:code/xliff': {
    access: 'coordinator',
    summary:
      "A language's client-facing texts as XLIFF 2.0 for a translator: Dutch source, current translation, notes, protected placeholders, every plural form",
    params: O.LanguageParams,
    response: { 200: null },
    produces: 'application/xliff+xml',
  },
  'POST /api/languages/:code/import/preview': {
    access: 'coordinator',
    summary:
      'Check a translated XLIFF and show what it would change; xliff_malformed (400), xliff_invalid or xliff_problems with `problems` (422)',
    params: O.LanguageParams,
    body: X.XliffUpload,
    bodyLimit: 4 * 1024 * 1024,
    response: ok(X.ImportPreview),
  },
  'POST /api/languages/:code/import': {
    access: 'coordinator',
    summary:
      'Apply a translated XLIFF as the next version of the language (checked as the preview is); version_conflict (409) when another import came first',
    params: O.LanguageParams,
    body: X.XliffApply,
    bodyLimit: 4 * 1024 * 1024,
    response: created(X.ImportResult),
  },
  'GET /api/languages/:code/strings': {
    access: 'coordinator',
    summary:
      'Every client-facing string of a language beside the Dutch, with where it appears and its review status',
    params: O.LanguageParams,
    response: ok(X.LanguageStrings),
  },
  'PUT /api/languages/:code/strings/review': {
    access: 'coordinator',
    summary: 'Set the review status (draft, reviewed, approved) of some strings of a language',
    params: O.LanguageParams,
    body: X.StringReviewUpdate,
    bodyLimit: 128 * 1024,
    response: noContent,
  },

  'GET /api/instrument-versions': {
    access: 'coordinator',
    summary:
      'Every questionnaire version (shipped or loaded) with how many measurements were answered in it and which one tablets give new clients (the newest, unless a coordinator made another current)',
    response: ok(Type.Array(V.VersionSummary)),
  },
  'POST /api/instrument-versions/preview': {
    access: 'coordinator',
    summary:
      'Check a revised questionnaire and its translations and show what changes against the current version; instrument_problems (422) with `problems`',
    body: V.VersionUpload,
    bodyLimit: 2 * 1024 * 1024,
    response: ok(V.VersionPreview),
  },
  'POST /api/instrument-versions': {
    access: 'coordinator',
    summary:
      'Store a revised questionnaire as a new version (checked as the preview is); tablets start new clients on it; version_conflict (409) when that version exists',
    body: V.VersionUpload,
    bodyLimit: 2 * 1024 * 1024,
    response: created(V.VersionStored),
  },
  'POST /api/instrument-versions/:version/current': {
    access: 'coordinator',
    summary:
      'Make a stored version the one tablets give new clients (also an older one again; audited); a client answering keeps the version they started; not_found (404) for an unknown version',
    params: V.VersionParams,
    body: EmptyBody,
    response: ok(V.VersionStored),
  },

  'GET /api/recordings': {
    access: 'coordinator',
    summary: 'Per language: how many client texts are recorded by the agency, synthetic or missing',
    response: ok(Type.Array(O.RecordingCounts)),
  },
  'GET /api/recordings/:lng': {
    access: 'coordinator',
    summary:
      "A language's client texts with where their audio comes from (recording, synthetic, missing)",
    params: O.RecordingLanguageParams,
    response: ok(O.RecordingLanguage),
  },
  'PUT /api/recordings/:lng/:key': {
    access: 'coordinator',
    summary:
      "Save a recording of one text (base64 webm/ogg/mp3/wav, at most 2 MiB); it replaces the synthetic clip in the tablets' pack",
    params: O.RecordingParams,
    body: O.RecordingUpload,
    bodyLimit: RECORDING_BODY_LIMIT,
    response: ok(O.RecordingText),
  },
  'GET /api/recordings/:lng/:key': {
    access: 'coordinator',
    summary: 'The saved recording of one text, to listen back',
    params: O.RecordingParams,
    response: { 200: null },
    produces: 'audio/*',
  },
  'DELETE /api/recordings/:lng/:key': {
    access: 'coordinator',
    summary: 'Remove the recording of one text; the synthetic clip is used again',
    params: O.RecordingParams,
    response: ok(O.RecordingText),
  },
  'DELETE /api/recordings/:lng': {
    access: 'coordinator',
    summary: "Erase all of a language's recordings",
    params: O.RecordingLanguageParams,
    response: ok(O.RecordingsErased),
  },

  // Tablets, as the coordinator sees them
  'GET /api/devices': {
    access: 'coordinator',
    summary: 'Tablets with last sync and status',
    response: ok(Type.Array(O.DeviceRow)),
  },
  'POST /api/devices/:id/revoke': {
    access: 'coordinator',
    summary: 'Revoke a tablet (idempotent)',
    params: IdParams,
    body: EmptyBody,
    bodyLimit: 1024,
    response: ok(O.DeviceRow),
  },
  'GET /api/server-keys': {
    access: 'coordinator',
    summary:
      "The server's sealing keys, newest first, with the tablets that may still hold records for each",
    response: ok(Type.Array(O.ServerKeyStatus)),
  },
  'POST /api/server-keys/:id/destroy': {
    access: 'coordinator',
    summary: 'Destroy a retired sealing key (audited); 409 key_active or key_in_use',
    params: O.KeyIdParams,
    body: EmptyBody,
    bodyLimit: 1024,
    response: ok(O.ServerKeyStatus),
  },
  'POST /api/enroll-codes': {
    access: 'coordinator',
    summary: 'A one-time enrolment code for a new tablet',
    body: O.EnrollCodeRequest,
    bodyLimit: 1024,
    response: created(O.NewEnrollCode),
  },
} as const satisfies Record<string, RouteSpec>;

/** `METHOD path` of every route. */
export type RouteKey = keyof typeof ROUTES;

/** The error answer every route may give (4xx, and 500 without detail). */
export { ApiError, Text };
