/**
 * Reads the translation files a coordinator picks beside a revised questionnaire: either one file holding every
 * language (`{"en": {...}, "tr": {...}}`) or one file per language whose name starts with the language code
 * (`en.json`, `tr.instrument.pilot-2019.v2.json`), in the format of locales/<code>/instrument.*.json.
 */

/** Language code → instrument text key → text; `unread` lists files whose language could not be told. */
export interface ReadTranslations {
  readonly translations: Record<string, Record<string, string>>;
  readonly unread: string[];
}

const CODE = /^([a-z]{2,3})(?:[._-]|$)/;
const isCode = (k: string) => /^[a-z]{2,3}$/.test(k);

/** Sorts parsed files into languages; `files` are name and parsed JSON (a file that is no JSON is unread). */
export function sortTranslations(
  files: readonly { name: string; json: unknown }[],
): ReadTranslations {
  const translations: Record<string, Record<string, string>> = {};
  const unread: string[] = [];
  for (const { name, json } of files) {
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      unread.push(name);
      continue;
    }
    const entries = Object.entries(json as Record<string, unknown>);
    const bundle =
      entries.length > 0 &&
      entries.every(([k, v]) => isCode(k) && typeof v === 'object' && v !== null);
    if (bundle) {
      for (const [code, texts] of entries)
        translations[code] = { ...(texts as Record<string, string>) };
      continue;
    }
    const code = CODE.exec(name.toLowerCase())?.[1];
    if (code) translations[code] = json as Record<string, string>;
    else unread.push(name);
  }
  return { translations, unread };
}
