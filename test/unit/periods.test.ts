// A dashboard period splits into whole months or ISO weeks plus the edge days, with no day counted twice or lost.
import { describe, expect, it } from 'vitest';
import { coverPeriod } from '../../src/server/clients/periods.ts';

const NONE = ['infinity', '-infinity'];

describe('coverPeriod', () => {
  it('reads whole months inside a period and the days at both edges', () => {
    expect(coverPeriod('2025-01-15', '2025-04-10', 'month')).toEqual({
      wholeFrom: '2025-02-01',
      wholeTo: '2025-04-01',
      days: [
        ['2025-01-15', '2025-01-31'],
        ['2025-04-01', '2025-04-10'],
      ],
    });
  });

  it('needs no days when the period is whole months, and none at an open end', () => {
    expect(coverPeriod('2024-02-01', '2024-02-29', 'month')).toEqual({
      wholeFrom: '2024-02-01',
      wholeTo: '2024-03-01',
      days: [NONE, NONE],
    });
    expect(coverPeriod(null, null, 'month')).toEqual({
      wholeFrom: '-infinity',
      wholeTo: 'infinity',
      days: [NONE, NONE],
    });
    expect(coverPeriod(null, '2025-12-30', 'month').days).toEqual([
      NONE,
      ['2025-12-01', '2025-12-30'],
    ]);
  });

  it('reads only days when no whole unit fits', () => {
    expect(coverPeriod('2025-03-04', '2025-03-08', 'week')).toEqual({
      wholeFrom: 'infinity',
      wholeTo: 'infinity',
      days: [['2025-03-04', '2025-03-08'], NONE],
    });
    expect(coverPeriod('2025-01-31', '2025-02-01', 'month').days[0]).toEqual([
      '2025-01-31',
      '2025-02-01',
    ]);
  });

  it('starts ISO weeks on Monday', () => {
    // 2025-03-05 is a Wednesday; 2025-03-10 and 2025-03-24 are Mondays.
    expect(coverPeriod('2025-03-05', '2025-03-25', 'week')).toEqual({
      wholeFrom: '2025-03-10',
      wholeTo: '2025-03-24',
      days: [
        ['2025-03-05', '2025-03-09'],
        ['2025-03-24', '2025-03-25'],
      ],
    });
  });
});
