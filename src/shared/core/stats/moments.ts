/**
 * Sufficient statistics of k items over n complete cases: counts, sums and the cross-product matrix. They add up over
 * groups, so per-language figures and the overall figure come from one pass over the data.
 */

/** n, Σxᵢ and Σxᵢxⱼ (row-major k × k) of k items over the cases where every item was answered. */
export interface ItemMoments {
  readonly k: number;
  n: number;
  readonly sums: Float64Array;
  readonly cross: Float64Array;
}

/** Empty moments for k items. */
export function emptyMoments(k: number): ItemMoments {
  return { k, n: 0, sums: new Float64Array(k), cross: new Float64Array(k * k) };
}

/** Adds one case (k values) to the moments, `weight` times (the number of people who gave exactly these answers). */
export function addCase(m: ItemMoments, values: ArrayLike<number>, weight = 1): void {
  const k = m.k;
  m.n += weight;
  for (let i = 0; i < k; i++) {
    const xi = values[i]!;
    m.sums[i] = m.sums[i]! + weight * xi;
    for (let j = i; j < k; j++) m.cross[i * k + j] = m.cross[i * k + j]! + weight * xi * values[j]!;
  }
}

/** Adds the moments `b` into `a` (same k). */
export function addMoments(a: ItemMoments, b: ItemMoments): void {
  a.n += b.n;
  for (let i = 0; i < a.k; i++) a.sums[i] = (a.sums[i] as number) + (b.sums[i] as number);
  for (let i = 0; i < a.cross.length; i++)
    a.cross[i] = (a.cross[i] as number) + (b.cross[i] as number);
}

/** The sample covariance matrix (n − 1 in the denominator), k × k row-major; null with fewer than 2 cases. */
export function covariance(m: ItemMoments): Float64Array | null {
  const { k, n } = m;
  if (n < 2) return null;
  const c = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = i; j < k; j++) {
      const si = m.sums[i] as number;
      const sj = m.sums[j] as number;
      const v = ((m.cross[i * k + j] as number) - (si * sj) / n) / (n - 1);
      c[i * k + j] = v;
      c[j * k + i] = v;
    }
  return c;
}
