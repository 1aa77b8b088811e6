import { languageMeta } from '../i18n/languages.ts';
import { staffLanguage } from '../i18n/staffLanguage.ts';
import { localeFor } from '../core/languageFormat.ts';

/**
 * Number and time formats for staff screens, in the staff's language: Dutch "93,75%" and "30-11-2026 12:40", English
 * "93.75%" and "30/11/2026, 12:40". Each formatter reads the staff language when it is called, so a switch of language
 * shows on the next render (the English workspace wrote numbers the Dutch way).
 */

/** A formatter made once per staff language and chosen at each call: for formats a screen needs beyond these. */
export function perStaffLanguage<V, F extends { format(value: V): string }>(
  make: (locale: string) => F,
): { format(value: V): string; now(): F } {
  const made = new Map<string, F>();
  const now = (): F => {
    const language = staffLanguage();
    let formatter = made.get(language);
    if (!formatter) {
      formatter = make(localeFor(language));
      made.set(language, formatter);
    }
    return formatter;
  };
  return { format: (value: V): string => now().format(value), now };
}

/** Percentages and other scores: at most two decimals ("93,75" / "93.75"). */
export const decimal = perStaffLanguage<number, Intl.NumberFormat>(
  (locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
);

/** Correlations and α: always two decimals ("0,82" / "0.82"). */
export const twoDecimals = perStaffLanguage<number, Intl.NumberFormat>(
  (locale) => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
);

/** A change in score with its sign ("+4,5" / "−3"). */
export const signedDecimal = perStaffLanguage<number, Intl.NumberFormat>(
  (locale) =>
    new Intl.NumberFormat(locale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' }),
);

/** Storage sizes in megabytes. */
export const megabytes = perStaffLanguage<number, Intl.NumberFormat>(
  (locale) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }),
);

/** Date and time of a session, short. */
export const dateTime = perStaffLanguage<Date | number, Intl.DateTimeFormat>(
  (locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }),
);

/** "a, b en c" / "a, b and c": joins names in the staff language. */
export const andList = perStaffLanguage<readonly string[], Intl.ListFormat>(
  (locale) => new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }),
);

/** A language's name in the screen's language `ui` ("Arabisch" / "Arabic"), or its own name where the browser has none. */
export function languageName(code: string, ui: string): string {
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(code) ?? code;
  } catch {
    return languageMeta(code).name;
  }
}
