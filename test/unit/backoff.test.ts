// The sync backoff policy: how many requests a tablet can send while the server is down, and Retry-After.
import { describe, expect, it } from 'vitest';
import {
  backoffCeiling,
  backoffDelay,
  DEFAULT_BACKOFF,
  MAX_RETRY_AFTER_MS,
  maxRequestsDuringOutage,
  parseRetryAfter,
  retryDelay,
} from '../../src/shared/core/backoff.ts';

describe('backoff', () => {
  it('allows at most 10 requests from one tablet in a 20-second outage, even with the worst random draws', () => {
    expect(maxRequestsDuringOutage(20_000)).toBeLessThanOrEqual(10);
    expect(maxRequestsDuringOutage(20_000)).toBe(5); // at 0, ≥1 s, ≥3 s, ≥7 s, ≥15 s
    // Over an hour the cap (5 min, at least 2.5 min) keeps it small too.
    expect(maxRequestsDuringOutage(60 * 60_000)).toBeLessThanOrEqual(40);
  });

  it('waits between half and all of a doubling step, capped at 5 minutes', () => {
    for (const attempt of [0, 1, 2, 5, 10, 40]) {
      const ceiling = backoffCeiling(attempt);
      expect(backoffDelay(attempt, 0)).toBe(ceiling / 2);
      expect(backoffDelay(attempt, 0.999_999)).toBeLessThanOrEqual(ceiling);
      expect(backoffDelay(attempt, 0.999_999)).toBeGreaterThan(ceiling * 0.99);
    }
    expect(backoffCeiling(0)).toBe(DEFAULT_BACKOFF.baseMs);
    expect(backoffCeiling(100)).toBe(DEFAULT_BACKOFF.capMs);
  });

  it('takes the longer of the backoff and the server’s Retry-After', () => {
    expect(retryDelay(1, 0)).toBe(1_000);
    expect(retryDelay(1, 0, 120_000)).toBe(120_000);
    expect(retryDelay(6, 0, 1_000)).toBe(backoffDelay(5, 0));
  });

  it('reads Retry-After as seconds or an HTTP date, capped at an hour, and ignores nonsense', () => {
    const now = Date.parse('2026-11-30T04:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 30 Nov 2026 04:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 03:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('999999', now)).toBe(MAX_RETRY_AFTER_MS);
    for (const bad of [null, undefined, '', 'soon', '-5', '1.5'])
      expect(parseRetryAfter(bad, now)).toBeNull();
  });
});
