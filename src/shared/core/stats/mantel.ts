/**
 * Differential item functioning of an ordinal item between a reference and a focal group, matched on a stratifying
 * score: Mantel's (1963) test for ordered responses with its standardised mean difference as effect size, the method
 * ETS uses for polytomous items (Zwick, Donoghue & Grima 1993, J. Educ. Meas. 30(3), 233–251; Zwick, Thayer &
 * Mazzeo 1997, ETS RR-97-13: "C" when p < .05 and |SMD| / SD ≥ .25).
 */
import { chiSquare1Sf } from './distributions.ts';

/** Per stratum s: how many answered, Σy and Σy² of the item. */
export interface StrataSums {
  readonly count: Float64Array;
  readonly sum: Float64Array;
  readonly sumSq: Float64Array;
}

/** Empty sums for `strata` strata. */
export function emptyStrata(strata: number): StrataSums {
  return {
    count: new Float64Array(strata),
    sum: new Float64Array(strata),
    sumSq: new Float64Array(strata),
  };
}

/** Adds answer y in stratum s, `weight` times. */
export function addToStratum(t: StrataSums, s: number, y: number, weight = 1): void {
  t.count[s] = t.count[s]! + weight;
  t.sum[s] = t.sum[s]! + weight * y;
  t.sumSq[s] = t.sumSq[s]! + weight * y * y;
}

/** Adds `b` into `a`. */
export function addStrata(a: StrataSums, b: StrataSums): void {
  for (let s = 0; s < a.count.length; s++) {
    a.count[s] = (a.count[s] as number) + (b.count[s] as number);
    a.sum[s] = (a.sum[s] as number) + (b.sum[s] as number);
    a.sumSq[s] = (a.sumSq[s] as number) + (b.sumSq[s] as number);
  }
}

/** The Mantel statistic (1 df), its p-value, and the effect size. */
export interface MantelResult {
  readonly chi2: number;
  readonly p: number;
  /** SMD = Σₛ pꜰₛ (m̄ꜰₛ − m̄ʀₛ): focal minus reference mean, weighted by the focal group's strata (in answer points). */
  readonly smd: number;
  /** SMD divided by the item's standard deviation in both groups together. */
  readonly effect: number;
  /** Focal and reference answers in strata where both groups are present (the answers the test rests on). */
  readonly nFocal: number;
  readonly nReference: number;
}

/**
 * Mantel's test: with Fₛ the focal group's sum of item scores in stratum s, under no DIF E(Fₛ) = nꜰₛ/Nₛ · Σyₛ and
 * Var(Fₛ) = nʀₛ nꜰₛ (Nₛ Σy²ₛ − (Σyₛ)²) / (Nₛ² (Nₛ − 1)); χ² = (Σ Fₛ − Σ E Fₛ)² / Σ Var Fₛ with 1 df. Strata where
 * either group is absent carry no information and are skipped. Null when nothing is left or nothing varies.
 */
export function mantel(reference: StrataSums, focal: StrataSums): MantelResult | null {
  let f = 0;
  let e = 0;
  let v = 0;
  let smd = 0;
  let nF = 0;
  let nR = 0;
  let all = 0;
  let allSum = 0;
  let allSq = 0;
  for (let s = 0; s < focal.count.length; s++) {
    const nf = focal.count[s] as number;
    const nr = reference.count[s] as number;
    if (nf === 0 || nr === 0) continue;
    const n = nf + nr;
    const sy = (focal.sum[s] as number) + (reference.sum[s] as number);
    const sy2 = (focal.sumSq[s] as number) + (reference.sumSq[s] as number);
    f += focal.sum[s] as number;
    e += (nf / n) * sy;
    if (n > 1) v += (nr * nf * (n * sy2 - sy * sy)) / (n * n * (n - 1));
    smd += (focal.sum[s] as number) - nf * ((reference.sum[s] as number) / nr);
    nF += nf;
    nR += nr;
    all += n;
    allSum += sy;
    allSq += sy2;
  }
  if (nF === 0 || v <= 0 || all < 2) return null;
  smd /= nF;
  const sd = Math.sqrt((allSq - (allSum * allSum) / all) / (all - 1));
  const chi2 = ((f - e) * (f - e)) / v;
  return {
    chi2,
    p: chiSquare1Sf(chi2),
    smd,
    effect: sd > 0 ? smd / sd : 0,
    nFocal: nF,
    nReference: nR,
  };
}
