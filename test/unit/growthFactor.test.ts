// The growth bench's factor per 10× more data, whatever the step between two sizes.
import { describe, expect, it } from 'vitest';
import { growthPer10x } from '../../bench/growthFactor.ts';

describe('growth per 10×', () => {
  it('is the plain ratio for a 10× step', () => {
    expect(growthPer10x([10, 25], [10_000, 100_000])[0]).toBeCloseTo(2.5);
  });

  it('is the per-decade root for a 100× step (10k → 1M, 5× slower is 2.24× per 10×)', () => {
    expect(growthPer10x([8, 40], [10_000, 1_000_000])[0]).toBeCloseTo(Math.sqrt(5));
  });

  it('counts times under the noise floor as the floor', () => {
    expect(growthPer10x([0.3, 1.9, 6], [1e4, 1e5, 1e6])).toEqual([1, 3]);
  });
});
