/**
 * The answer codes in SQL: the same encoding as src/shared/core/answerCodes.ts, computed from the stored answers,
 * for rows written before migration 011 or by bulk loaders (filled at start; the quality query falls back to it).
 */
import { UNANSWERED, codesFit } from '../../shared/core/answerCodes.ts';
import { itemsInOrder, type Instrument } from '../../shared/core/instrument.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * A SQL expression over the row's `answers` that yields its code string (one character per item). Stored answers are
 * checked at ingest to be values of the instrument's answer scale, and codesFit makes sure those are whole numbers
 * 0…74, so the cast cannot fail on a stored row.
 */
export function answerCodesSql(instrument: Instrument): string {
  if (!codesFit(instrument))
    throw new Error(`${instrument.id}: answer values do not fit answer codes`);
  return itemsInOrder(instrument)
    .map(
      ({ item }) =>
        `COALESCE(chr(48 + (answers->>${literal(item.id)})::int), ${literal(UNANSWERED)})`,
    )
    .join(' || ');
}

/** The code string of a row: the stored one when it has the instrument's width, else computed from the answers. */
export function storedOrComputedCodes(instrument: Instrument): string {
  const width = itemsInOrder(instrument).length;
  return `CASE WHEN length(answer_codes) = ${width} THEN answer_codes ELSE ${answerCodesSql(instrument)} END`;
}

/** Fills the codes of rows without them, per known instrument version; returns how many rows it filled. */
export async function fillAnswerCodes(
  db: Queryable,
  instruments: InstrumentRegistry,
): Promise<number> {
  const versions = await db.query<{ id: string; version: number }>(
    `SELECT DISTINCT instrument_id AS id, instrument_version AS version FROM measurements
     WHERE answer_codes IS NULL`,
  );
  let filled = 0;
  for (const v of versions.rows) {
    const instrument = instruments.get(v.id, v.version);
    if (!instrument || !codesFit(instrument)) continue;
    const r = await db.query(
      `UPDATE measurements SET answer_codes = ${answerCodesSql(instrument)}
       WHERE answer_codes IS NULL AND instrument_id = $1 AND instrument_version = $2`,
      [v.id, v.version],
    );
    filled += r.rowCount;
  }
  return filled;
}
