/**
 * A measurement's answers as one short string, one character per item in the instrument's order: the character
 * 48 + value ('1'…'5' on the pilot's scale) or '.' when unanswered. Stored beside the answers at ingest, so the
 * questionnaire-quality page reads 27 bytes per measurement instead of parsing JSON (src/server/quality/).
 */
import { itemsInOrder, type Instrument } from './instrument.ts';
import type { Answers } from './scoring.ts';

/** The character of an unanswered item. */
export const UNANSWERED = '.';
/** Answer values a code can hold: whole numbers 0…74 ('0'…'z'). */
export const CODE_MIN = 0;
export const CODE_MAX = 74;

/** True when every answer value of the instrument fits in one code character. */
export const codesFit = (instrument: Instrument): boolean =>
  instrument.answerScale.every(
    (o) => Number.isInteger(o.value) && o.value >= CODE_MIN && o.value <= CODE_MAX,
  );

/** The code string of a set of answers (values outside the code range count as unanswered). */
export function answerCodes(instrument: Instrument, answers: Answers): string {
  return itemsInOrder(instrument)
    .map(({ item }) => {
      const v = answers[item.id];
      return typeof v === 'number' && Number.isInteger(v) && v >= CODE_MIN && v <= CODE_MAX
        ? String.fromCharCode(48 + v)
        : UNANSWERED;
    })
    .join('');
}
