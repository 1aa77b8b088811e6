/** Pearson's correlation from running sums, so it can be accumulated per group in one pass. */

/** n, Σx, Σy, Σx², Σy², Σxy. */
export interface PairSums {
  n: number;
  x: number;
  y: number;
  xx: number;
  yy: number;
  xy: number;
}

/** Empty sums. */
export const emptyPair = (): PairSums => ({ n: 0, x: 0, y: 0, xx: 0, yy: 0, xy: 0 });

/** Adds one pair. */
export function addPair(s: PairSums, x: number, y: number): void {
  s.n++;
  s.x += x;
  s.y += y;
  s.xx += x * x;
  s.yy += y * y;
  s.xy += x * y;
}

/** Adds `b` into `a`. */
export function addPairSums(a: PairSums, b: PairSums): void {
  a.n += b.n;
  a.x += b.x;
  a.y += b.y;
  a.xx += b.xx;
  a.yy += b.yy;
  a.xy += b.xy;
}

/** Pearson's r; null with fewer than 3 pairs or no variance in either variable. */
export function pearson(s: PairSums): number | null {
  if (s.n < 3) return null;
  const sxx = s.xx - (s.x * s.x) / s.n;
  const syy = s.yy - (s.y * s.y) / s.n;
  const sxy = s.xy - (s.x * s.y) / s.n;
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}
