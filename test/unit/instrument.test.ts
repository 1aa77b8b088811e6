// parseInstrument on the pilot file and on broken copies of it; ordered access and the answer range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answerRange,
  instrumentKey,
  isAnswerValue,
  itemsInOrder,
  parseInstrument,
} from '../../src/shared/core/instrument.ts';
import { instrumentArb, pilot, rawPilot, type RawInstrument } from './support.ts';

const broken = (edit: (raw: RawInstrument) => void): RawInstrument => {
  const raw = rawPilot();
  edit(raw);
  return raw;
};

describe('parseInstrument accepts the pilot file', () => {
  it('has 27 items in three parts, in the pilot order', () => {
    const ids = itemsInOrder(pilot).map(({ item }) => item.id);
    expect(ids).toHaveLength(27);
    expect(pilot.parts.map((p) => [p.id, p.items.length])).toEqual([
      ['A', 10],
      ['B', 6],
      ['C', 11],
    ]);
    expect(ids.slice(0, 3)).toEqual(['A1', 'A2', 'A3']);
    expect(ids.at(-1)).toBe('C11');
    expect(new Set(ids).size).toBe(27);
  });

  it('has the scale counts of the pilot', () => {
    const counts: Record<string, number> = {};
    for (const { item } of itemsInOrder(pilot)) counts[item.scale] = (counts[item.scale] ?? 0) + 1;
    expect(counts).toEqual({
      verbondenheid: 4,
      overgave: 3,
      weerstand: 5,
      onthechting: 4,
      omzeiling: 3,
      begeleider: 1,
      politieagent: 1,
      leraar: 1,
      sociale_wenselijkheid: 5,
    });
  });

  it('has five postures with advice, three roles and one desirability scale', () => {
    const byKind = (k: string) => pilot.scales.filter((s) => s.kind === k).map((s) => s.id);
    expect(byKind('posture')).toEqual([
      'verbondenheid',
      'overgave',
      'weerstand',
      'onthechting',
      'omzeiling',
    ]);
    expect(byKind('role')).toEqual(['begeleider', 'politieagent', 'leraar']);
    expect(byKind('desirability')).toEqual(['sociale_wenselijkheid']);
    for (const s of pilot.scales.filter((x) => x.kind === 'posture')) {
      expect(s.advice?.full.length).toBeGreaterThan(0);
      expect(s.advice?.short.length).toBeGreaterThan(0);
    }
  });

  it('keeps id, version, title, placeholders and the 1..5 answer scale', () => {
    expect(instrumentKey(pilot)).toBe('pilot-2019@1');
    expect(pilot.title).toBe('Vragenlijst Slimme Handhaving');
    expect(pilot.placeholders).toEqual(['agency']);
    expect(pilot.answerScale.map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(pilot.answerScale[0]?.label).toBe('Geheel oneens');
    expect(answerRange(pilot)).toEqual({ min: 1, max: 5 });
  });

  it('isAnswerValue accepts exactly the scale values', () => {
    for (const v of [1, 2, 3, 4, 5]) expect(isAnswerValue(pilot, v)).toBe(true);
    for (const v of [0, 6, 2.5, -1, NaN, '3', null, undefined])
      expect(isAnswerValue(pilot, v)).toBe(false);
  });

  it('parses its own output to the same instrument (round trip through JSON)', () => {
    expect(parseInstrument(JSON.parse(JSON.stringify(pilot)))).toEqual(pilot);
  });

  it('accepts any generated instrument and keeps its items', () => {
    fc.assert(
      fc.property(instrumentArb, (inst) => {
        expect(parseInstrument(JSON.parse(JSON.stringify(inst)))).toEqual(inst);
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseInstrument rejects broken files with a message naming the problem', () => {
  const cases: [string, (raw: RawInstrument) => void, RegExp][] = [
    [
      'a duplicate item id',
      (r) => {
        r.parts[2]!.items[0]!.id = 'A1';
      },
      /item id A1 is used twice/,
    ],
    [
      'a duplicate item id within one part',
      (r) => {
        r.parts[0]!.items[1]!.id = 'A1';
      },
      /item id A1 is used twice/,
    ],
    [
      'an unknown scale',
      (r) => {
        r.parts[0]!.items[0]!.scale = 'verbondenheit';
      },
      /item A1 names unknown scale verbondenheit/,
    ],
    [
      'a missing item text',
      (r) => {
        delete r.parts[1]!.items[2]!.text;
      },
      /item B3 text must be a non-empty string/,
    ],
    [
      'an empty item text',
      (r) => {
        r.parts[1]!.items[2]!.text = '';
      },
      /item B3 text must be a non-empty string/,
    ],
    [
      'a missing item id',
      (r) => {
        delete r.parts[0]!.items[0]!.id;
      },
      /item id must be a non-empty string/,
    ],
    [
      'version 0',
      (r) => {
        r.version = 0;
      },
      /version must be a positive integer/,
    ],
    [
      'a fractional version',
      (r) => {
        r.version = 1.5;
      },
      /version must be a positive integer/,
    ],
    [
      'a version as a string',
      (r) => {
        r.version = '1';
      },
      /version must be a positive integer/,
    ],
    [
      'a missing version',
      (r) => {
        delete r.version;
      },
      /version must be a positive integer/,
    ],
    [
      'minAnswered larger than the item count',
      (r) => {
        r.scales[0]!.minAnswered = 5;
      },
      /scale verbondenheid has 4 items but needs 5 answers/,
    ],
    [
      'a role answered by no item',
      (r) => {
        r.parts[1]!.items[5]!.scale = 'begeleider';
      },
      /scale leraar has 0 items but needs 1 answers/,
    ],
    [
      'minAnswered 0',
      (r) => {
        r.scales[2]!.minAnswered = 0;
      },
      /scales\[2\]\.minAnswered must be a positive integer/,
    ],
    [
      'an unknown scale kind',
      (r) => {
        r.scales[1]!.kind = 'mood';
      },
      /scales\[1\]\.kind must be one of posture, role, desirability/,
    ],
    [
      'a duplicate scale id',
      (r) => {
        r.scales[1]!.id = 'verbondenheid';
      },
      /scale ids must be unique/,
    ],
    [
      'two desirability scales',
      (r) => {
        r.scales[8]!.kind = 'desirability';
        r.scales[7]!.kind = 'desirability';
      },
      /at most one scale may be of kind desirability/,
    ],
    [
      'an answer scale with one option',
      (r) => {
        r.answerScale = r.answerScale.slice(0, 1);
      },
      /answerScale needs at least two options/,
    ],
    [
      'an answer scale with a repeated value',
      (r) => {
        r.answerScale[4]!.value = 1;
      },
      /answerScale values must be unique/,
    ],
    [
      'a non-numeric answer value',
      (r) => {
        r.answerScale[2]!.value = '3';
      },
      /answerScale\[2\]\.value must be a number/,
    ],
    [
      'an empty part',
      (r) => {
        r.parts[1]!.items = [];
      },
      /parts\[1\]\.items must be a non-empty array/,
    ],
    [
      'no parts',
      (r) => {
        r.parts = [];
      },
      /parts must be a non-empty array/,
    ],
    [
      'advice without a short form',
      (r) => {
        r.scales[0]!.advice = { full: 'x' };
      },
      /advice\.short must be a non-empty string/,
    ],
    [
      'a missing id',
      (r) => {
        delete r.id;
      },
      /\bid must be a non-empty string/,
    ],
  ];

  it.each(cases)('%s', (_name, edit, message) => {
    expect(() => parseInstrument(broken(edit))).toThrow(/^Invalid instrument: /);
    expect(() => parseInstrument(broken(edit))).toThrow(message);
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, undefined, 42, 'pilot', [rawPilot()]])
      expect(() => parseInstrument(input)).toThrow(/instrument must be an object/);
  });
});
