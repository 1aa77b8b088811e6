/** Cronbach's α with Feldt's confidence interval, and corrected item–total correlations, from item moments. */
import { fQuantile } from './distributions.ts';
import { covariance, type ItemMoments } from './moments.ts';

/** α and its interval; null figures when they are undefined (fewer than 2 items or cases, no variance). */
export interface Reliability {
  readonly n: number;
  readonly alpha: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Per item: its correlation with the sum of the other items of the scale. */
  readonly itemTotal: readonly (number | null)[];
}

/** Cronbach's α = k/(k−1) · (1 − Σ var(xᵢ) / var(Σ xᵢ)) (Cronbach 1951). */
export function cronbachAlpha(cov: Float64Array, k: number): number | null {
  if (k < 2) return null;
  let itemVar = 0;
  let totalVar = 0;
  for (let i = 0; i < k; i++) {
    itemVar += cov[i * k + i] as number;
    for (let j = 0; j < k; j++) totalVar += cov[i * k + j] as number;
  }
  return totalVar > 0 ? (k / (k - 1)) * (1 - itemVar / totalVar) : null;
}

/**
 * Feldt's interval: (1 − α) / (1 − α̂) follows F(n − 1, (n − 1)(k − 1)), so the (1 − γ) interval is
 * [1 − (1 − α̂)·F₁₋γ/₂, 1 − (1 − α̂)·F_γ/₂]. Source: Feldt, L. S. (1965), "The approximate sampling distribution of
 * Kuder-Richardson reliability coefficient twenty", Psychometrika 30(3), 357–370; in this form in Feldt, Woodruff &
 * Salih (1987), Applied Psychological Measurement 11(1), 93–103, eq. 2, and R psych::alpha.ci.
 */
export function feldtInterval(
  alpha: number,
  n: number,
  k: number,
  level = 0.95,
): { low: number; high: number } | null {
  if (n < 2 || k < 2) return null;
  const d1 = n - 1;
  const d2 = (n - 1) * (k - 1);
  const g = 1 - level;
  return {
    low: 1 - (1 - alpha) * fQuantile(1 - g / 2, d1, d2),
    high: 1 - (1 - alpha) * fQuantile(g / 2, d1, d2),
  };
}

/**
 * Corrected item–total correlation of item i: r(xᵢ, T − xᵢ) with T the scale sum, from the covariance matrix:
 * cov(xᵢ, T − xᵢ) = Σⱼ cᵢⱼ − cᵢᵢ and var(T − xᵢ) = Σⱼₗ cⱼₗ − 2 Σⱼ cᵢⱼ + cᵢᵢ.
 */
export function correctedItemTotal(cov: Float64Array, k: number): (number | null)[] {
  let total = 0;
  const row = new Float64Array(k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      row[i] = (row[i] as number) + (cov[i * k + j] as number);
      total += cov[i * k + j] as number;
    }
  return Array.from({ length: k }, (_, i) => {
    const vi = cov[i * k + i] as number;
    const c = (row[i] as number) - vi;
    const vRest = total - 2 * (row[i] as number) + vi;
    return vi > 0 && vRest > 0 ? c / Math.sqrt(vi * vRest) : null;
  });
}

/** Everything the page shows about one scale in one group. */
export function reliability(m: ItemMoments): Reliability {
  const cov = covariance(m);
  if (!cov)
    return {
      n: m.n,
      alpha: null,
      low: null,
      high: null,
      itemTotal: new Array<null>(m.k).fill(null),
    };
  const alpha = cronbachAlpha(cov, m.k);
  const ci = alpha === null ? null : feldtInterval(alpha, m.n, m.k);
  return {
    n: m.n,
    alpha,
    low: ci?.low ?? null,
    high: ci?.high ?? null,
    itemTotal: m.k >= 2 ? correctedItemTotal(cov, m.k) : [null],
  };
}
