/**
 * Reads a translated XLIFF 2.x document back into texts keyed like i18next's, or says everything that is wrong with
 * it: not well-formed, not XLIFF 2, the wrong languages, units whose <ph/> elements are not the source's.
 * Parsed with fast-xml-parser (ordered tree, so text around inline elements keeps its place); a DOCTYPE is refused
 * outright, so no entity expansion ever happens.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TextMap } from '../../shared/core/translation/catalog.ts';
import { XLIFF_NS } from './xliffWrite.ts';

/** What reading found: the texts and the document's languages, or why it cannot be read at all. */
export type XliffReadResult =
  | {
      readonly ok: true;
      readonly srcLang: string;
      readonly trgLang: string;
      readonly texts: TextMap;
      readonly problems: string[];
    }
  | {
      readonly ok: false;
      readonly error: 'xliff_malformed' | 'xliff_invalid';
      readonly message: string;
    };

type Node = Record<string, unknown>;

const attrs = (n: Node): Record<string, string> =>
  (n[':@'] as Record<string, string> | undefined) ?? {};
const nameOf = (n: Node): string | undefined => Object.keys(n).find((k) => k !== ':@');
const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);
const children = (n: Node): Node[] => {
  const name = nameOf(n);
  const c = name ? n[name] : undefined;
  return Array.isArray(c) ? (c as Node[]) : [];
};
const elements = (n: Node, local: string): Node[] =>
  children(n).filter((c) => {
    const name = nameOf(c);
    return name !== undefined && name !== '#text' && localName(name) === local;
  });

/** The text of a <source>/<target>, with each <ph/> back as the placeholder its id names in the source. */
function inlineText(n: Node, ph: Map<string, string>, problems: string[], where: string): string {
  let out = '';
  for (const c of children(n)) {
    const name = nameOf(c);
    if (name === '#text') out += String(c['#text']);
    else if (name && localName(name) === 'ph') {
      const id = attrs(c).id ?? '';
      const equiv = ph.get(id);
      if (equiv === undefined) problems.push(`${where}: unknown placeholder <ph id="${id}"/>`);
      else out += equiv;
    } else if (name)
      problems.push(`${where}: element <${localName(name)}> is not allowed in the text`);
  }
  return out;
}

/** The placeholders a <source> declares: ph id → the {{name}} it stands for. */
function sourcePlaceholders(source: Node): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of elements(source, 'ph')) {
    const a = attrs(c);
    if (a.id && a.equiv) map.set(a.id, a.equiv);
  }
  return map;
}

/** Parses and reads the document; problems with single units are collected, not thrown. */
export function readXliff(xml: string): XliffReadResult {
  if (/<!DOCTYPE/i.test(xml))
    return {
      ok: false,
      error: 'xliff_invalid',
      message: 'a DOCTYPE is not allowed in an XLIFF file',
    };
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    return {
      ok: false,
      error: 'xliff_malformed',
      message: `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    };
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    trimValues: false,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
  });
  const tree = parser.parse(xml) as Node[];
  const root = tree.find((n) => {
    const name = nameOf(n);
    return name !== undefined && !name.startsWith('?') && name !== '#text';
  });
  const rootName = root ? nameOf(root) : undefined;
  if (!root || !rootName || localName(rootName) !== 'xliff')
    return { ok: false, error: 'xliff_invalid', message: 'the root element is not <xliff>' };
  const a = attrs(root);
  const prefix = rootName.includes(':') ? `xmlns:${rootName.split(':')[0] ?? ''}` : 'xmlns';
  if (a[prefix] !== XLIFF_NS || !/^2\.[01]$/.test(a.version ?? ''))
    return {
      ok: false,
      error: 'xliff_invalid',
      message: `not an XLIFF 2.0/2.1 document (namespace ${XLIFF_NS}, version "2.0" or "2.1")`,
    };
  const problems: string[] = [];
  const texts: Record<string, string> = {};
  const units = (n: Node): Node[] => [
    ...elements(n, 'unit'),
    ...elements(n, 'group').flatMap(units),
  ];
  for (const file of elements(root, 'file'))
    for (const u of units(file)) {
      const id = attrs(u).id ?? '';
      const segments = elements(u, 'segment');
      const source = segments.flatMap((s) => elements(s, 'source'))[0];
      const targets = segments.flatMap((s) => elements(s, 'target'));
      if (segments.length !== 1 || !source) {
        problems.push(`${id}: a unit must have exactly one segment with a source`);
        continue;
      }
      if (Object.hasOwn(texts, id)) {
        problems.push(`${id}: appears twice`);
        continue;
      }
      const target = targets[0];
      if (!target) continue; // reported as missing by the catalog check
      texts[id] = inlineText(target, sourcePlaceholders(source), problems, id);
    }
  return { ok: true, srcLang: a.srcLang ?? '', trgLang: a.trgLang ?? '', texts, problems };
}
