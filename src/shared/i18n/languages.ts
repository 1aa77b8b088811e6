/**
 * The languages the kiosk offers. Each is a folder under `locales/` with a meta.json (own name, direction,
 * review status); its texts load on demand, so a language costs nothing until a client picks it.
 */
import i18next from 'i18next';
import type { Instrument } from '../core/instrument.ts';
import { instrumentNamespace } from '../core/instrumentTexts.ts';
import { loadScriptFont } from './fonts.ts';
import { SOURCE_LANGUAGE, addInstrument } from './index.ts';

/** A language's own description, from locales/<code>/meta.json. */
export interface LanguageMeta {
  readonly code: string;
  readonly name: string;
  readonly dutchName: string;
  /** "Choose your language" in the language itself, said by the welcome screen's spoken prompt. */
  readonly prompt: string;
  readonly dir: 'ltr' | 'rtl';
  readonly script: string;
  readonly review: { readonly status: string; readonly note: string };
}

const metas = import.meta.glob<LanguageMeta>('../../../locales/*/meta.json', {
  eager: true,
  import: 'default',
});
const kioskTexts = import.meta.glob<object>(
  ['../../../locales/*/kiosk.json', '!../../../locales/nl/kiosk.json'],
  {
    import: 'default',
  },
);
const instrumentFiles = import.meta.glob<object>('../../../locales/*/instrument.*.json', {
  import: 'default',
});

/**
 * Every language that has texts, Dutch first. Codes are ASCII, so `<` orders them as `localeCompare` would, without
 * building an ICU collator at start (30–50 ms on a throttled tablet).
 */
export const LANGUAGES: readonly LanguageMeta[] = Object.values(metas).sort((a, b) =>
  a.code === SOURCE_LANGUAGE ? -1 : b.code === SOURCE_LANGUAGE ? 1 : a.code < b.code ? -1 : 1,
);

/** The description of one language (Dutch when unknown). */
export function languageMeta(code: string): LanguageMeta {
  return (
    LANGUAGES.find((l) => l.code === code) ?? LANGUAGES.find((l) => l.code === SOURCE_LANGUAGE)!
  );
}

/** Languages whose kiosk texts are in i18next, and `code|namespace` of instrument versions loaded per language. */
const loaded = new Set<string>([SOURCE_LANGUAGE]);
const loadedInstruments = new Set<string>();

/** Translations of instrument versions the office loaded (not in the build), per namespace: code → key → text. */
const versionTexts = new Map<string, Readonly<Record<string, Readonly<Record<string, string>>>>>();

/**
 * Makes an instrument version usable: its Dutch texts from the instrument itself, and the translations that came
 * with it from the office (a version the build does not ship). Versions never change, so registering is idempotent.
 */
export function registerInstrumentTexts(
  instrument: Instrument,
  translations: Readonly<Record<string, Readonly<Record<string, string>>>>,
): void {
  const ns = instrumentNamespace(instrument);
  if (!i18next.hasResourceBundle(SOURCE_LANGUAGE, ns)) addInstrument(instrument);
  if (Object.keys(translations).length > 0) versionTexts.set(ns, translations);
}

/** Texts the office imported, per language (`namespace:key` → text); they win over the built-in ones. */
let officeTexts = new Map<string, OfficeTexts>();

/** One language version from the office. */
export interface OfficeTexts {
  readonly code: string;
  readonly version: number;
  readonly texts: Readonly<Record<string, string>>;
}

/**
 * Takes the office's texts from now on. Called only between clients (the welcome screen, at start), so a client
 * keeps the texts they started with; a changed language loads again on its next use, the one on screen at once.
 */
export async function takeOfficeTexts(
  list: readonly OfficeTexts[],
  instrument: Instrument,
): Promise<void> {
  const next = new Map(list.map((l) => [l.code, l]));
  const changed = new Set(
    [...officeTexts.keys(), ...next.keys()].filter(
      (c) => officeTexts.get(c)?.version !== next.get(c)?.version,
    ),
  );
  officeTexts = next;
  if (changed.size === 0) return;
  for (const code of changed) if (code !== SOURCE_LANGUAGE) forget(code);
  const now = currentLanguage();
  if (changed.has(now) && i18next.isInitialized) {
    await ensureLoaded(now, instrument);
    await i18next.changeLanguage(now); // screens re-render with the new texts
  }
}

/** Puts the office's texts of `code` over the built-in ones (i18next's key separator nests `welcome.title`). */
function applyOfficeTexts(code: string): void {
  const texts = officeTexts.get(code)?.texts;
  if (!texts) return;
  for (const [full, text] of Object.entries(texts)) {
    const at = full.indexOf(':');
    if (at > 0)
      i18next.addResource(code, full.slice(0, at), full.slice(at + 1), text, { silent: true });
  }
}

/** Drops what was loaded of a language, so its next use loads it again with the office's newer texts. */
function forget(code: string): void {
  loaded.delete(code);
  for (const k of [...loadedInstruments]) if (k.startsWith(`${code}|`)) loadedInstruments.delete(k);
}

/** Loads a language's kiosk texts and the texts of this instrument version once (each version has its own). */
async function ensureLoaded(code: string, instrument: Instrument): Promise<void> {
  const ns = instrumentNamespace(instrument);
  const both = `${code}|${ns}`;
  if (loaded.has(code) && (code === SOURCE_LANGUAGE || loadedInstruments.has(both))) return;
  const kiosk = loaded.has(code) ? undefined : kioskTexts[`../../../locales/${code}/kiosk.json`];
  const inst =
    instrumentFiles[
      `../../../locales/${code}/instrument.${instrument.id}.v${instrument.version}.json`
    ];
  const [k, i] = await Promise.all([kiosk?.(), inst?.()]);
  if (k) i18next.addResourceBundle(code, 'kiosk', k, true, true);
  const fromOffice = versionTexts.get(ns)?.[code];
  if (i ?? fromOffice) i18next.addResourceBundle(code, ns, i ?? fromOffice, true, true);
  applyOfficeTexts(code);
  loaded.add(code);
  loadedInstruments.add(both);
}

/** Switches every text to `code` and sets `<html lang dir>` from the language's data. */
export async function switchLanguage(code: string, instrument: Instrument): Promise<void> {
  const meta = languageMeta(code);
  await ensureLoaded(meta.code, instrument);
  void loadScriptFont(meta.script).catch(() => undefined); // text shows at once; the font swaps in
  await i18next.changeLanguage(meta.code);
  document.documentElement.lang = meta.code;
  document.documentElement.dir = meta.dir;
}

/** The language on screen now. */
export const currentLanguage = (): string => i18next.language || SOURCE_LANGUAGE;

/** Fetches the fonts of the languages enabled on this tablet (their names show on the welcome screen), so the
 * service worker has them cached before the tablet goes offline. */
export function loadFontsFor(codes: readonly string[]): void {
  for (const script of new Set(codes.map((c) => languageMeta(c).script)))
    void loadScriptFont(script).catch(() => undefined);
}

/** The codes of `wanted` that this build has texts for, in the order given. */
export function availableLanguages(wanted: readonly string[]): string[] {
  return wanted.filter((code) => LANGUAGES.some((l) => l.code === code));
}
