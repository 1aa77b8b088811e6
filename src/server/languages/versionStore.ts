/** Versions of a language's texts (0: as built into the app) and each string's review status, in the database. */
import type { TextMap } from '../../shared/core/translation/catalog.ts';
import type { ReviewStatus } from '../../shared/core/translation/review.ts';
import type { Queryable } from '../db.ts';

/** The texts a language has now and which version they are. */
export interface CurrentTexts {
  readonly version: number;
  readonly texts: TextMap;
  readonly updatedAt: string | null;
  readonly updatedBy: string | null;
}

/**
 * The newest stored version of `code`, or version 0 (the bundled texts) when none was imported. A stored version lies
 * over the bundled texts: one imported before a new questionnaire version has no texts for its statements, and those
 * then come with the questionnaire version itself (its translations), not as missing.
 */
export async function currentTexts(
  db: Queryable,
  code: string,
  bundled: TextMap,
): Promise<CurrentTexts> {
  const r = await db.query<{
    version: number;
    texts: TextMap | string;
    created_at: Date | string;
    by: string | null;
  }>(
    `SELECT v.version, v.texts, v.created_at, u.name AS by FROM language_versions v
       LEFT JOIN users u ON u.id = v.created_by
      WHERE v.code = $1 ORDER BY v.version DESC LIMIT 1`,
    [code],
  );
  const row = r.rows[0];
  if (!row) return { version: 0, texts: bundled, updatedAt: null, updatedBy: null };
  return {
    version: row.version,
    texts: {
      ...bundled,
      ...(typeof row.texts === 'string' ? (JSON.parse(row.texts) as TextMap) : row.texts),
    },
    updatedAt: new Date(row.created_at).toISOString(),
    updatedBy: row.by,
  };
}

/** The newest version number of every language that has one. */
export async function latestVersions(db: Queryable): Promise<Map<string, number>> {
  const r = await db.query<{ code: string; version: number }>(
    'SELECT code, max(version) AS version FROM language_versions GROUP BY code',
  );
  return new Map(r.rows.map((x) => [x.code, Number(x.version)]));
}

/**
 * Stores `texts` as version `base + 1`; null when another import got there first (the primary key refuses a second
 * row with that number, so two coordinators applying at once never both win).
 */
export async function insertVersion(
  db: Queryable,
  v: { code: string; base: number; texts: TextMap; changed: number; by: string; now: number },
): Promise<number | null> {
  const r = await db.query<{ version: number }>(
    `INSERT INTO language_versions (code, version, texts, changed, created_at, created_by)
     SELECT $1, $2, $3::jsonb, $4, $5, $6
      WHERE NOT EXISTS (SELECT 1 FROM language_versions WHERE code = $1 AND version >= $2)
     ON CONFLICT (code, version) DO NOTHING
     RETURNING version`,
    [v.code, v.base + 1, JSON.stringify(v.texts), v.changed, new Date(v.now).toISOString(), v.by],
  );
  return r.rows[0]?.version ?? null;
}

/** A string's review: status, who set it and when (null for a string never reviewed). */
export interface StringReview {
  readonly status: ReviewStatus;
  readonly by: string | null;
  readonly at: string | null;
}

/** Every recorded review of one language, by string id. */
export async function stringReviews(
  db: Queryable,
  code: string,
): Promise<Map<string, StringReview>> {
  const r = await db.query<{
    string_id: string;
    status: ReviewStatus;
    updated_at: Date | string;
    by: string | null;
  }>(
    `SELECT s.string_id, s.status, s.updated_at, u.name AS by FROM string_reviews s
       LEFT JOIN users u ON u.id = s.updated_by WHERE s.code = $1`,
    [code],
  );
  return new Map(
    r.rows.map((x) => [
      x.string_id,
      { status: x.status, by: x.by, at: new Date(x.updated_at).toISOString() },
    ]),
  );
}

/** Review counts per language and string id, for the overview (one query for all languages). */
export async function allStringStatuses(
  db: Queryable,
): Promise<Map<string, Map<string, ReviewStatus>>> {
  const r = await db.query<{ code: string; string_id: string; status: ReviewStatus }>(
    'SELECT code, string_id, status FROM string_reviews',
  );
  const out = new Map<string, Map<string, ReviewStatus>>();
  for (const x of r.rows) {
    const m = out.get(x.code) ?? new Map<string, ReviewStatus>();
    m.set(x.string_id, x.status);
    out.set(x.code, m);
  }
  return out;
}

/** Sets the status of some strings of a language (upsert), recording who and when. */
export async function setStringStatus(
  db: Queryable,
  code: string,
  ids: readonly string[],
  status: ReviewStatus,
  by: string,
  now: number,
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `INSERT INTO string_reviews (code, string_id, status, updated_at, updated_by)
     SELECT $1, id, $3, $4, $5 FROM unnest($2::text[]) AS id
     ON CONFLICT (code, string_id) DO UPDATE SET status = EXCLUDED.status,
       updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [code, [...ids], status, new Date(now).toISOString(), by],
  );
}
