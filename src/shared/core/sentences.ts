/**
 * A text cut into the sentences read-aloud says one at a time, as offsets into the text, so the screen can mark the
 * sentence being spoken. Uses the language's own sentence rules (Intl.Segmenter: Arabic ؟, Ethiopic ።) and cuts a
 * sentence longer than the server renders at its last pause (comma, semicolon, space) before the limit.
 */

/** One sentence: `text.slice(start, end)`, trimmed of surrounding spaces and never empty. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

const PAUSE = /[,;:،؛፣፤፥\s]/u;
const SAY = /[\p{L}\p{N}]/u;

/** The sentences of `text` in language `lang`, each at most `max` characters. */
export function sentenceSpans(text: string, lang: string, max: number): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
  for (const s of segmenter.segment(text)) {
    let start = s.index;
    const end = s.index + s.segment.length;
    while (start < end) {
      const cut = start + max >= end ? end : cutAt(text, start, start + max);
      push(out, text, start, cut);
      start = cut;
    }
  }
  return out;
}

/** Where to cut a too-long stretch: after its last pause before `limit`, or at `limit` when it has none. */
function cutAt(text: string, start: number, limit: number): number {
  for (let i = limit - 1; i > start + 1; i--) if (PAUSE.test(text[i] ?? '')) return i + 1;
  return limit;
}

/** Adds `text[start, end)` without its surrounding spaces, when it has something to say. */
function push(out: SentenceSpan[], text: string, start: number, end: number): void {
  let a = start;
  let b = end;
  while (a < b && /\s/u.test(text[a] ?? '')) a++;
  while (b > a && /\s/u.test(text[b - 1] ?? '')) b--;
  if (a < b && SAY.test(text.slice(a, b))) out.push({ start: a, end: b });
}
