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
import type { Profile } from '../core/scoring.ts';

/** Who may use the workspace. Coordinator = the pilot's researcher role. */
export type Role = 'coordinator' | 'staff';

/** A staff member's own judgement of whether the measured profile fit the client. */
export type Fit = 'yes' | 'partly' | 'no';

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
  audit: '/api/audit', // GET ?clientId=&from=&to=&limit= → AuditEntry[] newest first (coordinator)
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

/** First start: `npm start` prints a one-time setup code; it creates the first coordinator. */
export interface SetupRequest {
  readonly setupCode: string;
  readonly name: string;
  readonly username: string;
  readonly password: string;
}

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
}

/** 429 body after repeated failures for a username or address. */
export interface LoginThrottled {
  readonly error: 'throttled';
  readonly message: string;
  readonly retryAfterSeconds: number;
}

export interface PasswordChange {
  readonly current: string;
  readonly next: string;
}

/** The signed-in user; the UI warns `idleWarningSeconds` before the server signs an idle session out. */
export interface Me {
  readonly userId: string;
  readonly name: string;
  readonly username: string;
  readonly role: Role;
  readonly postures: readonly string[];
  readonly idleTimeoutSeconds: number;
  readonly idleWarningSeconds: number;
  /** The agency's name from its settings, for the imago sentence and the client summary (staff cannot read settings). */
  readonly agencyName: string;
}

export interface UserSummary {
  readonly id: string;
  readonly name: string;
  readonly username: string;
  readonly role: Role;
  /** Posture scale ids this staff member works well with. */
  readonly postures: readonly string[];
  /** Clients linked to them now. */
  readonly caseload: number;
  readonly disabled: boolean;
}

export interface NewUser {
  readonly name: string;
  readonly username: string;
  readonly role: Role;
  readonly password: string;
}

export interface UserUpdate {
  readonly name?: string;
  readonly role?: Role;
  readonly postures?: readonly string[];
  readonly disabled?: boolean;
  readonly password?: string;
}

/** One row of a client list: enough to pick a client, with the latest dominant postures at a glance. */
export interface ClientSummary {
  readonly id: string;
  /** Short code (e.g. "K7QM-3XD2") staff type as the reference on a tablet for a follow-up measurement. */
  readonly code: string;
  /** First and last name when the agency asks for them, else the reference, else the code. */
  readonly displayName: string;
  readonly reference: string | null;
  readonly staff: { readonly id: string; readonly name: string } | null;
  readonly measurementCount: number;
  readonly latest: {
    readonly measurementId: string;
    readonly completedAt: string;
    readonly language: string;
    readonly dominant: readonly string[];
  } | null;
}

/** One measurement as staff may see it: the profile, never the answers. */
export interface MeasurementView {
  readonly id: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly language: string;
  readonly deviceName: string;
  readonly completedAt: string;
  readonly receivedAt: string;
  /** The server's scoring with the agency settings at receipt. */
  readonly profile: Profile;
  /** True when the tablet scored it differently (the client saw the tablet's profile). */
  readonly scoreMismatch: boolean;
}

/** A staff member's judgement after the conversation; kept beside the measured scores, never replacing them. */
export interface Judgement {
  readonly id: string;
  readonly measurementId: string;
  readonly staffId: string;
  readonly staffName: string;
  readonly fit: Fit;
  /** What the client said of their own profile summary, when asked. */
  readonly clientFit: Fit | null;
  readonly observedPosture: string | null;
  readonly note: string;
  readonly at: string;
}

export interface NewJudgement {
  readonly measurementId: string;
  readonly fit: Fit;
  readonly clientFit?: Fit | null;
  readonly observedPosture?: string | null;
  readonly note?: string;
}

/** A client's page: history oldest first, judgements, and the details the agency asked for. */
export interface ClientDetail {
  readonly client: ClientSummary;
  /** Gender, names, date of birth as collected; staff see the names they need to recognise the client. */
  readonly details: Readonly<Record<string, string>>;
  readonly measurements: readonly MeasurementView[];
  readonly judgements: readonly Judgement[];
}

/** Suggestion for linking: fit to the client's dominant postures weighed against caseload. */
export interface StaffSuggestion {
  readonly staffId: string;
  readonly name: string;
  readonly caseload: number;
  /** Dominant postures of the client this staff member works well with. */
  readonly matched: readonly string[];
  readonly score: number;
}

/** The coordinator's list of every measurement (the pilot's "ingevulde vragen"). */
export interface MeasurementRow {
  readonly id: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly deviceName: string;
  readonly language: string;
  readonly completedAt: string;
  readonly dominant: readonly string[];
}

/** Every answer of one measurement, grouped per scale with its score. */
export interface AnsweredMeasurement {
  readonly measurement: MeasurementView;
  readonly clientId: string;
  readonly scales: readonly {
    readonly scale: string;
    readonly kind: 'posture' | 'role' | 'desirability';
    /** Percent for a posture, value 1–5 for a role, mean for desirability; null when too few answers. */
    readonly score: number | null;
    readonly items: readonly { readonly itemId: string; readonly value: number | null }[];
  }[];
}

/** Organisation-wide figures over the filtered measurements. */
export interface Dashboard {
  readonly n: number;
  readonly filters: {
    readonly from: string | null;
    readonly to: string | null;
    readonly deviceId: string | null;
  };
  /** Mean percent per posture over measurements that have a score for it. */
  readonly averageProfile: readonly {
    readonly scale: string;
    readonly mean: number | null;
    readonly n: number;
  }[];
  readonly dominantCounts: readonly { readonly scale: string; readonly count: number }[];
  /** How often each role is (one of) the highest. */
  readonly topRoleCounts: readonly { readonly scale: string; readonly count: number }[];
  readonly desirability: { readonly mean: number | null; readonly n: number };
  /** ISO week start date (Monday, YYYY-MM-DD). */
  readonly perWeek: readonly { readonly week: string; readonly count: number }[];
  readonly perDevice: readonly {
    readonly deviceId: string;
    readonly name: string;
    readonly count: number;
  }[];
  readonly fit: {
    readonly staff: Readonly<Record<Fit, number>>;
    readonly client: Readonly<Record<Fit, number>>;
  };
}

/** One audit line; `detail` never holds answers or personal details. */
export interface AuditEntry {
  readonly at: string;
  readonly actorId: string | null;
  readonly actorName: string;
  /** e.g. view_profile, view_answers, export, erase_client, erase_all, link, merge, split, judgement, sign_in, refused (a 403). */
  readonly action: string;
  readonly clientId: string | null;
  readonly detail: string;
}

/** Measurements older than `days` (by completion) are erased automatically; null keeps them. */
export interface Retention {
  readonly days: number | null;
}

/** A language's review status, which coordinators see and may change. */
export interface LanguageReview {
  readonly code: string;
  readonly name: string;
  readonly status: 'source' | 'draft' | 'checked';
  readonly note: string;
}

/** A sealing key of the server; a retired one can be destroyed when no tablet waits (`waitingFor` empty). */
export interface ServerKeyStatus {
  readonly keyId: string;
  readonly createdAt: string;
  readonly active: boolean;
  readonly retiredAt: string | null;
  readonly destroyedAt: string | null;
  /** Names of tablets that may still hold records sealed to this key. */
  readonly waitingFor: readonly string[];
}

/** What a tablet reports about itself after each sync round. */
export interface DeviceStatusReport {
  readonly queued: number;
  readonly rejected: number;
  readonly storage: {
    readonly persisted: boolean | null;
    readonly usageBytes: number | null;
    readonly quotaBytes: number | null;
    readonly error: string | null;
  };
  readonly appVersion: string;
  /** Per enabled language: how it is read aloud on this tablet. */
  readonly readAloud?: Readonly<Record<string, 'voice' | 'audio' | 'none'>>;
}

export interface DeviceRow {
  readonly id: string;
  readonly name: string;
  readonly enrolledAt: string;
  readonly lastSyncAt: string | null;
  readonly revokedAt: string | null;
  readonly status: (DeviceStatusReport & { readonly reportedAt: string }) | null;
}

export interface NewEnrollCode {
  readonly code: string;
  readonly name: string;
  readonly expiresAt: string;
}
