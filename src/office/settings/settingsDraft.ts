/** The settings form's draft: text inputs as typed, converted to AgencySettings and checked with the tablet's rules. */
import type { DetailField, FieldMode } from '../../shared/core/details.ts';
import {
  checkSettings,
  SETTING_BOUNDS,
  type AgencySettings,
  type SettingsProblem,
} from '../../shared/core/settings.ts';

/** Numeric settings in the order the form shows them. */
export const NUMBER_FIELDS = [
  'dominantThreshold',
  'desirabilityCautionAbove',
  'idleSeconds',
  'idleCountdownSeconds',
  'thanksSeconds',
  'staffLockSeconds',
  'offlineWarnDays',
  'qualityMinN',
] as const satisfies readonly (keyof typeof SETTING_BOUNDS)[];

/** One numeric setting. */
export type NumberField = (typeof NUMBER_FIELDS)[number];

/** What the form edits; numbers stay strings until saved so a half-typed "4," is not lost. */
export interface SettingsDraft {
  readonly agencyName: string;
  readonly consentText: string;
  readonly detailFields: Readonly<Record<DetailField, FieldMode>>;
  readonly languages: readonly string[];
  readonly defaultReadAloud: boolean;
  readonly defaultPictograms: boolean;
  readonly summaryDefiantScores: boolean;
  readonly previewRetention: AgencySettings['previewRetention'];
  readonly numbers: Readonly<Record<NumberField, string>>;
}

const SCORING: readonly NumberField[] = ['dominantThreshold', 'desirabilityCautionAbove'];

/** The draft for stored settings (decimals with a Dutch comma). */
export function draftOf(s: AgencySettings): SettingsDraft {
  const value = (k: NumberField) =>
    k === 'dominantThreshold' || k === 'desirabilityCautionAbove' ? s.scoring[k] : s[k];
  return {
    agencyName: s.agencyName,
    consentText: s.consentText ?? '',
    detailFields: { ...s.detailFields },
    languages: [...s.languages],
    defaultReadAloud: s.defaultReadAloud,
    defaultPictograms: s.defaultPictograms,
    summaryDefiantScores: s.summaryDefiantScores,
    previewRetention: s.previewRetention,
    numbers: Object.fromEntries(
      NUMBER_FIELDS.map((k) => [k, String(value(k)).replace('.', ',')]),
    ) as Record<NumberField, string>,
  };
}

const parse = (raw: string): number =>
  raw.trim() === '' ? Number.NaN : Number(raw.trim().replace(',', '.'));

/** The settings the draft stands for; a number that is not one becomes NaN, which the check refuses. */
export function settingsOf(d: SettingsDraft): AgencySettings {
  const n = (k: NumberField) => parse(d.numbers[k]);
  return {
    agencyName: d.agencyName,
    consentText: d.consentText.trim() || null,
    detailFields: d.detailFields,
    languages: d.languages,
    defaultReadAloud: d.defaultReadAloud,
    defaultPictograms: d.defaultPictograms,
    summaryDefiantScores: d.summaryDefiantScores,
    previewRetention: d.previewRetention,
    scoring: {
      dominantThreshold: n('dominantThreshold'),
      desirabilityCautionAbove: n('desirabilityCautionAbove'),
    },
    idleSeconds: n('idleSeconds'),
    idleCountdownSeconds: n('idleCountdownSeconds'),
    thanksSeconds: n('thanksSeconds'),
    staffLockSeconds: n('staffLockSeconds'),
    offlineWarnDays: n('offlineWarnDays'),
    qualityMinN: n('qualityMinN'),
    retentionDays: null, // not this form's: the retention page sets it, the server fills it into each config
  };
}

/** Per field what is wrong, with the same rules the server and the tablets apply (`checkSettings`). */
export function draftProblems(d: SettingsDraft): ReadonlyMap<string, SettingsProblem> {
  const out = new Map<string, SettingsProblem>();
  const settings = settingsOf(d);
  // checkSettings stops at the first problem; ask once per field so every field can show its own.
  for (const k of NUMBER_FIELDS) {
    const probe = SCORING.includes(k)
      ? { scoring: { [k]: settings.scoring[k as 'dominantThreshold'] } }
      : {
          [k]: settings[
            k as Exclude<NumberField, 'dominantThreshold' | 'desirabilityCautionAbove'>
          ],
        };
    const p = checkSettings(probe);
    if (p) out.set(k, p);
  }
  for (const k of ['agencyName', 'consentText'] as const) {
    const p = checkSettings({ [k]: k === 'consentText' ? d.consentText : d.agencyName });
    if (p) out.set(k, p);
  }
  if (out.size === 0) {
    const p = checkSettings(settings);
    if (p) out.set(p.field, p);
  }
  return out;
}
