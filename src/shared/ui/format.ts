import { languageMeta } from '../i18n/languages.ts';

/** Number and time formats for staff screens, Dutch style ("93,75%", "4,4 uit 5"), in one place. */

/** Percentages and other scores: at most two decimals, decimal comma. */
export const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 });

/** Storage sizes in megabytes. */
export const megabytes = new Intl.NumberFormat('nl-NL', {
  style: 'unit',
  unit: 'megabyte',
  maximumFractionDigits: 1,
});

/** Date and time of a session, short. */
export const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'short',
  timeStyle: 'short',
});

/** "a, b en c": joins names the Dutch way. */
export const andList = new Intl.ListFormat('nl-NL', { style: 'long', type: 'conjunction' });

/** A language's name in the screen's language `ui` ("Arabisch" / "Arabic"), or its own name where the browser has none. */
export function languageName(code: string, ui: string): string {
  try {
    return new Intl.DisplayNames([ui], { type: 'language' }).of(code) ?? code;
  } catch {
    return languageMeta(code).name;
  }
}
