// Retention: the cutoff before which measurements are erased, and which bodies the server accepts.
import { describe, expect, it } from 'vitest';
import { isExpired, parseRetention, retentionCutoff } from '../../src/shared/core/retention.ts';

const now = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;

describe('retentionCutoff', () => {
  it('is whole days before now', () => {
    expect(retentionCutoff(now, 30)).toBe(Date.parse('2026-01-31T09:00:00Z'));
    expect(retentionCutoff(now, 1)).toBe(now - DAY);
  });

  it('is null when the agency keeps measurements', () => {
    expect(retentionCutoff(now, null)).toBeNull();
  });
});

describe('isExpired', () => {
  it('erases strictly before the cutoff, not at it', () => {
    expect(isExpired(now - 30 * DAY - 1, now, 30)).toBe(true);
    expect(isExpired(now - 30 * DAY, now, 30)).toBe(false);
    expect(isExpired(now - 29 * DAY, now, 30)).toBe(false);
  });

  it('never expires without a retention period', () => {
    expect(isExpired(0, now, null)).toBe(false);
  });
});

describe('parseRetention', () => {
  it('accepts null and whole days within bounds', () => {
    expect(parseRetention({ days: null })).toEqual({ ok: true, days: null });
    expect(parseRetention({ days: 365 })).toEqual({ ok: true, days: 365 });
    expect(parseRetention({ days: 1 })).toEqual({ ok: true, days: 1 });
    expect(parseRetention({ days: 3650 })).toEqual({ ok: true, days: 3650 });
  });

  it.each([
    [{ days: 0 }],
    [{ days: -5 }],
    [{ days: 1.5 }],
    [{ days: '30' }],
    [{}],
    [null],
    [[30]],
    [{ days: 3651 }],
  ])('refuses %j', (body) => {
    expect(parseRetention(body).ok).toBe(false);
  });
});
