// The staff PIN's wait policy: how many guesses an hour it allows, computed from the policy itself.
import { describe, expect, it } from 'vitest';
import {
  maxGuessesWithin,
  triesBeforeWait,
  waitAfterFailures,
  WAITS_MS,
} from '../../src/tablet/staff/pinPolicy.ts';

const HOUR = 60 * 60_000;

describe('PIN wait policy', () => {
  it('allows at most 100 guesses an hour (was 600 with a flat 30 s after every 5)', () => {
    const perHour = maxGuessesWithin(HOUR);
    console.info(`most PIN guesses possible in an hour: ${perHour}`);
    expect(perHour).toBeLessThanOrEqual(100);
    expect(perHour).toBe(35);
    // And it keeps slowing down: in a day at most 4 × 5 an hour once the 15-minute wait is reached.
    expect(maxGuessesWithin(24 * HOUR)).toBeLessThanOrEqual(35 + 23 * 20);
  });

  it('waits 30 s, 1 min, 5 min, then 15 min after every fifth wrong try in a row', () => {
    const waits = Array.from({ length: 30 }, (_, i) => waitAfterFailures(i + 1));
    expect(waits.filter((w) => w > 0)).toEqual([
      30_000, 60_000, 300_000, 900_000, 900_000, 900_000,
    ]);
    expect(waits.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(WAITS_MS).toEqual([30_000, 60_000, 300_000, 900_000]);
    expect([0, 1, 4, 5, 6].map(triesBeforeWait)).toEqual([5, 4, 1, 5, 4]);
  });
});
