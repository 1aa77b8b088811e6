// How the growth bench turns times at several data sizes into growth per 10× (bench/growth.ts; unit-tested).

/** Below this a time is noise (timer, GC, scheduling); growth is computed from at least this much. */
export const NOISE_FLOOR_MS = 2;

/**
 * Growth factor per 10× more data between each size and the next (times under NOISE_FLOOR_MS count as that much):
 * a step of 100× (10k → 1M) that takes 5× longer grows 2.24× per 10×, not 5×.
 */
export function growthPer10x(times: readonly number[], sizes: readonly number[]): number[] {
  return times.slice(1).map((t, i) => {
    const ratio = Math.max(t, NOISE_FLOOR_MS) / Math.max(times[i] ?? 0, NOISE_FLOOR_MS);
    const decades = Math.log10((sizes[i + 1] ?? 0) / (sizes[i] ?? 1));
    return ratio ** (1 / decades);
  });
}
