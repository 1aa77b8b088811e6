/** How the review screen orders the questions: the unanswered ones first, then the rest by the instrument's parts. */
import type { Instrument, Item, Part } from '../../shared/core/instrument.ts';
import type { Answers } from '../../shared/core/scoring.ts';

/** One question on the review screen: its place in the questionnaire (to go back to it) and the answer, if any. */
export interface ReviewRow {
  readonly item: Item;
  readonly index: number;
  readonly value: number | undefined;
}

/** The review's groups: questions without an answer, and each part with its answered questions (empty parts left out). */
export interface ReviewGroups {
  readonly missing: readonly ReviewRow[];
  readonly parts: readonly { readonly part: Part; readonly rows: readonly ReviewRow[] }[];
}

/** Groups the instrument's questions for the review, keeping the questionnaire's order within each group. */
export function reviewGroups(instrument: Instrument, answers: Answers): ReviewGroups {
  const missing: ReviewRow[] = [];
  const parts: { part: Part; rows: ReviewRow[] }[] = [];
  let index = 0;
  for (const part of instrument.parts) {
    const rows: ReviewRow[] = [];
    for (const item of part.items) {
      const row = { item, index: index++, value: answers[item.id] };
      (row.value === undefined ? missing : rows).push(row);
    }
    if (rows.length > 0) parts.push({ part, rows });
  }
  return { missing, parts };
}
