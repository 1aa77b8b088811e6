// The workspace's date filter reads and shows days as dd-mm-jjjj and sends yyyy-mm-dd (src/office/coordinator/dayText.ts).
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../../src/office/coordinator/dayText.ts';

describe('day text', () => {
  it('shows yyyy-mm-dd as dd-mm-yyyy', () => {
    expect(formatDay('2026-01-31')).toBe('31-01-2026');
    expect(formatDay('')).toBe('');
  });
  it('reads what Dutch staff type, with any usual separator, and pasted ISO days', () => {
    expect(parseDay('31-01-2026')).toBe('2026-01-31');
    expect(parseDay('1-2-2026')).toBe('2026-02-01');
    expect(parseDay(' 01/02/2026 ')).toBe('2026-02-01');
    expect(parseDay('01.02.2026')).toBe('2026-02-01');
    expect(parseDay('2026-02-01')).toBe('2026-02-01');
  });
  it('refuses what is no day or lies outside the years the server takes', () => {
    for (const bad of [
      '31-02-2026',
      '00-01-2026',
      '2026',
      '01-13-2026',
      '1-1-26',
      '01-01-1899',
      'abc',
      '',
    ])
      expect(parseDay(bad), bad).toBeNull();
  });
});
