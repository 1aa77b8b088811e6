/**
 * How dates, numbers and percentages are written in each language of the product: one rule per language, used by every
 * client-facing text that shows a number, so the sheet on paper, the screen and what is read aloud agree.
 *
 * The rule per language: the Gregorian calendar everywhere (the dates on the agency's letters); Persian digits for
 * Persian (۶۳٪), as Persian writing uses them; Western digits for Arabic, as the Arabic kiosk screens show them
 * (its question numbers and answers use 0–9); each language's own month names and word order.
 */

/** The agency's time zone: a date on a client text is the calendar day there (as on the server's rollup). */
export const AGENCY_TIME_ZONE = 'Europe/Amsterdam';

/** The BCP 47 locale (with calendar and numbering system pinned) each language is formatted with. */
const LOCALES: Readonly<Record<string, string>> = {
  nl: 'nl-NL-u-ca-gregory-nu-latn',
  en: 'en-GB-u-ca-gregory-nu-latn',
  ar: 'ar-u-ca-gregory-nu-latn',
  fa: 'fa-IR-u-ca-gregory-nu-arabext',
  tr: 'tr-TR-u-ca-gregory-nu-latn',
  pl: 'pl-PL-u-ca-gregory-nu-latn',
  uk: 'uk-UA-u-ca-gregory-nu-latn',
  ti: 'ti-ER-u-ca-gregory-nu-latn',
};

/** The locale string for a language code (an unknown language gets its code with Gregorian dates and 0–9). */
export function localeFor(code: string): string {
  return LOCALES[code] ?? `${code}-u-ca-gregory-nu-latn`;
}

/** A whole or decimal number in the language's digits ("62,5", "۶۲٫۵"); at most `digits` decimals. */
export function formatNumber(value: number, code: string, digits = 0): string {
  return new Intl.NumberFormat(localeFor(code), { maximumFractionDigits: digits }).format(value);
}

/** A percentage given as 0–100 ("63%", "%63" in Turkish, "۶۳٪" in Persian), rounded to whole percents. */
export function formatPercent(percent: number, code: string): string {
  return new Intl.NumberFormat(localeFor(code), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(percent / 100);
}

/** True when this JavaScript engine has the language's own month names (Chromium lacks Tigrinya, Node has it). */
export function hasOwnDates(code: string): boolean {
  const f = new Intl.DateTimeFormat(localeFor(code), { month: 'long', timeZone: 'UTC' });
  const language = f.resolvedOptions().locale.split('-')[0];
  // Missing data shows as the root locale's "M11" or as another language's (English) month name.
  return language === code && !/\d/.test(f.format(Date.UTC(2026, 10, 15)));
}

/** Month names and word order for a language the engine lacks: `{{day}}`, `{{month}}`, `{{year}}` in the pattern. */
export interface DateFallback {
  readonly months: readonly string[];
  readonly pattern: string;
}

/**
 * A date in full words in the language ("30 november 2026", "ሕዳር 30, 2026"), in the agency's time zone. Where the
 * engine lacks the language's month names, `fallback` (from the language's own texts) gives them.
 */
export function formatLongDate(
  at: number,
  code: string,
  timeZone: string,
  fallback?: DateFallback,
): string {
  if (fallback && fallback.months.length === 12 && !hasOwnDates(code)) {
    const parts = new Intl.DateTimeFormat('en-GB-u-ca-gregory-nu-latn', {
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      timeZone,
    }).formatToParts(at);
    const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return fallback.pattern
      .replace('{{day}}', formatNumber(part('day'), code))
      .replace('{{month}}', fallback.months[part('month') - 1] ?? '')
      .replace('{{year}}', String(part('year')));
  }
  return new Intl.DateTimeFormat(localeFor(code), { dateStyle: 'long', timeZone }).format(at);
}
