/**
 * What tablets are told about languages in their config: each language's review verdict (so staff mode can say a
 * language is still a draft) and the texts of every language the office imported a version of (the bundled texts
 * are in the app already). Only the namespaces the tablet shows travel: the printed summary stays on the server.
 */
import type { Queryable } from '../db.ts';
import { loadLanguageMeta, type LanguageMeta } from './meta.ts';

/** One imported language version as the tablet gets it. */
export interface TabletLanguageTexts {
  readonly code: string;
  readonly version: number;
  readonly texts: Record<string, string>;
}

let meta: readonly LanguageMeta[] | null = null;

/** The verdict per language and the newest imported texts of each language that has them. */
export async function tabletLanguages(db: Queryable): Promise<{
  languageStatus: Record<string, 'source' | 'draft' | 'checked'>;
  languageTexts: TabletLanguageTexts[];
}> {
  meta ??= loadLanguageMeta();
  const [reviews, versions] = await Promise.all([
    db.query<{ code: string; status: 'draft' | 'checked' }>(
      'SELECT code, status FROM language_reviews',
    ),
    db.query<{ code: string; version: number; texts: Record<string, string> | string }>(
      `SELECT DISTINCT ON (code) code, version, texts FROM language_versions ORDER BY code, version DESC`,
    ),
  ]);
  const saved = new Map(reviews.rows.map((r) => [r.code, r.status]));
  const languageStatus: Record<string, 'source' | 'draft' | 'checked'> = {};
  for (const m of meta)
    languageStatus[m.code] = m.status === 'source' ? 'source' : (saved.get(m.code) ?? m.status);
  const languageTexts = versions.rows.map((v) => {
    const all =
      typeof v.texts === 'string' ? (JSON.parse(v.texts) as Record<string, string>) : v.texts;
    const texts: Record<string, string> = {};
    for (const [k, t] of Object.entries(all)) if (!k.startsWith('summary:')) texts[k] = t;
    return { code: v.code, version: Number(v.version), texts };
  });
  return { languageStatus, languageTexts };
}
