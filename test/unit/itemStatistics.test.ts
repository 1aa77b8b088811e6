// Reliability and distributions against values computed independently with R (psych::alpha and base R's qf/pf/
// pchisq/p.adjust): see test/unit/fixtures/alphaReference.R for how to reproduce them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pearson, addPair, emptyPair } from '../../src/shared/core/stats/correlation.ts';
import { chiSquare1Sf, fCdf, fQuantile } from '../../src/shared/core/stats/distributions.ts';
import { addCase, emptyMoments } from '../../src/shared/core/stats/moments.ts';
import { benjaminiHochberg } from '../../src/shared/core/stats/multipleTesting.ts';
import { reliability } from '../../src/shared/core/stats/reliability.ts';

/** 40 respondents × 5 items (1–5), fixed in the repository. */
function referenceData(): number[][] {
  const text = readFileSync(new URL('./fixtures/alphaReference.csv', import.meta.url), 'utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
}

describe("Cronbach's α and corrected item–total correlations", () => {
  // Rscript test/unit/fixtures/alphaReference.R (R 4.2.2, psych 2.2.9):
  //   raw_alpha 0.7185925126; feldt 0.5524566097 0.8360143184;
  //   r.drop 0.3319335588 0.3060646919 0.3845389244 0.7253122962 0.6828130458; n 40
  it('match R psych::alpha on the fixed data set', () => {
    const m = emptyMoments(5);
    for (const row of referenceData()) addCase(m, row);
    const r = reliability(m);
    expect(r.n).toBe(40);
    expect(r.alpha).toBeCloseTo(0.7185925126, 8);
    expect(r.low).toBeCloseTo(0.5524566097, 6);
    expect(r.high).toBeCloseTo(0.8360143184, 6);
    const expected = [0.3319335588, 0.3060646919, 0.3845389244, 0.7253122962, 0.6828130458];
    r.itemTotal.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 8));
  });

  it('are undefined without variance or with one case', () => {
    const m = emptyMoments(3);
    addCase(m, [3, 3, 3]);
    expect(reliability(m).alpha).toBeNull();
    addCase(m, [3, 3, 3]);
    expect(reliability(m)).toMatchObject({ alpha: null, low: null, high: null });
  });
});

describe('distributions (R 4.2.2: qf, pf, pchisq)', () => {
  it('F quantiles and CDF', () => {
    expect(fQuantile(0.975, 10, 20)).toBeCloseTo(2.7736713752, 7);
    expect(fQuantile(0.025, 10, 20)).toBeCloseTo(0.292522238, 7);
    expect(fQuantile(0.95, 39, 156)).toBeCloseTo(1.4769864869, 7);
    expect(fQuantile(0.5, 1, 1)).toBeCloseTo(1, 7);
    expect(fCdf(2.5, 3, 50)).toBeCloseTo(0.9298841764, 8);
  });
  it('χ² with 1 df upper tail', () => {
    expect(chiSquare1Sf(3.841459)).toBeCloseTo(0.0499999947, 6);
    expect(chiSquare1Sf(20) / 7.7442e-6).toBeCloseTo(1, 3);
    expect(chiSquare1Sf(0)).toBe(1);
  });
});

describe('Benjamini–Hochberg', () => {
  it("matches R's p.adjust(method = 'BH')", () => {
    const got = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, 0.5]);
    [0.05, 0.0666666667, 0.0666666667, 0.25, 0.5].forEach((v, i) =>
      expect(got[i]).toBeCloseTo(v, 8),
    );
  });
});

describe('Pearson correlation from sums', () => {
  it('is 1 for a line and null without variance', () => {
    const s = emptyPair();
    [1, 2, 3, 4].forEach((x) => addPair(s, x, 2 * x + 1));
    expect(pearson(s)).toBeCloseTo(1, 12);
    const flat = emptyPair();
    [1, 2, 3].forEach((x) => addPair(flat, x, 5));
    expect(pearson(flat)).toBeNull();
  });
});
