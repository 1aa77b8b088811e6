/** Benjamini–Hochberg adjusted p-values: the false discovery rate over a family of tests stays at the level chosen. */

/**
 * Adjusted p-values in the input order: p₍ᵢ₎ · m / i, made monotone from the largest down and capped at 1
 * (Benjamini & Hochberg 1995, J. R. Stat. Soc. B 57(1), 289–300; as R's p.adjust(method = "BH")).
 */
export function benjaminiHochberg(p: readonly number[]): number[] {
  const m = p.length;
  const order = p.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(m);
  let min = 1;
  for (let r = m - 1; r >= 0; r--) {
    const [v, i] = order[r] as readonly [number, number];
    min = Math.min(min, (v * m) / (r + 1));
    out[i] = min;
  }
  return out;
}
