/** Agency settings with the pilot's defaults, and a restore that makes any stored shape safe to use. */
import { DEFAULT_SCORING, type ScoringSettings } from './scoring.ts';
import { DETAIL_FIELDS, type DetailField, type FieldMode } from './details.ts';

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
  previewRetention: 'until-synced',
  languages: ALL_LANGUAGES,
};

/** Bounds each numeric setting may take; restore clamps into them. */
export const SETTING_BOUNDS = {
  idleSeconds: [20, 3600],
  idleCountdownSeconds: [20, 300],
  thanksSeconds: [5, 300],
  staffLockSeconds: [30, 3600],
  dominantThreshold: [0, 100],
  desirabilityCautionAbove: [1, 5],
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
    previewRetention: o.previewRetention === 'end-of-day' ? 'end-of-day' : 'until-synced',
    languages: ['nl', ...new Set(languages.filter((l) => l !== 'nl'))],
  };
}
