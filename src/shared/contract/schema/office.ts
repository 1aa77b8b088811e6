/** Schemas of the office workspace's routes: accounts, clients and measurements, organisation, tablets. */
import type { AgencySettings as AgencySettingsType } from '../../core/settings.ts';
import { Type } from 'typebox';
import { RETENTION_BOUNDS } from '../../core/retention.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../auditActions.ts';
import { Day, DayOrTime, IsoTime, Nullable, Text, Uuid } from './common.ts';
import { Profile } from './record.ts';
import { DeviceStatusReport } from './tablet.ts';
import { InstrumentVersionTexts } from './questionnaire.ts';
import { PartCoverage } from './translation.ts';

/** Who may use the workspace. Coordinator = the pilot's researcher role. */
export const Role = Type.Union([Type.Literal('coordinator'), Type.Literal('staff')]);

/** A staff member's own judgement of whether the measured profile fit the client. */
export const Fit = Type.Union([Type.Literal('yes'), Type.Literal('partly'), Type.Literal('no')]);

/** Usernames: 3–64 letters, digits and . _ @ - (compared case-insensitively; surrounding spaces are trimmed). */
const Username = () => Type.String({ pattern: '^\\s*[A-Za-z0-9._@-]{3,64}\\s*$' });
/** A person's or tablet's name: trimmed by the server, no control characters. */
const Name = (max: number) =>
  Type.String({ pattern: '^(?=.*\\S)[^\\u0000-\\u001f\\u007f\\uD800-\\uDFFF]*$', maxLength: max });
/** Passwords are checked for strength by the route (password_weak); here only that they are text. */
const Password = () => Text({ maxLength: 1024 });
const PostureIds = () => Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 });

/** First start: `npm start` prints a one-time setup code; it creates the first coordinator. */
export const SetupRequest = Type.Object({
  setupCode: Name(64),
  name: Name(100),
  username: Username(),
  password: Password(),
});

export const LoginRequest = Type.Object({
  username: Text({ minLength: 1, maxLength: 100 }),
  password: Password(),
});

/** 429 body after repeated failures for a username or address. */
export const LoginThrottled = Type.Object({
  error: Type.Literal('throttled'),
  message: Type.String(),
  retryAfterSeconds: Type.Number(),
});

export const PasswordChange = Type.Object({ current: Password(), next: Password() });

/** `PUT /api/me/postures`: the posture scales a staff member works well with. */
export const MyPostures = Type.Object({ postures: PostureIds() });

/** The signed-in user; the UI warns `idleWarningSeconds` before the server signs an idle session out. */
export const Me = Type.Object({
  userId: Type.String(),
  /** The password was set by a coordinator: this session may only choose a new one (or sign out). */
  mustChangePassword: Type.Boolean(),
  name: Type.String(),
  username: Type.String(),
  role: Role,
  postures: Type.Array(Type.String()),
  idleTimeoutSeconds: Type.Number(),
  idleWarningSeconds: Type.Number(),
  /** The agency's name from its settings (staff cannot read settings). */
  agencyName: Type.String(),
});

export const UserSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  username: Type.String(),
  role: Role,
  /** Posture scale ids this staff member works well with. */
  postures: Type.Array(Type.String()),
  /** Clients linked to them now. */
  caseload: Type.Number(),
  disabled: Type.Boolean(),
});

export const NewUser = Type.Object(
  { name: Name(100), username: Username(), role: Role, password: Password() },
  { additionalProperties: false },
);

export const UserUpdate = Type.Object(
  {
    name: Type.Optional(Name(100)),
    role: Type.Optional(Role),
    postures: Type.Optional(PostureIds()),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Password()),
  },
  { additionalProperties: false },
);

/** One row of a client list: enough to pick a client, with the latest dominant postures at a glance. */
export const ClientSummary = Type.Object({
  id: Type.String(),
  /** Short code (e.g. "K7QM-3XD2") staff type as the reference on a tablet for a follow-up measurement. */
  code: Type.String(),
  /** First and last name when the agency asks for them, else the reference, else the code. */
  displayName: Type.String(),
  /** The name as written on the ID document in Latin letters, when the client gave it beside a name in another script. */
  documentName: Nullable(Type.String()),
  reference: Nullable(Type.String()),
  staff: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  measurementCount: Type.Number(),
  latest: Nullable(
    Type.Object({
      measurementId: Type.String(),
      completedAt: Type.String(),
      language: Type.String(),
      dominant: Type.Array(Type.String()),
    }),
  ),
});

/** `GET /api/clients` query: search text and (coordinator) a staff member's caseload. */
export const ClientQuery = Type.Object({
  q: Type.Optional(Text({ maxLength: 100 })),
  staffId: Type.Optional(Type.Union([Uuid(), Type.Literal('')])),
});

/** One measurement as staff may see it: the profile, never the answers. */
export const MeasurementView = Type.Object({
  id: Type.String(),
  instrumentId: Type.String(),
  instrumentVersion: Type.Number(),
  language: Type.String(),
  deviceName: Type.String(),
  completedAt: Type.String(),
  receivedAt: Type.String(),
  /** The server's scoring with the agency settings at receipt. */
  profile: Profile,
  /** True when the tablet scored it differently (the client saw the tablet's profile). */
  scoreMismatch: Type.Boolean(),
});

/** A staff member's judgement after the conversation; kept beside the measured scores, never replacing them. */
export const Judgement = Type.Object({
  id: Type.String(),
  measurementId: Type.String(),
  staffId: Type.String(),
  staffName: Type.String(),
  fit: Fit,
  /** What the client said of their own profile summary, when asked. */
  clientFit: Nullable(Fit),
  observedPosture: Nullable(Type.String()),
  note: Type.String(),
  at: Type.String(),
});

/** Longest judgement note. */
export const NOTE_MAX = 2000;

export const NewJudgement = Type.Object({
  measurementId: Uuid(),
  fit: Fit,
  clientFit: Type.Optional(Nullable(Fit)),
  observedPosture: Type.Optional(Nullable(Text({ minLength: 1, maxLength: 100 }))),
  note: Type.Optional(Text({ maxLength: NOTE_MAX })),
});

/** A client's page: history oldest first, judgements, and the details the agency asked for. */
export const ClientDetail = Type.Object({
  client: ClientSummary,
  /** Gender, names, date of birth as collected; staff see the names they need to recognise the client. */
  details: Type.Record(Type.String(), Type.String()),
  measurements: Type.Array(MeasurementView),
  judgements: Type.Array(Judgement),
  /**
   * Every questionnaire version the measurements were answered in, with its texts: each measurement is shown with the
   * items, wording and scales of its own version. On the client page itself so the page stays one request.
   */
  instruments: Type.Array(InstrumentVersionTexts),
});

/**
 * The agency facts the client's summary states (staff may not read the settings or the retention period themselves):
 * read fresh for every sheet, so a changed retention period is never printed wrong.
 */
export const SummaryFacts = Type.Object({
  agencyName: Type.String(),
  /** Measurements are erased this many days after completion; null: kept until erased on request or end of study. */
  retentionDays: Nullable(Type.Integer()),
  /** The agency chose to print percentages for the defiant postures too (setting summaryDefiantScores). */
  defiantScores: Type.Boolean(),
});

/** `PUT /api/clients/:id/link`. */
export const LinkRequest = Type.Object({ staffId: Nullable(Uuid()) });

/** `POST /api/clients/merge`. */
export const MergeRequest = Type.Object({ keepId: Uuid(), mergeId: Uuid() });

/** Suggestion for linking: fit to the client's dominant postures weighed against caseload. */
export const StaffSuggestion = Type.Object({
  staffId: Type.String(),
  name: Type.String(),
  caseload: Type.Number(),
  /** Dominant postures of the client this staff member works well with. */
  matched: Type.Array(Type.String()),
  score: Type.Number(),
});

/** Period filters (`from`, `to` inclusive) shared by the measurement list, the dashboard and the exports. */
const period = {
  from: Type.Optional(Type.Union([Day(), Type.Literal('')])),
  to: Type.Optional(Type.Union([Day(), Type.Literal('')])),
};

/** `?from=&to=` (exports). */
export const PeriodQuery = Type.Object(period);

/** `?from=&to=&deviceId=` (dashboard). */
export const FilterQuery = Type.Object({
  ...period,
  deviceId: Type.Optional(Type.Union([Uuid(), Type.Literal('')])),
});

/** `?from=&to=&deviceId=&limit=` (measurement list). */
export const MeasurementQuery = Type.Object({
  ...period,
  deviceId: Type.Optional(Type.Union([Uuid(), Type.Literal('')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});

/** The coordinator's list of every measurement (the pilot's "ingevulde vragen"). */
export const MeasurementRow = Type.Object({
  id: Type.String(),
  clientId: Type.String(),
  clientName: Type.String(),
  deviceName: Type.String(),
  language: Type.String(),
  completedAt: Type.String(),
  dominant: Type.Array(Type.String()),
});

/** Every answer of one measurement, grouped per scale with its score. */
export const AnsweredMeasurement = Type.Object({
  measurement: MeasurementView,
  clientId: Type.String(),
  /** The version the answers were given in, with its texts (null when the server no longer knows it). */
  instrument: Nullable(InstrumentVersionTexts),
  scales: Type.Array(
    Type.Object({
      scale: Type.String(),
      kind: Type.Union([
        Type.Literal('posture'),
        Type.Literal('role'),
        Type.Literal('desirability'),
      ]),
      /** Percent for a posture, value 1–5 for a role, mean for desirability; null when too few answers. */
      score: Nullable(Type.Number()),
      items: Type.Array(Type.Object({ itemId: Type.String(), value: Nullable(Type.Number()) })),
    }),
  ),
});

const ScaleCount = Type.Object({ scale: Type.String(), count: Type.Number() });
const FitCounts = Type.Object({ yes: Type.Number(), partly: Type.Number(), no: Type.Number() });

/** Organisation-wide figures over the filtered measurements. */
export const Dashboard = Type.Object({
  n: Type.Number(),
  filters: Type.Object({
    from: Nullable(Type.String()),
    to: Nullable(Type.String()),
    deviceId: Nullable(Type.String()),
  }),
  /** Mean percent per posture over measurements that have a score for it. */
  averageProfile: Type.Array(
    Type.Object({ scale: Type.String(), mean: Nullable(Type.Number()), n: Type.Number() }),
  ),
  dominantCounts: Type.Array(ScaleCount),
  /** How often each role alone is the highest. */
  topRoleCounts: Type.Array(ScaleCount),
  /** Measurements whose highest role score is shared by several roles (no single expected role): counted apart. */
  topRoleTies: Type.Number(),
  desirability: Type.Object({ mean: Nullable(Type.Number()), n: Type.Number() }),
  /** ISO week start date (Monday, YYYY-MM-DD). */
  perWeek: Type.Array(Type.Object({ week: Type.String(), count: Type.Number() })),
  perDevice: Type.Array(
    Type.Object({ deviceId: Type.String(), name: Type.String(), count: Type.Number() }),
  ),
  fit: Type.Object({ staff: FitCounts, client: FitCounts }),
  /** The questionnaire versions the period's measurements were answered in. */
  versions: Type.Array(Type.Object({ id: Type.String(), version: Type.Integer() })),
  /** With several versions: scales some of them lack, left out of every score figure (only shared scales compare). */
  scalesLeftOut: Type.Array(Type.String()),
});

/** An audit action code, or '' for any. */
const AuditActionFilter = Type.Unsafe<AuditAction | ''>(
  Type.String({ enum: ['', ...AUDIT_ACTIONS], description: 'an audit action code, or empty' }),
);

/** `GET /api/audit` query: who, what, which client, which period (from inclusive, to exclusive), one page. */
export const AuditQuery = Type.Object({
  clientId: Type.Optional(Type.Union([Uuid(), Type.Literal('')])),
  actorId: Type.Optional(Type.Union([Uuid(), Type.Literal('')])),
  action: Type.Optional(AuditActionFilter),
  from: Type.Optional(Type.Union([DayOrTime(), Type.Literal('')])),
  to: Type.Optional(Type.Union([DayOrTime(), Type.Literal('')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
});

/** `GET /api/audit.csv` query: the same filters (no paging) and the language of the readable column. */
export const AuditCsvQuery = Type.Object({
  clientId: Type.Optional(Type.Union([Uuid(), Type.Literal('')])),
  actorId: Type.Optional(Type.Union([Uuid(), Type.Literal('')])),
  action: Type.Optional(AuditActionFilter),
  from: Type.Optional(Type.Union([DayOrTime(), Type.Literal('')])),
  to: Type.Optional(Type.Union([DayOrTime(), Type.Literal('')])),
  lang: Type.Optional(Type.Union([Type.Literal('nl'), Type.Literal('en')])),
});

/** One audit line; `detail` never holds answers or personal details. */
export const AuditEntry = Type.Object({
  at: Type.String(),
  actorId: Nullable(Type.String()),
  /** The account's name today; the name written with the entry when the account is gone; 'retention' for the purge. */
  actorName: Type.String(),
  /** One of AUDIT_ACTIONS (src/shared/contract/auditActions.ts). */
  action: Type.String(),
  clientId: Nullable(Type.String()),
  detail: Type.String(),
  /** The account the entry is about (created, changed, linked), and its name today (null when gone). */
  subjectId: Nullable(Type.String()),
  subjectName: Nullable(Type.String()),
});

/** `POST /api/erasure/all`: the agency's name typed again as confirmation. */
export const EraseAllRequest = Type.Object({ confirm: Text({ maxLength: 200 }) });
export const EraseAllResponse = Type.Object({ erased: Type.Number() });

/** Measurements older than `days` (by completion) are erased automatically; null keeps them. */
export const Retention = Type.Object({
  days: Nullable(Type.Integer({ minimum: RETENTION_BOUNDS.min, maximum: RETENTION_BOUNDS.max })),
});

/**
 * `PUT /api/settings`: the AgencySettings object (fields left out keep their defaults). The schema keeps unsafe text
 * out; the server then checks it with the tablet's own rules (`checkSettings`): a value they would change is refused
 * with 400 `invalid_setting`.
 */
export const SettingsUpdate = Type.Unsafe<Partial<AgencySettingsType>>(
  Type.Object(
    {
      agencyName: Type.Optional(Text({ maxLength: 200 })),
      consentText: Type.Optional(Nullable(Text({ maxLength: 20_000 }))),
      languages: Type.Optional(Type.Array(Text({ maxLength: 20 }), { maxItems: 50 })),
      previewRetention: Type.Optional(Text({ maxLength: 40 })),
      qualityMinN: Type.Optional(
        Type.Number({ description: 'minimum N of the questionnaire-quality page, 10–100000' }),
      ),
    },
    { additionalProperties: true, description: 'AgencySettings (src/shared/core/settings.ts)' },
  ),
);

/** A language's review status, which coordinators see and may change. */
export const LanguageReview = Type.Object({
  code: Type.String(),
  name: Type.String(),
  status: Type.Union([Type.Literal('source'), Type.Literal('draft'), Type.Literal('checked')]),
  note: Type.String(),
  /** The version of its texts: 0 as built into the app, then one per import. */
  version: Type.Integer(),
  versionAt: Nullable(IsoTime()),
  versionBy: Nullable(Type.String()),
  /** Coverage and review status per part (empty for the source language). */
  parts: Type.Array(PartCoverage),
});

/** `:code` of `/api/languages/:code/review`. */
export const LanguageParams = Type.Object({
  code: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$' }),
});

/** `PUT /api/languages/:code/review`. */
export const LanguageReviewUpdate = Type.Object({
  status: Type.Union([Type.Literal('checked'), Type.Literal('draft')]),
  note: Type.Optional(Text({ maxLength: 1000 })),
});

export const DeviceRow = Type.Object({
  id: Type.String(),
  name: Type.String(),
  enrolledAt: IsoTime(),
  lastSyncAt: Nullable(IsoTime()),
  revokedAt: Nullable(IsoTime()),
  status: Nullable(Type.Intersect([DeviceStatusReport, Type.Object({ reportedAt: IsoTime() })])),
});

/** A sealing key of the server; a retired one can be destroyed when no tablet waits (`waitingFor` empty). */
export const ServerKeyStatus = Type.Object({
  keyId: Type.String(),
  createdAt: IsoTime(),
  active: Type.Boolean(),
  retiredAt: Nullable(IsoTime()),
  destroyedAt: Nullable(IsoTime()),
  /** Names of tablets that may still hold records sealed to this key. */
  waitingFor: Type.Array(Type.String()),
});

/** `:id` of `/api/server-keys/:id/destroy`: a key id as the server writes them. */
export const KeyIdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' }) });

/** `POST /api/enroll-codes`. */
export const EnrollCodeRequest = Type.Object({ name: Name(60) });

export const NewEnrollCode = Type.Object({
  code: Type.String(),
  name: Type.String(),
  expiresAt: Type.String(),
});

/** A language with recordings: `:lng` of the recording routes. */
export const RecordingLanguageParams = Type.Object({
  lng: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$' }),
});

/** One text of a language: `:lng/:key` (a key such as "kiosk:welcome.title"). */
export const RecordingParams = Type.Object({
  lng: Type.String({ pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$' }),
  key: Type.String({ pattern: '^[A-Za-z0-9_-]+:[A-Za-z0-9_.-]+$', maxLength: 200 }),
});

/** Where a text's audio comes from: the agency's recording, eSpeak in the language's own voice, or nothing fitting. */
export const AudioSource = Type.Union([
  Type.Literal('recorded'),
  Type.Literal('synthetic'),
  Type.Literal('missing'),
]);

/** How many texts of a language are recorded, synthetic or missing (a stale recording counts as not recorded). */
export const RecordingCounts = Type.Object({
  lng: Type.String(),
  recorded: Type.Integer(),
  synthetic: Type.Integer(),
  missing: Type.Integer(),
  stale: Type.Integer(),
});

/** One text on the recording page. */
export const RecordingText = Type.Object({
  key: Type.String(),
  text: Type.String(),
  source: AudioSource,
  /** False for texts with placeholders (numbers, the agency name): those are not recorded. */
  recordable: Type.Boolean(),
  recording: Nullable(
    Type.Object({
      mime: Type.String(),
      bytes: Type.Integer(),
      recordedAt: IsoTime(),
      /** True when the text changed since it was recorded. */
      stale: Type.Boolean(),
    }),
  ),
});

/** `GET /api/recordings/:lng`. */
export const RecordingLanguage = Type.Object({
  counts: RecordingCounts,
  /** Set when the synthetic voice is a stand-in (Tigrinya spoken with the Amharic voice). */
  fallbackNote: Nullable(Type.String()),
  texts: Type.Array(RecordingText),
});

/** `PUT /api/recordings/:lng/:key`: the audio as base64, with its type. */
export const RecordingUpload = Type.Object({
  mime: Type.String({ maxLength: 100 }),
  audio: Type.String({ maxLength: 8 * 1024 * 1024 }),
});

/** `DELETE /api/recordings/:lng`: how many recordings were erased. */
export const RecordingsErased = Type.Object({ erased: Type.Integer() });
