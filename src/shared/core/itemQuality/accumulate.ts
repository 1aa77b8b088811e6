/**
 * One pass over a group's answer codes: per scale the item moments (α, item–total), per item the answer counts and
 * its rest-score strata (DIF), and the pairs (social desirability, posture mean) for their correlation.
 *
 * Speed: people who gave the same answers to a scale's items add the same to every statistic of that scale, so each
 * row only counts its answer pattern per scale (an index into a table of (options + 1)^k patterns); the statistics
 * are added once per distinct pattern afterwards, weighted by its count. A scale too long for a table (more than
 * MAX_PATTERNS patterns) is added row by row instead. Both give the same sums.
 */
import { addPair, addPairSums, emptyPair, type PairSums } from '../stats/correlation.ts';
import { addStrata, addToStratum, emptyStrata, type StrataSums } from '../stats/mantel.ts';
import { addCase, addMoments, emptyMoments, type ItemMoments } from '../stats/moments.ts';
import type { CodeLayout, ScaleLayout } from './layout.ts';

/** Largest pattern table per scale (5 items on a 5-point scale: 6^5 = 7,776). */
export const MAX_PATTERNS = 65_536;

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

/** Digit of a code character: 0 unanswered, else the answer option's index + 1. */
function digitTable(layout: CodeLayout): Int8Array {
  const digits = new Int8Array(65_536);
  layout.optionOf.forEach((option, v) => {
    if (option >= 0) digits[48 + v] = option + 1;
  });
  return digits;
}

/** Adds one answer pattern (digits per item of the scale) `weight` times: item counts, moments, strata. */
function addPattern(
  layout: CodeLayout,
  sums: GroupSums,
  scaleIndex: number,
  digits: ArrayLike<number>,
  weight: number,
): void {
  const scale = layout.scales[scaleIndex]!;
  const k = scale.positions.length;
  const values = new Float64Array(k);
  let answered = 0;
  let total = 0;
  for (let i = 0; i < k; i++) {
    const d = digits[i]!;
    if (d === 0) continue;
    const c = sums.counts[scale.positions[i]!]!;
    c[d - 1] = c[d - 1]! + weight;
    values[i] = layout.values[d - 1]!;
    total += values[i]!;
    answered++;
  }
  if (answered < k || k === 0) return;
  addCase(sums.scales[scaleIndex]!, values, weight);
  const restBase = (k - 1) * layout.min;
  for (let i = 0; i < k; i++)
    addToStratum(
      sums.strata[scale.positions[i]!]!,
      total - values[i]! - restBase,
      values[i]!,
      weight,
    );
}

/** The scale mean of a pattern, or NaN when fewer than minAnswered items were answered. */
function patternMean(layout: CodeLayout, scale: ScaleLayout, digits: ArrayLike<number>): number {
  let answered = 0;
  let total = 0;
  for (let i = 0; i < scale.positions.length; i++) {
    const d = digits[i]!;
    if (d === 0) continue;
    answered++;
    total += layout.values[d - 1]!;
  }
  return answered >= scale.minAnswered && answered > 0 ? total / answered : Number.NaN;
}

/** The digits of pattern index `index` of a k-item scale. */
function digitsOf(index: number, k: number, base: number): Int8Array {
  const out = new Int8Array(k);
  for (let i = k - 1; i >= 0; i--) {
    out[i] = index % base;
    index = Math.floor(index / base);
  }
  return out;
}

/**
 * Adds `count` measurements whose codes are concatenated in `codes` (each layout.itemIds.length characters).
 * A character that is not an answer value counts as unanswered. `maxPatterns` is for tests of the row-by-row path.
 */
export function accumulate(
  layout: CodeLayout,
  sums: GroupSums,
  codes: string,
  count: number,
  maxPatterns = MAX_PATTERNS,
): void {
  const width = layout.itemIds.length;
  const base = layout.values.length + 1;
  const digitOf = digitTable(layout);
  const scales = layout.scales.map((scale) => {
    const k = scale.positions.length;
    const size = base ** k;
    const table = size <= maxPatterns ? new Float64Array(size) : null;
    const means = table
      ? Float64Array.from({ length: size }, (_, i) =>
          patternMean(layout, scale, digitsOf(i, k, base)),
        )
      : null;
    return { positions: Int32Array.from(scale.positions), table, means, scale };
  });
  const desirability = layout.scales.findIndex((s) => s.kind === 'desirability');
  const rowMeans = new Float64Array(layout.scales.length);
  const digits = new Int8Array(width);
  for (let r = 0; r < count; r++) {
    const rowBase = r * width;
    for (let s = 0; s < scales.length; s++) {
      const { positions, table, means, scale } = scales[s]!;
      if (table && means) {
        let index = 0;
        for (let i = 0; i < positions.length; i++)
          index = index * base + digitOf[codes.charCodeAt(rowBase + positions[i]!)]!;
        table[index] = table[index]! + 1;
        rowMeans[s] = means[index]!;
      } else {
        for (let i = 0; i < positions.length; i++)
          digits[i] = digitOf[codes.charCodeAt(rowBase + positions[i]!)]!;
        const own = digits.subarray(0, positions.length);
        addPattern(layout, sums, s, own, 1);
        rowMeans[s] = patternMean(layout, scale, own);
      }
    }
    const d = desirability >= 0 ? rowMeans[desirability]! : Number.NaN;
    if (!Number.isNaN(d))
      for (let s = 0; s < scales.length; s++)
        if (s !== desirability && !Number.isNaN(rowMeans[s]!))
          addPair(sums.desirability[s]!, d, rowMeans[s]!);
  }
  sums.measurements += count;
  scales.forEach(({ table, positions }, s) => {
    if (!table) return;
    table.forEach((weight, index) => {
      if (weight > 0) addPattern(layout, sums, s, digitsOf(index, positions.length, base), weight);
    });
  });
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
