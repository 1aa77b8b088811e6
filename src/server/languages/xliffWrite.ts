/**
 * Writes a language as an XLIFF 2.0 document: one <file> per part, one <unit> per string (a <group> of units for a
 * plural string, one per plural form of the target language), the Dutch source, the current translation, notes on
 * where the text appears and what it must convey, and {{placeholders}} as protected <ph/> elements.
 * Built as a tree with fast-xml-parser's builder, which escapes text and attributes, instead of concatenating XML.
 */
import { XMLBuilder } from 'fast-xml-parser';
import {
  TEXT_PARTS,
  keysFor,
  formOf,
  sourceFor,
  type CatalogString,
  type TextMap,
} from '../../shared/core/translation/catalog.ts';
import type { ReviewStatus } from '../../shared/core/translation/review.ts';

/** The XLIFF 2.x core namespace (2.0 and 2.1 share it). */
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

/** A node of fast-xml-parser's ordered tree. */
type Node = Record<string, unknown>;

const el = (name: string, attrs: Record<string, string>, children: Node[] = []): Node => ({
  [name]: children,
  ...(Object.keys(attrs).length ? { ':@': attrs } : {}),
});
const text = (t: string): Node => ({ '#text': t });

/** Indents structural children (whitespace between elements outside <source>/<target> means nothing). */
function indented(children: Node[], depth: number): Node[] {
  const pad = '\n' + '  '.repeat(depth + 1);
  const out: Node[] = [];
  for (const c of children) out.push(text(pad), c);
  if (children.length) out.push(text('\n' + '  '.repeat(depth)));
  return out;
}

/** Text with each {{name}} as <ph id=".." equiv="{{name}}" disp="name" canDelete="no" canCopy="no"/>. */
export function inline(t: string): Node[] {
  const out: Node[] = [];
  const seen = new Map<string, number>();
  let at = 0;
  for (const m of t.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)) {
    if (m.index > at) out.push(text(t.slice(at, m.index)));
    const name = m[1] ?? '';
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    out.push(
      el('ph', {
        id: n === 1 ? name : `${name}-${n}`,
        equiv: `{{${name}}}`,
        disp: name,
        canCopy: 'no',
        canDelete: 'no',
      }),
    );
    at = m.index + m[0].length;
  }
  if (at < t.length) out.push(text(t.slice(at)));
  return out;
}

const STATE: Record<ReviewStatus, string> = {
  draft: 'translated',
  reviewed: 'reviewed',
  approved: 'final',
};

const PART_NAMES: Record<(typeof TEXT_PARTS)[number], string> = {
  kiosk: 'Texts of the tablet screens the client sees',
  items: 'The questionnaire: headings and statements',
  answers: 'The questionnaire: the five answer options',
  summary: 'The printed summary the client takes home',
};

function unit(
  s: CatalogString,
  key: string,
  lang: string,
  target: string | undefined,
  status: ReviewStatus,
  depth: number,
): Node {
  const cat = formOf(s, key);
  const notes = [
    el('note', { category: 'location' }, [text(s.location)]),
    el('note', { category: 'description' }, [text(s.note)]),
    ...(cat
      ? [
          el('note', { category: 'plural' }, [
            text(
              `Plural form "${cat}" of ${lang} (Unicode CLDR plural rules). The Dutch shown is its "${s.sourcePlural?.[cat] !== undefined ? cat : 'other'}" form.`,
            ),
          ]),
        ]
      : []),
  ];
  const segment = el(
    'segment',
    target === undefined || target === '' ? { state: 'initial' } : { state: STATE[status] },
    [
      el('source', {}, inline(sourceFor(s, key))),
      ...(target === undefined ? [] : [el('target', {}, inline(target))]),
    ],
  );
  return el(
    'unit',
    { id: key, name: s.id },
    indented([el('notes', {}, indented(notes, depth + 2)), segment], depth + 1),
  );
}

/** The whole document for one language: current texts and each string's review status. */
export function writeXliff(
  catalog: readonly CatalogString[],
  lang: string,
  texts: TextMap,
  statusOf: (stringId: string) => ReviewStatus,
  version: number,
): string {
  const files = TEXT_PARTS.map((part) => {
    const units = catalog
      .filter((s) => s.part === part)
      .map((s) => {
        const keys = keysFor(s, lang);
        const status = statusOf(s.id);
        if (!s.sourcePlural) return unit(s, s.id, lang, texts[s.id], status, 3);
        return el(
          'group',
          { id: `${s.id}.plural`, name: s.id },
          indented(
            keys.map((k) => unit(s, k, lang, texts[k], status, 4)),
            3,
          ),
        );
      });
    return el(
      'file',
      { id: part, original: `slimme-intake/${part}` },
      indented(
        [
          el(
            'notes',
            {},
            indented([el('note', { category: 'description' }, [text(PART_NAMES[part])])], 3),
          ),
          ...units,
        ],
        2,
      ),
    );
  });
  const doc = [
    { '?xml': [text('')], ':@': { version: '1.0', encoding: 'UTF-8' } },
    text('\n'),
    {
      xliff: indented(files, 0),
      ':@': {
        xmlns: XLIFF_NS,
        version: '2.0',
        srcLang: 'nl',
        trgLang: lang,
        'xmlns:si': 'urn:slimme-intake:xliff',
        'si:languageVersion': String(version),
      },
    },
    text('\n'),
  ];
  const builder = new XMLBuilder({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    suppressEmptyNode: true,
    format: false,
  });
  return builder.build(doc);
}
