// The answer pictures show how much the client agrees, distinct in shape: without colour every answer still differs
// (how many bars are filled, and the sign under it), and nothing in the picture depends on a colour.
import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Pictogram } from '../../src/tablet/kiosk/Pictogram.tsx';

/** The shape of one picture with colour left out: which bars are filled, their heights, and the sign's path. */
function shape(value: number) {
  const { container } = render(<Pictogram value={value} />);
  const bars = [...container.querySelectorAll('rect.bar')];
  return {
    bars: bars.length,
    filled: bars.filter((b) => b.classList.contains('on')).length,
    heights: bars.map((b) => Number(b.getAttribute('height'))),
    sign: container.querySelector('path.sign')?.getAttribute('d') ?? null,
    fills: [...container.querySelectorAll('[fill]')].map((e) => e.getAttribute('fill')),
    hidden: container.querySelector('svg')?.getAttribute('aria-hidden'),
  };
}

describe('answer pictures', () => {
  const all = [1, 2, 3, 4, 5].map(shape);

  it('fills one more bar for each step towards agreeing', () => {
    expect(all.map((s) => s.filled)).toEqual([1, 2, 3, 4, 5]);
    for (const s of all) expect(s.bars).toBe(5);
  });

  it('tells every answer apart by geometry alone, and the two sides by a minus or plus sign', () => {
    const keys = all.map((s) => `${s.filled}|${s.sign}`);
    expect(new Set(keys).size).toBe(5);
    expect(all[0]!.sign).toBe(all[1]!.sign); // both "disagree": a minus
    expect(all[3]!.sign).toBe(all[4]!.sign); // both "agree": a plus
    expect(all[2]!.sign).toBeNull();
    expect(all[0]!.sign).not.toBe(all[4]!.sign);
    // The bars rise: height alone shows which end is "agree".
    const h = all[0]!.heights;
    expect([...h].sort((a, b) => a - b)).toEqual(h);
  });

  it('uses no colour to carry meaning: only the text colour, filled or not', () => {
    for (const s of all) {
      expect(new Set(s.fills)).toEqual(
        new Set(s.filled === 5 ? ['currentColor'] : ['currentColor', 'none']),
      );
      expect(s.hidden).toBe('true'); // the button's text is the accessible name
    }
  });
});
