/**
 * Checks a revised questionnaire a coordinator loads (Beheer → Vragenlijst) before anything is stored: the instrument
 * JSON (the same format as src/shared/instruments/*.json) and its translations, one text map per client language in
 * the format of locales/<code>/instrument.<id>.v<n>.json. Collects every problem instead of stopping at the first, so
 * the coordinator can fix the file in one go. Pure: the server and tests call it.
 */
import { parseInstrument, type Instrument } from '../instrument.ts';
import { instrumentTexts } from '../instrumentTexts.ts';

/** One problem; `code` is translated in the workspace (`questionnaire.problems.<code>`), `where` names the spot. */
export interface VersionProblem {
  readonly code:
    | 'schema'
    | 'duplicate_item'
    | 'unknown_scale'
    | 'other_instrument'
    | 'version_not_newer'
    | 'missing_language'
    | 'missing_text'
    | 'empty_text'
    | 'unknown_text'
    | 'placeholder';
  readonly where: string;
  readonly detail?: string;
}

/** What the upload is checked against: the version it revises, every known version number, the enabled languages. */
export interface VersionCheckContext {
  readonly current: Instrument;
  readonly knownVersions: readonly number[];
  /** Client languages switched on (besides Dutch, the source): each needs every text. */
  readonly languages: readonly string[];
}

/** A checked upload, ready to store. */
export interface CheckedVersion {
  readonly instrument: Instrument;
  readonly translations: Record<string, Record<string, string>>;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Duplicate item ids and items naming an unknown scale, all of them (parseInstrument stops at the first). */
function structureProblems(raw: unknown): VersionProblem[] {
  if (!isObject(raw) || !Array.isArray(raw.parts) || !Array.isArray(raw.scales)) return [];
  const scaleIds = new Set(
    raw.scales.filter(isObject).flatMap((s) => (typeof s.id === 'string' ? [s.id] : [])),
  );
  const seen = new Set<string>();
  const out: VersionProblem[] = [];
  for (const part of raw.parts.filter(isObject))
    for (const item of Array.isArray(part.items) ? part.items.filter(isObject) : []) {
      const id = typeof item.id === 'string' ? item.id : '';
      if (id && seen.has(id)) out.push({ code: 'duplicate_item', where: id });
      seen.add(id);
      if (typeof item.scale === 'string' && !scaleIds.has(item.scale))
        out.push({ code: 'unknown_scale', where: id, detail: item.scale });
    }
  return out;
}

/** Texts clients see (title, part intros, items, answers): every enabled language needs them; staff texts may follow. */
const clientFacing = (key: string): boolean =>
  key === 'title' ||
  key.startsWith('parts.') ||
  key.startsWith('items.') ||
  key.startsWith('answers.');

const placeholdersIn = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();

/** Every text the enabled languages lack, leave empty, add or with other placeholders than the Dutch source. */
function translationProblems(
  instrument: Instrument,
  translations: Readonly<Record<string, unknown>>,
  languages: readonly string[],
): VersionProblem[] {
  const source = instrumentTexts(instrument);
  const out: VersionProblem[] = [];
  for (const code of languages) {
    const given = translations[code];
    if (!isObject(given)) {
      out.push({ code: 'missing_language', where: code });
      continue;
    }
    for (const [key, dutch] of Object.entries(source)) {
      const text = given[key];
      if (text === undefined && !clientFacing(key)) continue;
      if (text === undefined) out.push({ code: 'missing_text', where: `${code}: ${key}` });
      else if (typeof text !== 'string' || text.trim() === '')
        out.push({ code: 'empty_text', where: `${code}: ${key}` });
      else if (placeholdersIn(text).join() !== placeholdersIn(dutch).join())
        out.push({
          code: 'placeholder',
          where: `${code}: ${key}`,
          detail: placeholdersIn(dutch)
            .map((p) => `{{${p}}}`)
            .join(' '),
        });
    }
    for (const key of Object.keys(given))
      if (!(key in source)) out.push({ code: 'unknown_text', where: `${code}: ${key}` });
  }
  return out;
}

/** The checked version, or every problem found; nothing is stored unless the list is empty. */
export function checkVersionUpload(
  raw: unknown,
  translations: Readonly<Record<string, unknown>>,
  ctx: VersionCheckContext,
): { ok: true; value: CheckedVersion } | { ok: false; problems: VersionProblem[] } {
  const structure = structureProblems(raw);
  if (structure.length > 0) return { ok: false, problems: structure };
  let instrument: Instrument;
  try {
    instrument = parseInstrument(raw);
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/^Invalid instrument: /, '') : String(e);
    return { ok: false, problems: [{ code: 'schema', where: 'instrument', detail: message }] };
  }
  const problems: VersionProblem[] = [];
  if (instrument.id !== ctx.current.id)
    problems.push({ code: 'other_instrument', where: instrument.id, detail: ctx.current.id });
  const highest = Math.max(...ctx.knownVersions);
  if (instrument.version <= highest)
    problems.push({
      code: 'version_not_newer',
      where: String(instrument.version),
      detail: String(highest + 1),
    });
  const languages = ctx.languages.filter((c) => c !== 'nl');
  problems.push(...translationProblems(instrument, translations, languages));
  if (problems.length > 0) return { ok: false, problems };
  const kept: Record<string, Record<string, string>> = {};
  for (const code of languages) kept[code] = { ...(translations[code] as Record<string, string>) };
  // Languages not switched on may come along; they are kept when complete enough to check, else dropped.
  for (const [code, texts] of Object.entries(translations))
    if (
      !(code in kept) &&
      code !== 'nl' &&
      translationProblems(instrument, translations, [code]).length === 0
    )
      kept[code] = { ...(texts as Record<string, string>) };
  return { ok: true, value: { instrument, translations: kept } };
}
