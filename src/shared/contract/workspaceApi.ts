/**
 * The HTTP contract between the office workspace (staff and coordinators in a browser) and the server: paths,
 * request and response shapes. Types only, shared by `src/server` and `src/workspace`, so neither guesses.
 *
 * Rules every route keeps:
 * - Signed-in users are recognised by an HttpOnly, SameSite=Strict session cookie `si_session`; no route takes a
 *   device token except the tablet routes in src/shared/contract/protocol.ts and `POST /api/devices/status`.
 * - 401 `signed_out` when there is no live session; 403 `forbidden` when the role may not use the route, or a staff
 *   member asks for a client not linked to them (the same 403 whether or not the client exists: no probing).
 * - 400 `bad_request` with a message for a malformed body or query; 404 `not_found` for an unknown id (coordinator).
 * - Every error body is `ApiError` ({error, message}); never a 500 for bad input.
 * - Every read of a client's profile or answers writes an audit entry.
 */
import type { Static } from 'typebox';
import type * as O from './schema/office.ts';
import type * as T from './schema/tablet.ts';
import type * as X from './schema/translation.ts';
import type * as V from './schema/questionnaire.ts';

/** Who may use the workspace. Coordinator = the pilot's researcher role. */
export type Role = Static<typeof O.Role>;

/** A staff member's own judgement of whether the measured profile fit the client. */
export type Fit = Static<typeof O.Fit>;

/** Paths; `:id` segments are UUIDs. */
export const WS_API = {
  // Accounts and sign-in
  setup: '/api/auth/setup', // POST SetupRequest → 201 Me (first coordinator; 409 `already_set_up`, 401 `code_invalid`)
  login: '/api/auth/login', // POST LoginRequest → 200 Me + cookie; 401 `login_failed`; 429 `throttled` (LoginThrottled)
  logout: '/api/auth/logout', // POST → 204, this session only
  logoutEverywhere: '/api/auth/logout-everywhere', // POST → 204, every session of this user
  me: '/api/auth/me', // GET → Me (also keeps the session alive)
  password: '/api/auth/password', // POST PasswordChange → 204; 400 `password_weak`, 401 `login_failed`
  myPostures: '/api/me/postures', // PUT {postures: string[]} → 204 (staff describe who they work well with)
  users: '/api/users', // GET → UserSummary[]; POST NewUser → 201 UserSummary (coordinator)
  user: '/api/users/:id', // PATCH UserUpdate → UserSummary (coordinator)

  // Clients and measurements
  clients: '/api/clients', // GET ?q=&staffId= → ClientSummary[] (staff: only linked clients)
  client: '/api/clients/:id', // GET → ClientDetail (audited); DELETE → 204 erases client (coordinator)
  clientLink: '/api/clients/:id/link', // PUT {staffId: string | null} → ClientSummary (coordinator)
  clientLinkRandom: '/api/clients/:id/link-random', // POST → ClientSummary (coordinator; random among active staff)
  clientSuggestions: '/api/clients/:id/suggestions', // GET → StaffSuggestion[] best first (coordinator)
  clientJudgement: '/api/clients/:id/judgements', // POST NewJudgement → 201 Judgement (linked staff or coordinator)
  clientMerge: '/api/clients/merge', // POST {keepId, mergeId} → ClientSummary (coordinator)
  measurements: '/api/measurements', // GET ?from=&to=&deviceId= → MeasurementRow[] (coordinator)
  measurementAnswers: '/api/measurements/:id/answers', // GET → AnsweredMeasurement (coordinator, audited)
  measurementSplit: '/api/measurements/:id/split', // POST → ClientSummary of the new client (coordinator)

  // Organisation
  dashboard: '/api/dashboard', // GET ?from=&to=&deviceId= → Dashboard (coordinator)
  exportCsv: '/api/export/measurements.csv', // GET ?from=&to= (coordinator, audited)
  exportJson: '/api/export/measurements.json', // GET ?from=&to= (coordinator, audited)
  exportCodebook: '/api/export/codebook.csv', // GET (coordinator)
  exportSpss: '/api/export/measurements.sps', // GET: SPSS syntax reading measurements.csv with labels (coordinator)
  exportR: '/api/export/measurements.R', // GET: R script reading measurements.csv with labels (coordinator)
  audit: '/api/audit', // GET ?clientId=&actorId=&action=&from=&to=&limit=&offset= → AuditEntry[] newest first (coordinator)
  auditCsv: '/api/audit.csv', // GET the same filters &lang=nl|en → CSV (coordinator, audited)
  eraseAll: '/api/erasure/all', // POST {confirm: <agency name>} → {erased: number} (coordinator; end of study)
  retention: '/api/retention', // GET → Retention; PUT Retention → Retention (coordinator)
  settings: '/api/settings', // GET → AgencySettings; PUT AgencySettings → AgencySettings (coordinator)
  languages: '/api/languages', // GET → LanguageReview[] (coordinator)
  languageReview: '/api/languages/:code/review', // PUT {status, note} → LanguageReview (coordinator)

  // Tablets
  devices: '/api/devices', // GET → DeviceRow[] (coordinator)
  serverKeys: '/api/server-keys', // GET → ServerKeyStatus[] newest first (coordinator)
  serverKeyDestroy: '/api/server-keys/:id/destroy', // POST → ServerKeyStatus; 409 `key_active`/`key_in_use` (coordinator, audited)
  deviceRevoke: '/api/devices/:id/revoke', // POST → DeviceRow (coordinator)
  enrollCodes: '/api/enroll-codes', // POST {name} → NewEnrollCode (coordinator)
  deviceStatus: '/api/devices/status', // POST DeviceStatusReport with the tablet's bearer token → 204
} as const;

/** The bodies and answers of the routes above, from their schemas in schema/office.ts (documented there). */
export type SetupRequest = Static<typeof O.SetupRequest>;
export type LoginRequest = Static<typeof O.LoginRequest>;
export type LoginThrottled = Static<typeof O.LoginThrottled>;
export type PasswordChange = Static<typeof O.PasswordChange>;
export type Me = Static<typeof O.Me>;
export type UserSummary = Static<typeof O.UserSummary>;
export type NewUser = Static<typeof O.NewUser>;
export type UserUpdate = Static<typeof O.UserUpdate>;
export type ClientSummary = Static<typeof O.ClientSummary>;
export type MeasurementView = Static<typeof O.MeasurementView>;
export type Judgement = Static<typeof O.Judgement>;
export type NewJudgement = Static<typeof O.NewJudgement>;
export type ClientDetail = Static<typeof O.ClientDetail>;
export type SummaryFacts = Static<typeof O.SummaryFacts>;
export type StaffSuggestion = Static<typeof O.StaffSuggestion>;
export type MeasurementRow = Static<typeof O.MeasurementRow>;
export type AnsweredMeasurement = Static<typeof O.AnsweredMeasurement>;
export type Dashboard = Static<typeof O.Dashboard>;
export type AuditEntry = Static<typeof O.AuditEntry>;
export type Retention = Static<typeof O.Retention>;
export type LanguageReview = Static<typeof O.LanguageReview>;
export type PartCoverage = Static<typeof X.PartCoverage>;
export type LanguageStrings = Static<typeof X.LanguageStrings>;
export type ReviewString = Static<typeof X.ReviewString>;
export type ImportPreview = Static<typeof X.ImportPreview>;
export type ImportResult = Static<typeof X.ImportResult>;
export type VersionPreview = Static<typeof V.VersionPreview>;
export type VersionSummary = Static<typeof V.VersionSummary>;
/** One questionnaire version with its texts in the workspace languages (client page, answers, quality page). */
export type InstrumentVersionTexts = Static<typeof V.InstrumentVersionTexts>;
export type VersionProblem = Static<typeof V.VersionProblem>;
export type DeviceRow = Static<typeof O.DeviceRow>;
export type NewEnrollCode = Static<typeof O.NewEnrollCode>;
export type ServerKeyStatus = Static<typeof O.ServerKeyStatus>;
/** What a tablet reports about itself after each sync round. */
export type DeviceStatusReport = Static<typeof T.DeviceStatusReport>;
