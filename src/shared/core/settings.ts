/** Agency settings with the pilot's defaults, and a restore that makes any stored shape safe to use. */
import { DEFAULT_SCORING, type ScoringSettings } from './scoring.ts';
import { DETAIL_FIELDS, type DetailField, type FieldMode } from './details.ts';
import { RETENTION_BOUNDS } from './retention.ts';

/** Everything an agency (or staff on the tablet) can configure. */
export interface AgencySettings {
  /** Replaces `{{agency}}` in item texts. */
  readonly agencyName: string;
  /** Own purpose-and-consent text; null shows the default text from the locale. */
  readonly consentText: string | null;
  /** Which personal details are asked, and whether they are required. */
  readonly detailFields: Readonly<Record<DetailField, FieldMode>>;
  readonly scoring: ScoringSettings;
  /** Seconds without a touch before the idle warning appears. */
  readonly idleSeconds: number;
  /** Seconds the idle warning counts down before the screen resets (at least 20). */
  readonly idleCountdownSeconds: number;
  /** Seconds the thank-you screen stays before the welcome screen returns. */
  readonly thanksSeconds: number;
  /** Seconds without a touch before staff mode locks itself. */
  readonly staffLockSeconds: number;
  /** How long a completed session's preview (reference or first name, scores) stays on the tablet after sync. */
  readonly previewRetention: 'until-synced' | 'end-of-day';
  /** Language codes clients may choose on this tablet; Dutch is always offered. */
  readonly languages: readonly string[];
  /** Read-everything is on when a new client starts (the client can still turn it off). */
  readonly defaultReadAloud: boolean;
  /** Picture answers are on when a new client starts (the client can still turn them off). */
  readonly defaultPictograms: boolean;
  /** Days a tablet may go without reaching the server before it warns staff. */
  readonly offlineWarnDays: number;
  /** Fewest measurements a figure on the questionnaire-quality page may rest on; fewer and it is withheld. */
  readonly qualityMinN: number;
  /**
   * The client's printed summary shows percentages for the defiant postures (weerstand, onthechting, omzeiling) too.
   * Off by default: on paper "Omzeiling 50%" reads as an accusation; the sheet then describes those postures in words.
   */
  readonly summaryDefiantScores: boolean;
  /**
   * The office's retention period in days (null: none set), so the consent screen can say how long answers are kept.
   * Set in one place only, the office's retention (`PUT /api/retention`): the server writes it into every tablet's
   * config, whatever a settings form sent.
   */
  readonly retentionDays: number | null;
}

/** Every language the product ships texts for. */
export const ALL_LANGUAGES: readonly string[] = ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'];

/** The defaults: the pilot's agency name, its four details, threshold 62. */
export const DEFAULT_SETTINGS: AgencySettings = {
  agencyName: 'Werkplein Drentsche Aa',
  consentText: null,
  detailFields: {
    gender: 'required',
    firstName: 'required',
    lastName: 'required',
    dateOfBirth: 'required',
  },
  scoring: DEFAULT_SCORING,
  idleSeconds: 90,
  idleCountdownSeconds: 30,
  thanksSeconds: 20,
  staffLockSeconds: 120,
  previewRetention: 'end-of-day',
  languages: ALL_LANGUAGES,
  defaultReadAloud: false,
  defaultPictograms: false,
  offlineWarnDays: 3,
  qualityMinN: 30,
  summaryDefiantScores: false,
  retentionDays: null,
};

/** Bounds each numeric setting may take; restore clamps into them. */
export const SETTING_BOUNDS = {
  idleSeconds: [20, 3600],
  idleCountdownSeconds: [20, 300],
  thanksSeconds: [5, 300],
  staffLockSeconds: [30, 3600],
  dominantThreshold: [0, 100],
  desirabilityCautionAbove: [1, 5],
  offlineWarnDays: [1, 60],
  qualityMinN: [10, 100000],
} as const satisfies Record<string, readonly [number, number]>;

function num(v: unknown, fallback: number, [lo, hi]: readonly [number, number]): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.min(hi, Math.max(lo, v)) : fallback;
}

function obj(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
}

/** Turns whatever was stored (older shape, partial, garbage) into complete, bounded settings. */
export function restoreSettings(raw: unknown): AgencySettings {
  const o = obj(raw);
  const d = DEFAULT_SETTINGS;
  const fields = obj(o.detailFields);
  const scoring = obj(o.scoring);
  const modes: readonly FieldMode[] = ['required', 'optional', 'off'];
  const detailFields = Object.fromEntries(
    DETAIL_FIELDS.map((f) => {
      const m = fields[f];
      return [f, modes.includes(m as FieldMode) ? (m as FieldMode) : d.detailFields[f]];
    }),
  ) as Record<DetailField, FieldMode>;
  const name = typeof o.agencyName === 'string' ? o.agencyName.trim().slice(0, 80) : '';
  const languages = Array.isArray(o.languages)
    ? o.languages.filter((l): l is string => typeof l === 'string' && ALL_LANGUAGES.includes(l))
    : d.languages;
  const consent = typeof o.consentText === 'string' ? o.consentText.trim().slice(0, 4000) : '';
  return {
    agencyName: name || d.agencyName,
    consentText: consent || null,
    detailFields,
    scoring: {
      dominantThreshold: num(
        scoring.dominantThreshold,
        d.scoring.dominantThreshold,
        SETTING_BOUNDS.dominantThreshold,
      ),
      desirabilityCautionAbove: num(
        scoring.desirabilityCautionAbove,
        d.scoring.desirabilityCautionAbove,
        SETTING_BOUNDS.desirabilityCautionAbove,
      ),
    },
    idleSeconds: num(o.idleSeconds, d.idleSeconds, SETTING_BOUNDS.idleSeconds),
    idleCountdownSeconds: num(
      o.idleCountdownSeconds,
      d.idleCountdownSeconds,
      SETTING_BOUNDS.idleCountdownSeconds,
    ),
    thanksSeconds: num(o.thanksSeconds, d.thanksSeconds, SETTING_BOUNDS.thanksSeconds),
    staffLockSeconds: num(o.staffLockSeconds, d.staffLockSeconds, SETTING_BOUNDS.staffLockSeconds),
    previewRetention: o.previewRetention === 'until-synced' ? 'until-synced' : 'end-of-day',
    languages: ['nl', ...new Set(languages.filter((l) => l !== 'nl'))],
    defaultReadAloud:
      typeof o.defaultReadAloud === 'boolean' ? o.defaultReadAloud : d.defaultReadAloud,
    defaultPictograms:
      typeof o.defaultPictograms === 'boolean' ? o.defaultPictograms : d.defaultPictograms,
    offlineWarnDays: Math.round(
      num(o.offlineWarnDays, d.offlineWarnDays, SETTING_BOUNDS.offlineWarnDays),
    ),
    qualityMinN: Math.round(num(o.qualityMinN, d.qualityMinN, SETTING_BOUNDS.qualityMinN)),
    summaryDefiantScores:
      typeof o.summaryDefiantScores === 'boolean' ? o.summaryDefiantScores : d.summaryDefiantScores,
    retentionDays:
      typeof o.retentionDays === 'number' &&
      Number.isInteger(o.retentionDays) &&
      o.retentionDays >= RETENTION_BOUNDS.min &&
      o.retentionDays <= RETENTION_BOUNDS.max
        ? o.retentionDays
        : null,
  };
}

/** Why a settings object was refused: the first field that restore would have had to change, and how. */
export interface SettingsProblem {
  /** Dotted path of the field, e.g. `scoring.dominantThreshold`. */
  readonly field: string;
  readonly message: string;
}

function leaves(v: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  if (typeof v === 'object' && v !== null && !Array.isArray(v))
    for (const [k, x] of Object.entries(v)) leaves(x, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, Array.isArray(v) ? JSON.stringify(v) : v);
  return out;
}

const BOUND_OF: Readonly<Record<string, readonly [number, number]>> = {
  ...SETTING_BOUNDS,
  'scoring.dominantThreshold': SETTING_BOUNDS.dominantThreshold,
  'scoring.desirabilityCautionAbove': SETTING_BOUNDS.desirabilityCautionAbove,
};

/** Settings counted in whole seconds or days (the tablet's staff form asks the same). */
export const WHOLE_SETTINGS: readonly string[] = [
  'idleSeconds',
  'idleCountdownSeconds',
  'thanksSeconds',
  'staffLockSeconds',
  'offlineWarnDays',
  'qualityMinN',
];

/**
 * The same rules as restoreSettings, but strict: the office refuses a value restore would silently change
 * (out of bounds, wrong type, unknown field value), so a coordinator never saves something the tablets read otherwise.
 * Fields left out keep their defaults; the consent text and agency name are trimmed, and "" consent means the default.
 */
export function checkSettings(raw: unknown): SettingsProblem | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { field: '', message: 'settings must be an object' };
  try {
    return firstProblem(raw);
  } catch {
    // Absurd nesting overflows the stack while walking it: still bad input, never a crash.
    return { field: '', message: 'settings are malformed' };
  }
}

function firstProblem(raw: object): SettingsProblem | null {
  const restored = leaves(restoreSettings(raw), '', new Map());
  for (const [field, given] of leaves(raw, '', new Map())) {
    if (!restored.has(field)) return { field, message: `${field} is not a setting` };
    const kept = restored.get(field);
    const same =
      given === kept ||
      (typeof given === 'string' && given.trim() === kept) ||
      (field === 'consentText' &&
        (given === null || (typeof given === 'string' && !given.trim())) &&
        kept === null) ||
      (field === 'languages' && typeof given === 'string' && sameLanguages(given, kept));
    const bound = BOUND_OF[field];
    if (same && bound && WHOLE_SETTINGS.includes(field) && !Number.isInteger(given))
      return { field, message: `${field} must be a whole number from ${bound[0]} to ${bound[1]}` };
    if (!same) {
      const message = bound
        ? `${field} must be a number from ${bound[0]} to ${bound[1]}`
        : `${field} has a value that is not allowed`;
      return { field, message };
    }
  }
  return null;
}

function sameLanguages(given: string, kept: unknown): boolean {
  let a: unknown;
  try {
    a = JSON.parse(given);
  } catch {
    return false; // a bare string, not a list
  }
  const b = JSON.parse(String(kept)) as string[];
  return (
    Array.isArray(a) &&
    a.every((l) => typeof l === 'string' && b.includes(l)) &&
    b.every((l) => l === 'nl' || a.includes(l))
  );
}

/** The settings fields whose value differs between two versions (dotted paths), for the audit log. */
export function changedSettings(before: AgencySettings, after: AgencySettings): string[] {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  return [...b.keys()].filter((k) => a.get(k) !== b.get(k));
}
