// Properties of scoring on random answer sets, on the pilot instrument and on random instruments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemsInOrder, type Instrument } from '../../src/shared/core/instrument.ts';
import {
  DEFAULT_SCORING,
  scoreAnswers,
  type Answers,
  type Profile,
  type ScoringSettings,
} from '../../src/shared/core/scoring.ts';
import {
  answersArb,
  answerValues,
  instrumentArb,
  instrumentWithAnswersArb,
  pilot,
  presentationArb,
  regroup,
} from './support.ts';

const settingsArb = fc.record({
  dominantThreshold: fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.double({ min: 0, max: 100, noNaN: true }),
  ),
  desirabilityCautionAbove: fc.oneof(
    fc.integer({ min: 1, max: 5 }),
    fc.double({ min: 1, max: 5, noNaN: true }),
  ),
});

/** The score a scale reports: percent, role value or mean; null when too few answers. */
function scaleScore(profile: Profile, scale: string): number | null {
  const p = profile.postures.find((x) => x.scale === scale);
  if (p) return p.percent;
  const r = profile.roles.find((x) => x.scale === scale);
  if (r) return r.value;
  if (profile.desirability?.scale === scale) return profile.desirability.mean;
  throw new Error(`no scale ${scale}`);
}

/** Checks what must hold for any profile, using exact integer arithmetic as the reference. */
function checkInvariants(
  instrument: Instrument,
  answers: Answers,
  settings: ScoringSettings,
  profile: Profile,
): void {
  const values = answerValues(instrument);
  const min = values[0]!;
  const max = values[values.length - 1]!;
  const threshold = settings.dominantThreshold;
  expect(profile.threshold).toBe(threshold);
  for (const p of profile.postures) {
    const scale = instrument.scales.find((s) => s.id === p.scale)!;
    const ids = itemsInOrder(instrument)
      .filter(({ item }) => item.scale === p.scale)
      .map(({ item }) => item.id);
    const given = ids.map((id) => answers[id]).filter((v) => v !== undefined);
    expect(p.items).toBe(ids.length);
    expect(p.answered).toBe(given.length);
    if (given.length < scale.minAnswered) {
      expect(p.percent).toBeNull();
      expect(p.dominant).toBe(false);
      continue;
    }
    expect(p.percent).not.toBeNull();
    const percent = p.percent!;
    expect(Number.isFinite(percent)).toBe(true);
    expect(percent).toBeGreaterThanOrEqual(0);
    expect(percent).toBeLessThanOrEqual(100);
    // Exact reference: dominant iff (sum − n·min)·100 > threshold·n·(max − min), all integers when threshold is.
    const sum = given.reduce((a, b) => a + b, 0);
    const n = given.length;
    if (Number.isInteger(threshold))
      expect(p.dominant).toBe((sum - n * min) * 100 > threshold * n * (max - min));
    else expect(p.dominant).toBe(percent > threshold);
  }
  expect(profile.dominant).toEqual(profile.postures.filter((p) => p.dominant).map((p) => p.scale));
  const answeredRoles = profile.roles.filter((r) => r.value !== null);
  for (const r of answeredRoles) expect(values).toContain(r.value);
  const best = Math.max(...answeredRoles.map((r) => r.value!));
  expect(profile.topRoles).toEqual(
    answeredRoles.filter((r) => r.value === best).map((r) => r.scale),
  );
  const d = profile.desirability;
  const desireScale = instrument.scales.find((s) => s.kind === 'desirability');
  expect(d?.scale).toBe(desireScale?.id);
  if (d && d.mean !== null) {
    expect(d.answered).toBeGreaterThanOrEqual(desireScale!.minAnswered);
    expect(d.mean).toBeGreaterThanOrEqual(min);
    expect(d.mean).toBeLessThanOrEqual(max);
    expect(d.caution).toBe(d.mean > settings.desirabilityCautionAbove);
  } else if (d) {
    expect(d.answered).toBeLessThan(desireScale!.minAnswered);
    expect(d.caution).toBe(false);
  }
}

/** For every posture whose exact percentage is a whole number t: scored at threshold t it reads t and is not dominant. */
function checkExactlyAtThreshold(instrument: Instrument, answers: Answers): void {
  const values = answerValues(instrument);
  const min = values[0]!;
  const range = values[values.length - 1]! - min;
  for (const p of scoreAnswers(instrument, answers).postures) {
    if (p.percent === null) continue;
    const given = itemsInOrder(instrument)
      .filter(({ item }) => item.scale === p.scale)
      .map(({ item }) => answers[item.id])
      .filter((v): v is number => v !== undefined);
    const num = (given.reduce((a, b) => a + b, 0) - given.length * min) * 100;
    const den = given.length * range;
    if (num % den !== 0) continue;
    const t = num / den;
    const at = scoreAnswers(instrument, answers, { ...DEFAULT_SCORING, dominantThreshold: t });
    const scored = at.postures.find((x) => x.scale === p.scale)!;
    expect(scored.percent).toBe(t);
    expect(scored.dominant).toBe(false);
  }
}

describe('scoring properties on the pilot instrument', () => {
  it('every non-null posture percent is within 0..100, and dominance matches exact arithmetic', () => {
    fc.assert(
      fc.property(answersArb(pilot), settingsArb, (answers, settings) => {
        const profile = scoreAnswers(pilot, answers, settings);
        checkInvariants(pilot, answers, settings, profile);
      }),
      { numRuns: 500 },
    );
  });

  it('with every item answered every posture has a score', () => {
    fc.assert(
      fc.property(answersArb(pilot, 'all'), (answers) => {
        expect(Object.keys(answers)).toHaveLength(27);
        const p = scoreAnswers(pilot, answers);
        expect(p.postures.every((x) => x.percent !== null)).toBe(true);
        expect(p.desirability?.mean).not.toBeNull();
        expect(p.topRoles.length).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it('a posture whose percentage equals the threshold exactly is not dominant', () => {
    fc.assert(
      fc.property(answersArb(pilot, 'mostly'), (answers) =>
        checkExactlyAtThreshold(pilot, answers),
      ),
      { numRuns: 500 },
    );
  });

  it('does not depend on item order, within or across parts', () => {
    const n = itemsInOrder(pilot).length;
    fc.assert(
      fc.property(answersArb(pilot), presentationArb(n), (answers, { order, cuts }) => {
        const reordered = regroup(pilot, order, cuts);
        expect(scoreAnswers(reordered, answers)).toEqual(scoreAnswers(pilot, answers));
      }),
      { numRuns: 300 },
    );
  });

  it('ignores answers to unknown item ids', () => {
    const known = new Set(itemsInOrder(pilot).map(({ item }) => item.id));
    fc.assert(
      fc.property(
        answersArb(pilot),
        fc.dictionary(
          fc.string().filter((k) => !known.has(k) && k !== '__proto__'),
          fc.integer({ min: -10, max: 10 }),
        ),
        (answers, extra) => {
          expect(scoreAnswers(pilot, { ...extra, ...answers })).toEqual(
            scoreAnswers(pilot, answers),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is monotonic: raising one answer never lowers its scale, strictly raises a reported score', () => {
    checkMonotonic(fc.constant(pilot), 500);
  });
});

describe('scoring properties on random instruments', () => {
  it('invariants hold (percent 0..100, null below minAnswered, exact dominance, roles, mean)', () => {
    fc.assert(
      fc.property(instrumentWithAnswersArb, settingsArb, ({ instrument, answers }, settings) => {
        checkInvariants(instrument, answers, settings, scoreAnswers(instrument, answers, settings));
      }),
      { numRuns: 500 },
    );
  });

  it('does not depend on item order, within or across parts', () => {
    fc.assert(
      fc.property(
        instrumentWithAnswersArb.chain(({ instrument, answers }) =>
          presentationArb(itemsInOrder(instrument).length).map((pres) => ({
            instrument,
            answers,
            pres,
          })),
        ),
        ({ instrument, answers, pres }) => {
          const reordered = regroup(instrument, pres.order, pres.cuts);
          expect(scoreAnswers(reordered, answers)).toEqual(scoreAnswers(instrument, answers));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a posture whose percentage equals the threshold exactly is not dominant', () => {
    fc.assert(
      fc.property(instrumentWithAnswersArb, ({ instrument, answers }) =>
        checkExactlyAtThreshold(instrument, answers),
      ),
      { numRuns: 500 },
    );
  });

  it('is monotonic in every answer', () => {
    checkMonotonic(instrumentArb, 500);
  });
});

/** Sets one item (answered or not in the base answers) to a value, then to a higher one, and compares the profiles. */
function checkMonotonic(instruments: fc.Arbitrary<Instrument>, numRuns: number): void {
  const case_ = instruments.chain((instrument) => {
    const items = itemsInOrder(instrument).map(({ item }) => item);
    const values = answerValues(instrument);
    return fc
      .tuple(
        answersArb(instrument, 'mostly'),
        fc.constantFrom(...items),
        fc.integer({ min: 0, max: values.length - 2 }),
        fc.integer({ min: 1, max: values.length - 1 }),
      )
      .map(([answers, item, from, step]) => ({
        instrument,
        answers,
        item,
        from: values[from]!,
        to: values[Math.min(values.length - 1, from + step)]!,
      }));
  });
  fc.assert(
    fc.property(case_, ({ instrument, answers, item, from, to }) => {
      const before = scoreAnswers(instrument, { ...answers, [item.id]: from });
      const after = scoreAnswers(instrument, { ...answers, [item.id]: to });
      const b = scaleScore(before, item.scale);
      const a = scaleScore(after, item.scale);
      // Changing one answer never changes whether the scale has a score.
      expect(a === null).toBe(b === null);
      if (a !== null && b !== null) {
        const kind = instrument.scales.find((s) => s.id === item.scale)!.kind;
        // A role with several items reports its highest answer, which a raise of a lower one need not move.
        const others = itemsInOrder(instrument)
          .filter(({ item: it }) => it.scale === item.scale && it.id !== item.id)
          .map(({ item: it }) => answers[it.id])
          .filter((v): v is number => v !== undefined);
        if (kind === 'role' && others.some((v) => v >= to)) expect(a).toBe(b);
        else expect(a).toBeGreaterThan(b);
      }
      // Every other scale is untouched.
      for (const s of instrument.scales)
        if (s.id !== item.scale) expect(scaleScore(after, s.id)).toBe(scaleScore(before, s.id));
      // A posture that was dominant stays dominant.
      const wasDominant = before.postures.find((p) => p.scale === item.scale)?.dominant;
      if (wasDominant) expect(after.dominant).toContain(item.scale);
    }),
    { numRuns },
  );
}
