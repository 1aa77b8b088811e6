/**
 * The summary sheet as read-aloud says it: its headings, paragraphs, list items and the figure beside each way of
 * relating to the rules, in reading order, cut into sentences. Each sentence keeps a DOM Range over the very text on
 * screen, so what is said (numbers included) is what is shown, and the sentence can be marked while it is said.
 */
import { sentenceSpans } from '../../shared/core/sentences.ts';
import { MAX_SPOKEN_SENTENCE } from '../../shared/core/speechText.ts';

/** One sentence to say: its text and where it is on screen. */
export interface SpokenSentence {
  readonly text: string;
  readonly range: Range;
  /** The block (paragraph, heading, list item) it is in, marked where the browser cannot mark a Range. */
  readonly block: Element;
}

/** What is read, in document order: blocks that hold text directly, and the figure of each way (its own block). */
export const SPOKEN_BLOCKS =
  'h1, h2, h3, p, li:not([data-posture]), .summary-way-text, .summary-way-level, .summary-bar-value';

/** The sentences of `root` in language `lang`. */
export function spokenSentences(root: Element, lang: string): SpokenSentence[] {
  const out: SpokenSentence[] = [];
  for (const block of root.querySelectorAll(SPOKEN_BLOCKS)) {
    const nodes: { node: Text; start: number }[] = [];
    let text = '';
    const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if ((n.parentElement?.closest('[aria-hidden="true"]') ?? null) !== null) continue;
      nodes.push({ node: n as Text, start: text.length });
      text += (n as Text).data;
    }
    for (const span of sentenceSpans(text, lang, MAX_SPOKEN_SENTENCE)) {
      const range = block.ownerDocument.createRange();
      const a = at(nodes, span.start, false);
      const b = at(nodes, span.end, true);
      if (!a || !b) continue;
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset);
      out.push({ text: text.slice(span.start, span.end), range, block });
    }
  }
  return out;
}

/** The text node and offset of position `pos` in the block's text (`end`: a position that closes a span). */
function at(
  nodes: readonly { node: Text; start: number }[],
  pos: number,
  end: boolean,
): { node: Text; offset: number } | null {
  for (const { node, start } of nodes) {
    const stop = start + node.data.length;
    if (end ? pos > start && pos <= stop : pos >= start && pos < stop)
      return { node, offset: pos - start };
  }
  return null;
}
