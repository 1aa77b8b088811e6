/**
 * How long staff wait after wrong PINs: five free tries, then a wait that grows with every further five (30 s, 1 min,
 * 5 min, then 15 min each time), so a guesser gets at most a few dozen tries an hour. Pure, so a test can compute
 * the most guesses an hour allows.
 */

/** Wrong tries in a row before each wait. */
export const TRIES_PER_WAIT = 5;

/** The waits, in order; the last repeats. */
export const WAITS_MS: readonly number[] = [30_000, 60_000, 5 * 60_000, 15 * 60_000];

/** The wait (ms) that starts after wrong try number `failures` in a row (1 = the first); 0 when none. */
export function waitAfterFailures(failures: number): number {
  if (failures < TRIES_PER_WAIT || failures % TRIES_PER_WAIT !== 0) return 0;
  const step = failures / TRIES_PER_WAIT - 1;
  return WAITS_MS[Math.min(step, WAITS_MS.length - 1)] ?? 0;
}

/** How many tries are left before the next wait, after `failures` wrong ones in a row. */
export const triesBeforeWait = (failures: number): number =>
  TRIES_PER_WAIT - (failures % TRIES_PER_WAIT);

/**
 * The most PINs anyone can try within `windowMs`, trying the instant each wait ends (checking costs no time here).
 * Starting fresh is the worst case: the waits only grow, and only the right PIN resets them.
 */
export function maxGuessesWithin(windowMs: number): number {
  let at = 0;
  let guesses = 0;
  while (at < windowMs) {
    guesses += 1;
    at += waitAfterFailures(guesses);
  }
  return guesses;
}
