// Scoring against the real pilot instrument: the pilot's worked examples, dominance, roles, social desirability and
// what happens with too few answers.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, scoreAnswers, type Profile } from '../../src/shared/core/scoring.ts';
import { restoreSettings } from '../../src/shared/core/settings.ts';
import { answerScale, buildInstrument, itemsOf, pilot } from './support.ts';

const posture = (p: Profile, scale: string) => {
  const found = p.postures.find((x) => x.scale === scale);
  if (!found) throw new Error(`no posture ${scale}`);
  return found;
};
const role = (p: Profile, scale: string) => p.roles.find((r) => r.scale === scale)?.value;

describe('posture scores', () => {
  it('reproduces the pilot worked example: verbondenheid 5,5,5,4 is 93.75%', () => {
    const p = scoreAnswers(pilot, answerScale(pilot, 'verbondenheid', [5, 5, 5, 4]));
    expect(posture(p, 'verbondenheid')).toEqual({
      scale: 'verbondenheid',
      answered: 4,
      items: 4,
      percent: 93.75,
      dominant: true,
    });
    expect(p.dominant).toEqual(['verbondenheid']);
  });

  it('maps the lowest answer to 0% and the highest to 100%', () => {
    const low = scoreAnswers(pilot, answerScale(pilot, 'weerstand', [1, 1, 1, 1, 1]));
    const high = scoreAnswers(pilot, answerScale(pilot, 'weerstand', [5, 5, 5, 5, 5]));
    expect(posture(low, 'weerstand').percent).toBe(0);
    expect(posture(high, 'weerstand').percent).toBe(100);
  });

  it('scores on the answered items only (mean of what was answered)', () => {
    // verbondenheid needs 3 of its 4 items: 5,4,3 → mean 4 → 75%.
    const p = scoreAnswers(pilot, answerScale(pilot, 'verbondenheid', [5, 4, 3]));
    expect(posture(p, 'verbondenheid')).toMatchObject({ answered: 3, items: 4, percent: 75 });
  });

  it('lists postures in the instrument order with item counts, even with no answers', () => {
    const p = scoreAnswers(pilot, {});
    expect(p.postures.map((x) => [x.scale, x.items, x.answered, x.percent, x.dominant])).toEqual([
      ['verbondenheid', 4, 0, null, false],
      ['overgave', 3, 0, null, false],
      ['weerstand', 5, 0, null, false],
      ['onthechting', 4, 0, null, false],
      ['omzeiling', 3, 0, null, false],
    ]);
    expect(p.dominant).toEqual([]);
    expect(p.instrumentId).toBe('pilot-2019');
    expect(p.instrumentVersion).toBe(1);
  });
});

describe('dominant postures', () => {
  it('62.5% is dominant at the default threshold of 62', () => {
    const p = scoreAnswers(pilot, answerScale(pilot, 'verbondenheid', [4, 3, 4, 3]));
    expect(posture(p, 'verbondenheid').percent).toBe(62.5);
    expect(posture(p, 'verbondenheid').dominant).toBe(true);
    expect(p.threshold).toBe(62);
  });

  it('exactly 62% is not dominant at threshold 62 (strictly higher)', () => {
    // 62% needs a mean of 3.48, e.g. 25 items summing to 87 (no pilot scale has that many items).
    const big = buildInstrument([{ id: 'p', kind: 'posture', items: 25, minAnswered: 1 }]);
    const values = [...Array<number>(12).fill(4), ...Array<number>(13).fill(3)];
    expect(values.reduce((a, b) => a + b)).toBe(87);
    const answers = Object.fromEntries(itemsOf(big, 'p').map((id, i) => [id, values[i]!]));
    const p = scoreAnswers(big, answers);
    expect(posture(p, 'p').percent).toBe(62);
    expect(posture(p, 'p').dominant).toBe(false);
    expect(p.dominant).toEqual([]);
  });

  it('a percentage exactly at the threshold is never dominant (no floating-point drift)', () => {
    // weerstand 4,3,3,3,3 → mean 3.2 → exactly 55%; computing (mean − 1) / 4 × 100 gave 55.00000000000001.
    const answers = answerScale(pilot, 'weerstand', [4, 3, 3, 3, 3]);
    const at55 = scoreAnswers(pilot, answers, { ...DEFAULT_SCORING, dominantThreshold: 55 });
    expect(posture(at55, 'weerstand').percent).toBe(55);
    expect(posture(at55, 'weerstand').dominant).toBe(false);
    const at54 = scoreAnswers(pilot, answers, { ...DEFAULT_SCORING, dominantThreshold: 54.99 });
    expect(posture(at54, 'weerstand').dominant).toBe(true);
  });

  it('takes the threshold from the settings', () => {
    const answers = answerScale(pilot, 'verbondenheid', [5, 5, 5, 4]); // 93.75%
    const strict = restoreSettings({ scoring: { dominantThreshold: 95 } }).scoring;
    const lax = restoreSettings({ scoring: { dominantThreshold: 10 } }).scoring;
    const atExactly = restoreSettings({ scoring: { dominantThreshold: 93.75 } }).scoring;
    expect(scoreAnswers(pilot, answers, strict).dominant).toEqual([]);
    expect(scoreAnswers(pilot, answers, strict).threshold).toBe(95);
    expect(scoreAnswers(pilot, answers, lax).dominant).toEqual(['verbondenheid']);
    expect(scoreAnswers(pilot, answers, atExactly).dominant).toEqual([]);
  });

  it('can have several dominant postures, in instrument order', () => {
    const p = scoreAnswers(pilot, {
      ...answerScale(pilot, 'verbondenheid', [5, 5, 5, 5]),
      ...answerScale(pilot, 'overgave', [2, 2, 2]),
      ...answerScale(pilot, 'weerstand', [4, 4, 4, 4, 4]),
      ...answerScale(pilot, 'omzeiling', [5, 4, 4]),
    });
    expect(p.dominant).toEqual(['verbondenheid', 'weerstand', 'omzeiling']);
  });

  it('can have none', () => {
    const p = scoreAnswers(pilot, {
      ...answerScale(pilot, 'verbondenheid', [3, 3, 3, 3]),
      ...answerScale(pilot, 'overgave', [1, 2, 3]),
      ...answerScale(pilot, 'weerstand', [2, 2, 2, 2, 2]),
      ...answerScale(pilot, 'onthechting', [1, 1, 1, 1]),
      ...answerScale(pilot, 'omzeiling', [3, 3, 3]),
    });
    expect(p.postures.every((x) => x.percent !== null)).toBe(true);
    expect(p.dominant).toEqual([]);
  });
});

describe('too few answers', () => {
  it('below minAnswered the percent is null and the posture is not dominant', () => {
    // verbondenheid needs 3: two maximal answers are still not a score.
    const p = scoreAnswers(pilot, answerScale(pilot, 'verbondenheid', [5, 5]));
    expect(posture(p, 'verbondenheid')).toEqual({
      scale: 'verbondenheid',
      answered: 2,
      items: 4,
      percent: null,
      dominant: false,
    });
    expect(p.dominant).toEqual([]);
  });

  it('exactly minAnswered answers give a score', () => {
    const w = scoreAnswers(pilot, answerScale(pilot, 'weerstand', [5, 5, 5, 4]));
    expect(posture(w, 'weerstand')).toMatchObject({ answered: 4, percent: 93.75, dominant: true });
    const w3 = scoreAnswers(pilot, answerScale(pilot, 'weerstand', [5, 5, 5]));
    expect(posture(w3, 'weerstand')).toMatchObject({ answered: 3, percent: null });
  });

  it('with threshold 0 an unscored posture is still not dominant, and never NaN', () => {
    const p = scoreAnswers(pilot, {}, { dominantThreshold: 0, desirabilityCautionAbove: 1 });
    for (const x of p.postures) {
      expect(x.percent).toBeNull();
      expect(x.dominant).toBe(false);
    }
    expect(p.desirability).toMatchObject({ mean: null, caution: false });
    expect(p.roles.every((r) => r.value === null)).toBe(true);
    expect(p.topRoles).toEqual([]);
  });

  it('ignores answers for item ids the instrument does not have', () => {
    const base = answerScale(pilot, 'verbondenheid', [5, 5, 5, 4]);
    const noisy = { ...base, Z1: 1, Z2: 5, a1: 1, '': 3, toString: 2, verbondenheid: 1 };
    expect(scoreAnswers(pilot, noisy)).toEqual(scoreAnswers(pilot, base));
    expect(posture(scoreAnswers(pilot, { X9: 5 }), 'verbondenheid').answered).toBe(0);
  });
});

describe('imago roles', () => {
  it("the pilot's staff screen: begeleider 5, politieagent 4, leraar 2 → begeleider", () => {
    const p = scoreAnswers(pilot, {
      ...answerScale(pilot, 'begeleider', [5]),
      ...answerScale(pilot, 'politieagent', [4]),
      ...answerScale(pilot, 'leraar', [2]),
    });
    expect(p.roles).toEqual([
      { scale: 'begeleider', value: 5 },
      { scale: 'politieagent', value: 4 },
      { scale: 'leraar', value: 2 },
    ]);
    expect(p.topRoles).toEqual(['begeleider']);
  });

  it('lists every top role when they tie', () => {
    const two = scoreAnswers(pilot, { B4: 4, B5: 4, B6: 2 });
    expect(two.topRoles).toEqual(['begeleider', 'politieagent']);
    const three = scoreAnswers(pilot, { B4: 3, B5: 3, B6: 3 });
    expect(three.topRoles).toEqual(['begeleider', 'politieagent', 'leraar']);
    const low = scoreAnswers(pilot, { B4: 1, B5: 1, B6: 1 });
    expect(low.topRoles).toEqual(['begeleider', 'politieagent', 'leraar']);
  });

  it('ranks only the answered roles', () => {
    const p = scoreAnswers(pilot, { B6: 1 });
    expect(role(p, 'begeleider')).toBeNull();
    expect(role(p, 'politieagent')).toBeNull();
    expect(role(p, 'leraar')).toBe(1);
    expect(p.topRoles).toEqual(['leraar']);
  });

  it('has no top role when no role was answered', () => {
    const p = scoreAnswers(pilot, answerScale(pilot, 'verbondenheid', [5, 5, 5, 5]));
    expect(p.topRoles).toEqual([]);
  });
});

describe('social desirability', () => {
  it('is the mean of its items on the answer scale, not a percentage', () => {
    const p = scoreAnswers(pilot, answerScale(pilot, 'sociale_wenselijkheid', [5, 4, 4, 4, 4]));
    expect(p.desirability).toEqual({
      scale: 'sociale_wenselijkheid',
      answered: 5,
      items: 5,
      mean: 4.2,
      caution: true,
    });
  });

  it('cautions only strictly above the setting', () => {
    const at4 = scoreAnswers(pilot, answerScale(pilot, 'sociale_wenselijkheid', [4, 4, 4, 4, 4]));
    expect(at4.desirability).toMatchObject({ mean: 4, caution: false });
    const answers = answerScale(pilot, 'sociale_wenselijkheid', [3, 4, 4, 4]); // mean 3.75
    expect(scoreAnswers(pilot, answers).desirability?.caution).toBe(false);
    const lower = restoreSettings({ scoring: { desirabilityCautionAbove: 3.5 } }).scoring;
    expect(scoreAnswers(pilot, answers, lower).desirability).toMatchObject({
      mean: 3.75,
      caution: true,
    });
    const exactly = restoreSettings({ scoring: { desirabilityCautionAbove: 3.75 } }).scoring;
    expect(scoreAnswers(pilot, answers, exactly).desirability?.caution).toBe(false);
  });

  it('needs minAnswered (4) answers before it reports a mean', () => {
    const p = scoreAnswers(pilot, answerScale(pilot, 'sociale_wenselijkheid', [5, 5, 5]));
    expect(p.desirability).toEqual({
      scale: 'sociale_wenselijkheid',
      answered: 3,
      items: 5,
      mean: null,
      caution: false,
    });
  });

  it('is null when the instrument has no desirability scale', () => {
    const noDesire = buildInstrument([{ id: 'p', kind: 'posture', items: 2, minAnswered: 1 }]);
    expect(scoreAnswers(noDesire, { p_1: 5 }).desirability).toBeNull();
  });
});
