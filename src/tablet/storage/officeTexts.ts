/**
 * The texts the office imported, as stored on the tablet (settings row `languageTexts`). Its own small file without
 * Dexie, so the boot read (bootRead.ts) can restore them before the first screen without loading Dexie.
 */

/** The settings row that holds them (the newest the office sent). */
export const OFFICE_TEXTS_KEY = 'languageTexts';

/**
 * The settings row with the texts the kiosk took last, between clients: a reload during a session restores these,
 * not newer ones that arrived while the client was answering.
 */
export const OFFICE_TEXTS_IN_USE_KEY = 'languageTextsInUse';

/** The texts a boot applies: with a client busy, those the session started with; between clients, the newest. */
export function bootTexts(
  received: unknown,
  inUse: unknown,
  sessionOpen: boolean,
): OfficeLanguageTexts[] {
  return restoreOfficeTexts(sessionOpen && inUse !== undefined ? inUse : received);
}

/** One language version from the office, keyed `namespace:key`. */
export interface OfficeLanguageTexts {
  readonly code: string;
  readonly version: number;
  readonly texts: Readonly<Record<string, string>>;
}

/** A stored value made safe to use: the well-formed language versions in it, or none. */
export function restoreOfficeTexts(v: unknown): OfficeLanguageTexts[] {
  return Array.isArray(v)
    ? (v as unknown[]).filter(
        (x): x is OfficeLanguageTexts =>
          typeof x === 'object' &&
          x !== null &&
          typeof (x as OfficeLanguageTexts).code === 'string' &&
          typeof (x as OfficeLanguageTexts).version === 'number' &&
          typeof (x as OfficeLanguageTexts).texts === 'object' &&
          (x as OfficeLanguageTexts).texts !== null,
      )
    : [];
}
