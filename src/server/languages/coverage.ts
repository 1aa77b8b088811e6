/** Coverage and review counts per part of one language, for the languages page. */
import {
  TEXT_PARTS,
  keysFor,
  type CatalogString,
  type TextMap,
} from '../../shared/core/translation/catalog.ts';
import type { ReviewStatus } from '../../shared/core/translation/review.ts';

/** Counts for one part. */
export interface PartCount {
  part: (typeof TEXT_PARTS)[number];
  total: number;
  translated: number;
  draft: number;
  reviewed: number;
  approved: number;
}

/** A string counts as translated when every text it needs in `lang` is there and not empty. */
export function coverage(
  catalog: readonly CatalogString[],
  lang: string,
  texts: TextMap,
  statuses: ReadonlyMap<string, ReviewStatus>,
): PartCount[] {
  return TEXT_PARTS.map((part) => {
    const c: PartCount = { part, total: 0, translated: 0, draft: 0, reviewed: 0, approved: 0 };
    for (const s of catalog) {
      if (s.part !== part) continue;
      c.total++;
      if (keysFor(s, lang).every((k) => (texts[k] ?? '').trim() !== '')) c.translated++;
      c[statuses.get(s.id) ?? 'draft']++;
    }
    return c;
  });
}
