/** Pure scoring of one set of answers against an instrument: postures, dominance, imago roles, social desirability. */
import { answerRange, type Instrument, type Scale } from './instrument.ts';

/** Answers by item id; an item that is absent was not answered. */
export type Answers = Readonly<Record<string, number>>;

/** The agency settings that change how a profile is read. */
export interface ScoringSettings {
  /** A posture is dominant when its percentage is strictly higher than this (pilot: 62). */
  readonly dominantThreshold: number;
  /** Show a caution when the social-desirability mean is strictly higher than this (1..5). */
  readonly desirabilityCautionAbove: number;
}

/** The pilot's defaults. */
export const DEFAULT_SCORING: ScoringSettings = {
  dominantThreshold: 62,
  desirabilityCautionAbove: 4,
};

/** One posture's result; `percent` is null when too few of its items were answered. */
export interface PostureScore {
  readonly scale: string;
  readonly answered: number;
  readonly items: number;
  readonly percent: number | null;
  readonly dominant: boolean;
}

/** One imago role's result: the single item's value, or null when unanswered. */
export interface RoleScore {
  readonly scale: string;
  readonly value: number | null;
}

/** Social desirability: a mean on the answer scale, not a posture. */
export interface DesirabilityScore {
  readonly scale: string;
  readonly answered: number;
  readonly items: number;
  readonly mean: number | null;
  readonly caution: boolean;
}

/** A client's profile as staff see it. */
export interface Profile {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly threshold: number;
  readonly postures: readonly PostureScore[];
  readonly dominant: readonly string[];
  readonly roles: readonly RoleScore[];
  readonly topRoles: readonly string[];
  readonly desirability: DesirabilityScore | null;
}

function valuesOf(
  instrument: Instrument,
  scale: Scale,
  answers: Answers,
): { values: number[]; items: number } {
  const ids = instrument.parts.flatMap((p) => p.items).filter((i) => i.scale === scale.id);
  const values = ids.map((i) => answers[i.id]).filter((v): v is number => typeof v === 'number');
  return { values, items: ids.length };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
const mean = (xs: readonly number[]): number => sum(xs) / xs.length;

/** Scores answers: posture % = (mean − min) / (max − min) × 100; dominant above the threshold; roles ranked with ties. */
export function scoreAnswers(
  instrument: Instrument,
  answers: Answers,
  settings: ScoringSettings = DEFAULT_SCORING,
): Profile {
  const { min, max } = answerRange(instrument);
  const postures: PostureScore[] = [];
  const roles: RoleScore[] = [];
  let desirability: DesirabilityScore | null = null;
  for (const scale of instrument.scales) {
    const { values, items } = valuesOf(instrument, scale, answers);
    const enough = values.length >= scale.minAnswered;
    if (scale.kind === 'posture') {
      // One division of exact sums, not (mean − min) / range × 100: chained rounding turned an exact 55% into
      // 55.00000000000001, which then counted as above a threshold of 55.
      const percent = enough
        ? ((sum(values) - values.length * min) * 100) / (values.length * (max - min))
        : null;
      postures.push({
        scale: scale.id,
        answered: values.length,
        items,
        percent,
        dominant: percent !== null && percent > settings.dominantThreshold,
      });
    } else if (scale.kind === 'role') {
      roles.push({ scale: scale.id, value: enough ? Math.max(...values) : null });
    } else {
      const m = enough ? mean(values) : null;
      desirability = {
        scale: scale.id,
        answered: values.length,
        items,
        mean: m,
        caution: m !== null && m > settings.desirabilityCautionAbove,
      };
    }
  }
  const answeredRoles = roles.filter((r): r is RoleScore & { value: number } => r.value !== null);
  const best = answeredRoles.length ? Math.max(...answeredRoles.map((r) => r.value)) : null;
  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    threshold: settings.dominantThreshold,
    postures,
    dominant: postures.filter((p) => p.dominant).map((p) => p.scale),
    roles,
    topRoles:
      best === null ? [] : answeredRoles.filter((r) => r.value === best).map((r) => r.scale),
    desirability,
  };
}
