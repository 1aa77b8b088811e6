/**
 * One pass over a group's answer codes: per scale the item moments (α, item–total), per item the answer counts and
 * its rest-score strata (DIF), and the pairs (social desirability, posture mean) for their correlation.
 */
import { addPair, addPairSums, emptyPair, type PairSums } from '../stats/correlation.ts';
import { addStrata, addToStratum, emptyStrata, type StrataSums } from '../stats/mantel.ts';
import { addCase, addMoments, emptyMoments, type ItemMoments } from '../stats/moments.ts';
import type { CodeLayout } from './layout.ts';

/** The sufficient statistics of one group of measurements. */
export interface GroupSums {
  measurements: number;
  /** Per scale (the layout's order): moments over cases with every item of the scale answered. */
  readonly scales: ItemMoments[];
  /** Per item: how often each answer option was given. */
  readonly counts: Float64Array[];
  /** Per item: its answers by rest score (complete cases of its scale). */
  readonly strata: StrataSums[];
  /** Per scale: (desirability mean, scale mean) for measurements where both are scored; empty without desirability. */
  readonly desirability: PairSums[];
}

/** Empty sums for a layout. */
export function emptySums(layout: CodeLayout): GroupSums {
  const strataOf = new Map(layout.scales.map((s) => [s.id, s.strata]));
  return {
    measurements: 0,
    scales: layout.scales.map((s) => emptyMoments(s.positions.length)),
    counts: layout.itemIds.map(() => new Float64Array(layout.values.length)),
    strata: layout.itemScale.map((s) => emptyStrata(strataOf.get(s) ?? 1)),
    desirability: layout.scales.map(() => emptyPair()),
  };
}

/**
 * Adds `count` measurements whose codes are concatenated in `codes` (each layout.itemIds.length characters).
 * A character that is not an answer value counts as unanswered.
 */
export function accumulate(
  layout: CodeLayout,
  sums: GroupSums,
  codes: string,
  count: number,
): void {
  const width = layout.itemIds.length;
  const values = new Float64Array(width);
  const scaleValues = layout.scales.map((s) => new Float64Array(s.positions.length));
  const means = new Float64Array(layout.scales.length);
  const desirability = layout.scales.findIndex((s) => s.kind === 'desirability');
  for (let r = 0; r < count; r++) {
    const base = r * width;
    for (let p = 0; p < width; p++) {
      const v = codes.charCodeAt(base + p) - 48;
      const option = v >= 0 && v < 80 ? (layout.optionOf[v] as number) : -1;
      if (option < 0) values[p] = Number.NaN;
      else {
        values[p] = v;
        const c = sums.counts[p] as Float64Array;
        c[option] = (c[option] as number) + 1;
      }
    }
    for (let s = 0; s < layout.scales.length; s++) {
      const scale = layout.scales[s]!;
      const xs = scaleValues[s]!;
      let answered = 0;
      let total = 0;
      for (let i = 0; i < scale.positions.length; i++) {
        const v = values[scale.positions[i]!]!;
        xs[i] = v;
        if (!Number.isNaN(v)) {
          answered++;
          total += v;
        }
      }
      means[s] = answered >= scale.minAnswered && answered > 0 ? total / answered : Number.NaN;
      if (answered < scale.positions.length || answered === 0) continue;
      addCase(sums.scales[s]!, xs);
      const restBase = (scale.positions.length - 1) * layout.min;
      for (let i = 0; i < scale.positions.length; i++)
        addToStratum(sums.strata[scale.positions[i]!]!, total - xs[i]! - restBase, xs[i]!);
    }
    if (desirability >= 0 && !Number.isNaN(means[desirability]!))
      for (let s = 0; s < layout.scales.length; s++)
        if (s !== desirability && !Number.isNaN(means[s]!))
          addPair(sums.desirability[s]!, means[desirability]!, means[s]!);
    sums.measurements++;
  }
}

/** Adds `b` into `a` (the same layout). */
export function addSums(a: GroupSums, b: GroupSums): void {
  a.measurements += b.measurements;
  a.scales.forEach((m, i) => addMoments(m, b.scales[i]!));
  a.counts.forEach((c, i) => {
    const o = b.counts[i]!;
    for (let j = 0; j < c.length; j++) c[j] = c[j]! + o[j]!;
  });
  a.strata.forEach((t, i) => addStrata(t, b.strata[i]!));
  a.desirability.forEach((d, i) => addPairSums(d, b.desirability[i]!));
}
