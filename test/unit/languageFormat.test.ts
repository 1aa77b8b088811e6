// One rule per language for dates, numbers and percentages on client-facing texts.
import { describe, expect, it } from 'vitest';
import {
  formatLongDate,
  formatNumber,
  formatPercent,
  localeFor,
} from '../../src/shared/core/languageFormat.ts';

const NOV30 = Date.UTC(2026, 10, 30, 12);
const TZ = 'Europe/Amsterdam';
const TI_MONTHS = {
  months: [
    'ጥሪ',
    'ለካቲት',
    'መጋቢት',
    'ሚያዝያ',
    'ጉንበት',
    'ሰነ',
    'ሓምለ',
    'ነሓሰ',
    'መስከረም',
    'ጥቅምቲ',
    'ሕዳር',
    'ታሕሳስ',
  ],
  pattern: '{{day}} {{month}} {{year}}',
};

describe('numbers and percentages per language', () => {
  it('writes Persian digits for Persian and Western digits for Arabic', () => {
    expect(formatPercent(62.5, 'fa')).toMatch(/^[۰-۹]+٪$/);
    expect(formatNumber(62.5, 'fa', 1)).toBe('۶۲٫۵');
    expect(formatPercent(62.5, 'ar')).toMatch(/63/);
    expect(formatNumber(4, 'ar')).toBe('4');
  });

  it('follows each language’s sign and decimal mark', () => {
    expect(formatPercent(62.5, 'nl')).toBe('63%');
    expect(formatPercent(50, 'tr')).toBe('%50');
    expect(formatNumber(4.25, 'nl', 2)).toBe('4,25');
    expect(formatNumber(4.25, 'en', 2)).toBe('4.25');
    expect(formatNumber(4.25, 'uk', 2)).toBe('4,25');
  });

  it('pins the Gregorian calendar and the digits in the locale', () => {
    expect(localeFor('fa')).toBe('fa-IR-u-ca-gregory-nu-arabext');
    expect(localeFor('xx')).toBe('xx-u-ca-gregory-nu-latn');
  });
});

describe('long dates per language', () => {
  it('uses the language’s own month names and the Gregorian calendar', () => {
    expect(formatLongDate(NOV30, 'nl', TZ)).toBe('30 november 2026');
    expect(formatLongDate(NOV30, 'pl', TZ)).toBe('30 listopada 2026');
    // Persian in the Gregorian calendar (not 9 Azar 1405), with Persian digits.
    expect(formatLongDate(NOV30, 'fa', TZ)).toBe('۳۰ نوامبر ۲۰۲۶');
    expect(formatLongDate(NOV30, 'ar', TZ)).toBe('30 نوفمبر 2026');
  });

  it('never writes Tigrinya as an English date, with or without the engine’s data', () => {
    const ti = formatLongDate(NOV30, 'ti', TZ, TI_MONTHS);
    expect(ti).toMatch(/ሕዳር/);
    expect(ti).toMatch(/30/);
    expect(ti).toMatch(/2026/);
    expect(ti).not.toMatch(/November/);
  });

  it('fills in the language’s own month names where the engine has none (Chromium lacks Tigrinya)', () => {
    expect(formatLongDate(NOV30, 'xx', TZ, TI_MONTHS)).toBe('30 ሕዳር 2026');
  });

  it('takes the day in the agency’s time zone', () => {
    const lateUtc = Date.UTC(2026, 10, 29, 23, 30); // already 30 November in Amsterdam
    expect(formatLongDate(lateUtc, 'nl', TZ)).toBe('30 november 2026');
  });
});
