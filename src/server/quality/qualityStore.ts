/**
 * The one read behind the questionnaire-quality page: per language, how many measurements of an instrument version
 * and their answer codes concatenated (27 bytes a measurement on the pilot). Measurements in which the client used
 * more than one language come back under null. The statistics are computed from these in src/shared/core.
 */
import type { Instrument } from '../../shared/core/instrument.ts';
import type { Queryable } from '../db.ts';
import { storedOrComputedCodes } from './answerCodes.ts';

/** Codes of one language (null: several languages in one measurement). */
export interface LanguageCodes {
  readonly language: string | null;
  readonly count: number;
  readonly codes: string;
}

/** Every measurement of `instrument`'s version, grouped by language. */
export async function codesByLanguage(
  db: Queryable,
  instrument: Instrument,
): Promise<LanguageCodes[]> {
  const r = await db.query<LanguageCodes>(
    `SELECT CASE WHEN jsonb_array_length(COALESCE(languages_used, '[]'::jsonb)) <= 1 THEN language END AS language,
       count(*)::int AS count, string_agg(${storedOrComputedCodes(instrument)}, '') AS codes
     FROM measurements WHERE instrument_id = $1 AND instrument_version = $2
     GROUP BY 1`,
    [instrument.id, instrument.version],
  );
  return r.rows;
}
