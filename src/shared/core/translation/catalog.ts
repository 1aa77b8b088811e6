/**
 * The catalog of client-facing strings a translator works on: every kiosk text, the client's printed summary and the
 * questionnaire's own texts, with their Dutch source, the part of the app they belong to and a note for the translator.
 * Pure: the caller reads the files; the server exports and validates from it, the workspace shows it.
 */
import type { Instrument } from '../instrument.ts';
import { instrumentNamespace, instrumentTexts } from '../instrumentTexts.ts';

/** The parts the languages page counts separately. */
export const TEXT_PARTS = ['kiosk', 'items', 'answers', 'summary'] as const;
/** One of those parts. */
export type TextPart = (typeof TEXT_PARTS)[number];

/** One string: a unit for the translator, reviewed as a whole (a plural string has one text per plural form). */
export interface CatalogString {
  /** `namespace:key` without plural suffix, e.g. `kiosk:welcome.title`, `instrument.pilot-2019.v1:items.A1`. */
  readonly id: string;
  readonly part: TextPart;
  /** Dutch text; for a plural string the `other` form. */
  readonly source: string;
  /** Dutch plural forms (`one`, `other`) when the string counts something. */
  readonly sourcePlural?: Readonly<Record<string, string>>;
  /** Where the string appears (the screen), in English for the translation agency. */
  readonly location: string;
  /** What it must convey. */
  readonly note: string;
}

/** Text keyed by `namespace:key` exactly as i18next looks it up (plural forms with their `_one`… suffix). */
export type TextMap = Readonly<Record<string, string>>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Nested i18next JSON as flat dotted keys. */
export function flattenTexts(obj: unknown, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof obj !== 'object' || obj === null) return out;
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[key] = v;
    else Object.assign(out, flattenTexts(v, key));
  }
  return out;
}

const ITEM_NOTE =
  'A statement to agree or disagree with; keep the meaning, not the words. It is one item of a validated questionnaire: the client answers it on a five-point scale, so it must stay a statement of the same strength and direction.';
const ANSWER_NOTE =
  'One of the five answer options under every statement, from strongly disagree (1) to strongly agree (5); keep the order and the distance between them.';
const SUMMARY_NOTE =
  'Printed one-page summary the client takes home; plain language (level B1), addressed to the client.';
const KIOSK_NOTE = 'Shown to the client on the tablet; plain language (level B1), short.';
const PLACEHOLDER_NOTES: Record<string, string> = {
  agency: '{{agency}} is the name of the agency (e.g. "Gemeente Utrecht").',
  count: '{{count}} is a number.',
  current: '{{current}} is the number of this question.',
  total: '{{total}} is the number of questions.',
  date: '{{date}} is a date.',
  code: '{{code}} is the client\'s code, like "K7Q2-M9XD".',
};

/** The names of the `{{placeholders}}` in a text, in order (repeats kept). */
export function placeholderNames(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => m[1] ?? '');
}

function notesFor(text: string, base: string): string {
  const ph = [...new Set(placeholderNames(text))]
    .map((n) => PLACEHOLDER_NOTES[n] ?? `{{${n}}} is filled in by the app.`)
    .join(' ');
  return ph ? `${base} ${ph}` : base;
}

function kioskLocation(key: string): string {
  const screen = key.split('.')[0] ?? key;
  return `Tablet, screen "${screen}" (${key})`;
}

function instrumentPart(key: string): TextPart | null {
  if (key.startsWith('answers.')) return 'answers';
  if (key.startsWith('items.') || key.startsWith('parts.') || key === 'title') return 'items';
  return null; // scale labels and advice are for staff
}

function instrumentLocation(key: string): string {
  if (key.startsWith('items.')) return `Tablet, question screen: statement ${key.slice(6)}`;
  if (key.startsWith('parts.'))
    return `Tablet, question screen: heading above the statements of part ${key.split('.')[1] ?? ''}`;
  if (key.startsWith('answers.'))
    return `Tablet, question screen: answer button ${key.slice(8)} of 5`;
  return "Tablet and summary: the questionnaire's name";
}

/** Groups flat texts into strings: `x_one` and `x_other` become one plural string `x`. */
function group(
  ns: string,
  flat: Record<string, string>,
): { id: string; key: string; source: string; plural?: Record<string, string> }[] {
  const out = new Map<
    string,
    { id: string; key: string; source: string; plural?: Record<string, string> }
  >();
  // `gender_other` is no plural: only a base with both `_one` and `_other` counts something.
  const isPlural = (base: string) => `${base}_one` in flat && `${base}_other` in flat;
  for (const [key, text] of Object.entries(flat)) {
    const m = PLURAL_SUFFIX.exec(key);
    if (m && isPlural(key.slice(0, m.index))) {
      const base = key.slice(0, m.index);
      const id = `${ns}:${base}`;
      const entry = out.get(id) ?? { id, key: base, source: '', plural: {} };
      entry.plural = { ...entry.plural, [m[1] ?? 'other']: text };
      if (m[1] === 'other') entry.source = text;
      out.set(id, entry);
    } else out.set(`${ns}:${key}`, { id: `${ns}:${key}`, key, source: text });
  }
  return [...out.values()];
}

/** Every client-facing string with its Dutch source, in a stable order (kiosk, summary, questionnaire). */
export function buildCatalog(nl: {
  kiosk: object;
  summary: object;
  instrument: Instrument;
}): CatalogString[] {
  const out: CatalogString[] = [];
  const push = (
    s: { id: string; key: string; source: string; plural?: Record<string, string> },
    part: TextPart,
    location: string,
    base: string,
  ) =>
    out.push({
      id: s.id,
      part,
      source: s.source,
      ...(s.plural ? { sourcePlural: s.plural } : {}),
      location,
      note: notesFor(
        s.source,
        s.plural
          ? `${base} The text counts something: give every plural form your language has.`
          : base,
      ),
    });
  for (const s of group('kiosk', flattenTexts(nl.kiosk)))
    push(s, 'kiosk', kioskLocation(s.key), KIOSK_NOTE);
  for (const s of group('summary', flattenTexts(nl.summary)))
    push(s, 'summary', `Printed summary for the client (${s.key})`, SUMMARY_NOTE);
  const ns = instrumentNamespace(nl.instrument);
  for (const s of group(ns, instrumentTexts(nl.instrument))) {
    const part = instrumentPart(s.key);
    if (!part) continue;
    const base =
      part === 'answers' ? ANSWER_NOTE : s.key.startsWith('items.') ? ITEM_NOTE : KIOSK_NOTE;
    push(s, part, instrumentLocation(s.key), base);
  }
  return out;
}

/** The plural categories of a language (Intl.PluralRules, as i18next uses), `other` last. */
export function pluralCategories(lang: string): string[] {
  const cats = new Intl.PluralRules(lang).resolvedOptions().pluralCategories as string[];
  return [...cats.filter((c) => c !== 'other'), 'other'];
}

/** The text keys one string needs in `lang`: its id, or one key per plural category. */
export function keysFor(s: CatalogString, lang: string): string[] {
  return s.sourcePlural ? pluralCategories(lang).map((c) => `${s.id}_${c}`) : [s.id];
}

/** The Dutch text a translator sees for one key (a plural category Dutch lacks shows the Dutch `other`). */
export function sourceFor(s: CatalogString, key: string): string {
  if (!s.sourcePlural) return s.source;
  const cat = formOf(s, key) ?? 'other';
  return s.sourcePlural[cat] ?? s.source;
}

/** The plural category of a key by its suffix (`few` for `…_few`), or null. */
export function pluralCategoryOf(key: string): string | null {
  return PLURAL_SUFFIX.exec(key)?.[1] ?? null;
}

/** The plural category of one of a string's keys, or null when the string is not a plural one. */
export function formOf(s: CatalogString, key: string): string | null {
  return s.sourcePlural ? pluralCategoryOf(key) : null;
}
