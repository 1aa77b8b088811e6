/** Review status per language: the default from locales/<code>/meta.json, a coordinator's verdict in the database. */
import type { LanguageReview } from '../../shared/contract/workspaceApi.ts';
import type { Queryable } from '../db.ts';
import type { LanguageMeta } from '../languages/meta.ts';
import type { BundledTexts } from '../languages/bundled.ts';
import { coverage } from '../languages/coverage.ts';
import { allStringStatuses, currentTexts } from '../languages/versionStore.ts';

/** Every language with its review status, text version and coverage per part; the source language first. */
export async function languageReviews(
  db: Queryable,
  meta: readonly LanguageMeta[],
  bundled: BundledTexts,
): Promise<LanguageReview[]> {
  const r = await db.query<{ code: string; status: 'draft' | 'checked'; note: string }>(
    'SELECT code, status, note FROM language_reviews',
  );
  const saved = new Map(r.rows.map((x) => [x.code, x]));
  const statuses = await allStringStatuses(db);
  const sorted = [...meta].sort(
    (a, b) => Number(b.status === 'source') - Number(a.status === 'source'),
  );
  return Promise.all(
    sorted.map(async (m) => {
      const s = m.status === 'source' ? undefined : saved.get(m.code);
      const base = {
        code: m.code,
        name: m.name,
        status: s?.status ?? m.status,
        note: s?.note ?? m.note,
      };
      if (m.status === 'source')
        return { ...base, version: 0, versionAt: null, versionBy: null, parts: [] };
      const now = await currentTexts(db, m.code, bundled.texts(m.code));
      return {
        ...base,
        version: now.version,
        versionAt: now.updatedAt,
        versionBy: now.updatedBy,
        parts: coverage(bundled.catalog, m.code, now.texts, statuses.get(m.code) ?? new Map()),
      };
    }),
  );
}

/** Stores a coordinator's verdict on a (non-source) language. */
export async function saveLanguageReview(
  db: Queryable,
  review: { code: string; status: 'draft' | 'checked'; note: string },
  by: string,
  now: number,
): Promise<void> {
  await db.query(
    `INSERT INTO language_reviews (code, status, note, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (code) DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [review.code, review.status, review.note, new Date(now).toISOString(), by],
  );
}
