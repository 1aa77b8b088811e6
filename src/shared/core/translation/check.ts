/**
 * Checks a translated text set against the catalog before it may become a new version of a language: every key
 * present and none unknown, placeholders identical, every plural form, and lengths within reason of the Dutch.
 */
import {
  keysFor,
  placeholderNames,
  formOf,
  sourceFor,
  type CatalogString,
  type TextMap,
} from './catalog.ts';

/** Longest a translation may be: three times the Dutch plus a sentence's worth. */
export const maxLength = (source: string): number =>
  Math.max(source.length * 3, source.length + 60);
/** Shortest a translation of a longer Dutch text may be (a sentence cannot shrink to a word). */
export const minLength = (source: string): number =>
  source.length >= 24 ? Math.floor(source.length / 5) : 1;

const sorted = (names: readonly string[]): string => [...names].sort().join(',');

/** Problems with one translated key (empty when fine); `plural` is its plural category, if it is a plural form. */
export function checkText(
  key: string,
  source: string,
  target: string,
  plural: string | null = null,
): string[] {
  const problems: string[] = [];
  if (target.trim() === '') return [`${key}: no translation`];
  const want = placeholderNames(source);
  const got = placeholderNames(target);
  // A plural form for exactly one (or zero, two) may say the number in words instead of {{count}}.
  const cat = plural;
  const mayDropCount = cat === 'zero' || cat === 'one' || cat === 'two';
  const wanted = mayDropCount && !got.includes('count') ? want.filter((n) => n !== 'count') : want;
  if (sorted(wanted) !== sorted(got))
    problems.push(
      `${key}: placeholders differ (Dutch has ${want.map((n) => `{{${n}}}`).join(' ') || 'none'}, translation has ${got.map((n) => `{{${n}}}`).join(' ') || 'none'})`,
    );
  if (target.length > maxLength(source))
    problems.push(
      `${key}: ${target.length} characters, too long against ${source.length} in Dutch`,
    );
  else if (target.length < minLength(source))
    problems.push(
      `${key}: ${target.length} characters, too short against ${source.length} in Dutch`,
    );
  return problems;
}

/** Every problem of `texts` as the translation of the catalog into `lang`; empty when it may be applied. */
export function checkTranslation(
  catalog: readonly CatalogString[],
  lang: string,
  texts: TextMap,
): string[] {
  const problems: string[] = [];
  const known = new Set<string>();
  for (const s of catalog) {
    const keys = keysFor(s, lang);
    for (const key of keys) {
      known.add(key);
      const target = texts[key];
      const cat = formOf(s, key);
      if (target === undefined)
        problems.push(cat ? `${key}: plural form "${cat}" missing` : `${key}: missing`);
      else problems.push(...checkText(key, sourceFor(s, key), target, cat));
    }
  }
  for (const key of Object.keys(texts))
    if (!known.has(key)) problems.push(`${key}: unknown key (not in the Dutch texts)`);
  return problems;
}

/** One changed text between two versions of a language. */
export interface TextChange {
  readonly key: string;
  readonly stringId: string;
  readonly before: string | null;
  readonly after: string | null;
}

/** The keys whose text differs between `before` and `after`, in catalog order. */
export function diffTexts(
  catalog: readonly CatalogString[],
  lang: string,
  before: TextMap,
  after: TextMap,
): TextChange[] {
  const out: TextChange[] = [];
  for (const s of catalog)
    for (const key of keysFor(s, lang)) {
      const b = before[key] ?? null;
      const a = after[key] ?? null;
      if (a !== b) out.push({ key, stringId: s.id, before: b, after: a });
    }
  return out;
}
