/**
 * The codebook of the research export as data: every column with its label, type, value labels and how its value is
 * taken from a measurement. The CSV, the JSON, the codebook CSV, the SPSS syntax and the R script are all generated
 * from this one list, so they cannot drift apart.
 */
import { GENDER_OPTIONS } from '../../shared/core/details.ts';
import type { Instrument } from '../../shared/core/instrument.ts';
import type { Profile } from '../../shared/core/scoring.ts';
import { AGE_BANDS } from './ageBand.ts';
import { scaleScore } from './views.ts';

/** One exported value: text, number, or empty (null). */
export type Cell = string | number | null;

/** What one row is made of (see `rows()` in export.ts). */
export interface ExportFacts {
  readonly id: string;
  readonly clientId: string;
  readonly deviceId: string;
  readonly deviceName: string;
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly language: string;
  readonly languagesUsed: readonly string[];
  readonly startedAt: string;
  readonly completedAt: string;
  readonly receivedAt: string;
  readonly scoreMismatch: boolean;
  readonly answers: Readonly<Record<string, number>>;
  readonly profile: Profile;
  readonly ageBand: string | null;
  readonly gender: string | null;
  readonly fit: string | null;
  readonly clientFit: string | null;
  readonly observedPosture: string | null;
}

/** How a column is stored: text (with its widest value), a whole number, a number with decimals, a time. */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'datetime';

/** One column of the export. `codes` are its value labels (a coded column); `values` says in words what it holds. */
export interface ExportColumn {
  readonly name: string;
  readonly label: string;
  readonly type: ColumnType;
  /** Widest text (characters) for text columns. */
  readonly width?: number;
  readonly values: string;
  readonly codes?: readonly (readonly [code: string | number, label: string])[];
  readonly value: (m: ExportFacts) => Cell;
}

/** Scores keep two decimals in every export (a percentage like 66.66666666666667 helps nobody). */
export const round2 = (v: number | null): number | null =>
  v === null ? null : Math.round(v * 100) / 100;

const FITS: readonly (readonly [string, string])[] = [
  ['yes', 'yes, fits'],
  ['partly', 'partly'],
  ['no', 'no, does not fit'],
];
const GENDER_LABELS: Record<(typeof GENDER_OPTIONS)[number], string> = {
  female: 'female',
  male: 'male',
  other: 'other',
  unspecified: 'prefers not to say',
};
const NO_YES: readonly (readonly [number, string])[] = [
  [0, 'no'],
  [1, 'yes'],
];

/** A language's English name for value labels ("ti" → "Tigrinya"). */
function languageLabel(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** SPSS and R both accept letters, digits and _ starting with a letter, up to 64 characters. */
export const safeName = (s: string): string =>
  `${/^[A-Za-z]/.test(s) ? '' : 'x'}${s.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, 64);

const fixedColumns = (languages: readonly string[]): ExportColumn[] => [
  {
    name: 'measurement_id',
    label: 'Session id of the measurement',
    type: 'text',
    width: 36,
    values: 'UUID',
    value: (m) => m.id,
  },
  {
    name: 'client_id',
    label: 'Client the measurement belongs to (same id = same client; pseudonymous)',
    type: 'text',
    width: 36,
    values: 'UUID',
    value: (m) => m.clientId,
  },
  {
    name: 'device_id',
    label: 'Tablet the measurement was taken on',
    type: 'text',
    width: 36,
    values: 'UUID',
    value: (m) => m.deviceId,
  },
  {
    name: 'device_name',
    label: 'Name of that tablet',
    type: 'text',
    width: 200,
    values: 'text',
    value: (m) => m.deviceName,
  },
  {
    name: 'instrument_id',
    label: 'Questionnaire',
    type: 'text',
    width: 100,
    values: 'text',
    value: (m) => m.instrumentId,
  },
  {
    name: 'instrument_version',
    label:
      'Questionnaire version the client answered (an item or scale that version lacks is empty)',
    type: 'integer',
    values: 'whole number',
    value: (m) => m.instrumentVersion,
  },
  {
    name: 'language',
    label: 'Language the client answered in',
    type: 'text',
    width: 12,
    values: 'language code',
    codes: languages.map((l) => [l, languageLabel(l)] as const),
    value: (m) => m.language,
  },
  {
    name: 'languages_used',
    label:
      'Every language the client had on screen, in order of first use (differs when they switched)',
    type: 'text',
    width: 100,
    values: 'language codes separated by ;',
    value: (m) => m.languagesUsed.join(';'),
  },
  {
    name: 'language_switched',
    label: 'The client used more than one language',
    type: 'integer',
    values: '0 or 1',
    codes: NO_YES,
    value: (m) => (m.languagesUsed.length > 1 ? 1 : 0),
  },
  {
    name: 'started_at',
    label: 'When the client started',
    type: 'datetime',
    values: 'ISO 8601 date and time (UTC)',
    value: (m) => m.startedAt,
  },
  {
    name: 'completed_at',
    label: 'When the client finished',
    type: 'datetime',
    values: 'ISO 8601 date and time (UTC)',
    value: (m) => m.completedAt,
  },
  {
    name: 'received_at',
    label: 'When the server received it',
    type: 'datetime',
    values: 'ISO 8601 date and time (UTC)',
    value: (m) => m.receivedAt,
  },
  {
    name: 'score_mismatch',
    label:
      'The tablet scored the answers differently from the server (the client saw the tablet profile)',
    type: 'integer',
    values: '0 or 1',
    codes: NO_YES,
    value: (m) => (m.scoreMismatch ? 1 : 0),
  },
  {
    name: 'age_band',
    label: 'Age when answering, in bands (from the date of birth, which is not exported)',
    type: 'text',
    width: 8,
    values: 'age band; empty = date of birth not asked or not given',
    codes: AGE_BANDS,
    value: (m) => m.ageBand,
  },
  {
    name: 'gender',
    label: 'Gender as the client gave it',
    type: 'text',
    width: 12,
    values: 'gender; empty = not asked or not given',
    codes: GENDER_OPTIONS.map((g) => [g, GENDER_LABELS[g]] as const),
    value: (m) => m.gender,
  },
];

const judgementColumns = (postures: readonly (readonly [string, string])[]): ExportColumn[] => [
  {
    name: 'judgement_fit',
    label:
      'Staff judgement after the conversation: did the measured profile fit the client (latest judgement)',
    type: 'text',
    width: 8,
    values: 'yes, partly, no; empty = no judgement recorded',
    codes: FITS,
    value: (m) => m.fit,
  },
  {
    name: 'judgement_client_fit',
    label:
      "The client's own view of the summary: did it fit, as the client told staff (latest judgement)",
    type: 'text',
    width: 8,
    values: 'yes, partly, no; empty = not asked or no judgement',
    codes: FITS,
    value: (m) => m.clientFit,
  },
  {
    name: 'judgement_observed_posture',
    label: 'The posture staff observed in the conversation (latest judgement)',
    type: 'text',
    width: 40,
    values: 'posture id; empty = none given',
    codes: postures,
    // Stored as free text up to 100 characters; only a known posture id leaves (never words a note could hold).
    value: (m) => (postures.some(([id]) => id === m.observedPosture) ? m.observedPosture : null),
  },
];

/**
 * With several questionnaire versions in the data, which versions have each item and scale: an item's wording per
 * version when it changed, and "only in version n" for an item or scale the other versions lack (rows of those
 * versions are empty there, and say their version in `instrument_version`).
 */
function versionNotes(instruments: readonly Instrument[]) {
  const versions = [...new Set(instruments.map((i) => i.version))].sort((a, b) => a - b);
  const texts = new Map<string, Map<number, string>>();
  const scaleVersions = new Map<string, Set<number>>();
  for (const i of instruments) {
    for (const item of i.parts.flatMap((p) => p.items)) {
      const m = texts.get(item.id) ?? new Map<number, string>();
      m.set(i.version, item.text);
      texts.set(item.id, m);
    }
    for (const sc of i.scales)
      scaleVersions.set(sc.id, (scaleVersions.get(sc.id) ?? new Set()).add(i.version));
  }
  const only = (have: readonly number[]): string =>
    have.length === versions.length ? '' : `; only in questionnaire version ${have.join(', ')}`;
  return {
    itemNote: (id: string): string => {
      const m = texts.get(id) ?? new Map<number, string>();
      const wordings = new Set(m.values());
      if (wordings.size <= 1) return [...wordings][0] ?? '';
      return [...m]
        .sort((a, b) => a[0] - b[0])
        .map(([v, t]) => `version ${v}: ${t}`)
        .join(' | ');
    },
    scaleNote: {
      only: (id: string, what: 'item' | 'scale'): string => {
        const have =
          what === 'item' ? [...(texts.get(id)?.keys() ?? [])] : [...(scaleVersions.get(id) ?? [])];
        return only(have.sort((a, b) => a - b));
      },
    },
  };
}

/** Every column of the export for these instruments, in order (the same order in every file). */
export function exportColumns(
  instruments: readonly Instrument[],
  languages: readonly string[],
): ExportColumn[] {
  const items = new Map<string, ExportColumn>();
  const scales = new Map<string, ExportColumn>();
  const dominants = new Map<string, ExportColumn>();
  const postures = new Map<string, string>();
  const { itemNote, scaleNote } = versionNotes(instruments);
  for (const i of instruments) {
    const answerCodes = i.answerScale.map((o) => [o.value, o.label] as const);
    const min = Math.min(...i.answerScale.map((o) => o.value));
    const max = Math.max(...i.answerScale.map((o) => o.value));
    const scaleLabel = new Map(i.scales.map((s) => [s.id, s.label]));
    for (const item of i.parts.flatMap((p) => p.items))
      if (!items.has(item.id))
        items.set(item.id, {
          name: safeName(`item_${item.id}`),
          label: `${i.id} item ${item.id} (${scaleLabel.get(item.scale) ?? item.scale}): ${itemNote(item.id)}`,
          type: 'integer',
          values: `${min}–${max}; empty = not answered${scaleNote.only(item.id, 'item')}`,
          codes: answerCodes,
          value: (m) => m.answers[item.id] ?? null,
        });
    for (const s of i.scales) {
      if (scales.has(s.id)) continue;
      if (s.kind === 'posture') {
        postures.set(s.id, s.label);
        scales.set(s.id, {
          name: safeName(`score_${s.id}`),
          label: `${s.label}: posture score`,
          type: 'decimal',
          values: `percent 0–100, two decimals; empty = fewer than ${s.minAnswered} answers${scaleNote.only(s.id, 'scale')}`,
          value: (m) => round2(scaleScore(m.profile, s.id)),
        });
        dominants.set(s.id, {
          name: safeName(`dominant_${s.id}`),
          label: `${s.label} is a dominant posture (score above the agency threshold at receipt)`,
          type: 'integer',
          values: '0 or 1; empty = no score',
          codes: NO_YES,
          value: (m) =>
            scaleScore(m.profile, s.id) === null ? null : m.profile.dominant.includes(s.id) ? 1 : 0,
        });
      } else if (s.kind === 'role')
        scales.set(s.id, {
          name: safeName(`score_${s.id}`),
          label: `${s.label}: expected role (the item's value)`,
          type: 'integer',
          values: `${min}–${max}; empty = not answered${scaleNote.only(s.id, 'scale')}`,
          codes: answerCodes,
          value: (m) => scaleScore(m.profile, s.id),
        });
      else
        scales.set(s.id, {
          name: safeName(`score_${s.id}`),
          label: `${s.label}: mean of the social-desirability items`,
          type: 'decimal',
          values: `mean ${min}–${max}, two decimals; empty = fewer than ${s.minAnswered} answers${scaleNote.only(s.id, 'scale')}`,
          value: (m) => round2(scaleScore(m.profile, s.id)),
        });
    }
  }
  const postureCodes = [...postures];
  return [
    ...fixedColumns(languages),
    ...items.values(),
    ...scales.values(),
    {
      name: 'dominant',
      label: 'Dominant postures (score above the agency threshold at receipt)',
      type: 'text',
      width: 200,
      values: `posture ids separated by ; (${postureCodes.map(([id]) => id).join(', ')})`,
      value: (m) => m.profile.dominant.join(';'),
    },
    ...dominants.values(),
    {
      name: 'top_roles',
      label: 'Highest-rated expected roles (every role tied at the top)',
      type: 'text',
      width: 200,
      values: 'role ids separated by ;',
      value: (m) => m.profile.topRoles.join(';'),
    },
    ...judgementColumns(postureCodes),
  ];
}
