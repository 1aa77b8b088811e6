/**
 * Checks an uploaded XLIFF for one language against the catalog and the current version: everything the translator
 * must fix comes back at once, as a 4xx; a clean file gives the texts and what they change.
 */
import type { CatalogString, TextMap } from '../../shared/core/translation/catalog.ts';
import {
  checkTranslation,
  diffTexts,
  type TextChange,
} from '../../shared/core/translation/check.ts';
import { readXliff } from './xliffRead.ts';

/** At most this many problems are spelled out in the message (all are in `problems`). */
const LISTED = 15;

/** A refusal: status, code, message and every problem found. */
export interface ImportRefusal {
  readonly status: 400 | 422;
  readonly error: string;
  readonly message: string;
  readonly problems: string[];
}

/** The checked texts of an upload and the changes against `current`. */
export interface CheckedImport {
  readonly texts: TextMap;
  readonly changes: TextChange[];
}

const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';

/** Reads and checks `xml` as the translation of `catalog` into `lang`. */
export function checkImport(
  catalog: readonly CatalogString[],
  lang: string,
  xml: string,
  current: TextMap,
): CheckedImport | ImportRefusal {
  const read = readXliff(xml);
  if (!read.ok)
    return {
      status: read.error === 'xliff_malformed' ? 400 : 422,
      error: read.error,
      message: read.message,
      problems: [read.message],
    };
  const problems: string[] = [];
  if (primary(read.srcLang) !== 'nl')
    problems.push(`source language is "${read.srcLang}", expected "nl" (Dutch)`);
  if (primary(read.trgLang) !== primary(lang))
    problems.push(`target language is "${read.trgLang}", expected "${lang}"`);
  problems.push(...read.problems, ...checkTranslation(catalog, lang, read.texts));
  if (problems.length > 0)
    return {
      status: 422,
      error: 'xliff_problems',
      message: `${problems.length} problem${problems.length === 1 ? '' : 's'} in the file: ${problems
        .slice(0, LISTED)
        .join('; ')}${problems.length > LISTED ? `; and ${problems.length - LISTED} more` : ''}`,
      problems,
    };
  return { texts: read.texts, changes: diffTexts(catalog, lang, current, read.texts) };
}

/** True when `r` is a refusal. */
export const isRefusal = (r: CheckedImport | ImportRefusal): r is ImportRefusal => 'error' in r;
