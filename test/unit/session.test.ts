// The flow consent → details → items → review and back, resuming, unanswered items and the completed record.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  itemsInOrder,
  parseInstrument,
  type Instrument,
} from '../../src/shared/core/instrument.ts';
import { DEFAULT_SCORING, scoreAnswers } from '../../src/shared/core/scoring.ts';
import {
  completeRecord,
  nextStep,
  previousStep,
  resumeStep,
  unansweredItems,
  type Session,
  type Step,
} from '../../src/shared/core/session.ts';
import { answersArb, answerScale, instrumentArb, pilot, rawPilot } from './support.ts';

const ids = (instrument: Instrument) => itemsInOrder(instrument).map(({ item }) => item.id);

function walk(instrument: Instrument, from: Step, move: typeof nextStep): Step[] {
  const steps = [from];
  for (let s = move(instrument, from); s !== null; s = move(instrument, s)) {
    steps.push(s);
    if (steps.length > 10_000) throw new Error('the flow does not end');
  }
  return steps;
}

describe('nextStep and previousStep', () => {
  it('walk the pilot from consent to review, every item once, in order', () => {
    const forward = walk(pilot, { kind: 'consent' }, nextStep);
    expect(forward).toEqual([
      { kind: 'consent' },
      { kind: 'details' },
      ...Array.from({ length: 27 }, (_, index) => ({ kind: 'item', index })),
      { kind: 'review' },
    ]);
    expect(nextStep(pilot, { kind: 'review' })).toBeNull();
  });

  it('walk back from review to consent along the same steps', () => {
    const back = walk(pilot, { kind: 'review' }, previousStep);
    expect(back).toEqual(walk(pilot, { kind: 'consent' }, nextStep).reverse());
    expect(previousStep(pilot, { kind: 'consent' })).toBeNull();
    expect(previousStep(pilot, { kind: 'item', index: 0 })).toEqual({ kind: 'details' });
    expect(previousStep(pilot, { kind: 'review' })).toEqual({ kind: 'item', index: 26 });
  });

  it('previousStep undoes nextStep on any instrument, and the flow has items + 3 steps', () => {
    fc.assert(
      fc.property(instrumentArb, (instrument) => {
        const forward = walk(instrument, { kind: 'consent' }, nextStep);
        expect(forward).toHaveLength(itemsInOrder(instrument).length + 3);
        expect(walk(instrument, { kind: 'review' }, previousStep)).toEqual([...forward].reverse());
        for (let i = 0; i + 1 < forward.length; i++)
          expect(previousStep(instrument, nextStep(instrument, forward[i]!)!)).toEqual(forward[i]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('resumeStep', () => {
  it('keeps the stored step when no answer is newer', () => {
    const stored: Step = { kind: 'item', index: 4 };
    expect(resumeStep(pilot, stored, 1000, {})).toEqual(stored);
    expect(resumeStep(pilot, stored, 1000, { A1: 500, A2: 999 })).toEqual(stored);
  });

  it('continues after the newest answer when it is newer than the stored step', () => {
    expect(resumeStep(pilot, { kind: 'item', index: 2 }, 1000, { A1: 900, A4: 1500 })).toEqual({
      kind: 'item',
      index: 4,
    });
    expect(resumeStep(pilot, { kind: 'item', index: 2 }, 1000, { C11: 2000, A1: 1500 })).toEqual({
      kind: 'review',
    });
  });

  it('ignores an answer to an item the instrument does not have', () => {
    const stored: Step = { kind: 'details' };
    expect(resumeStep(pilot, stored, 1000, { Z9: 5000 })).toEqual(stored);
  });
});

describe('unansweredItems', () => {
  it('lists every item, in order, when nothing is answered', () => {
    expect(unansweredItems(pilot, {})).toEqual(ids(pilot));
    expect(unansweredItems(pilot, {})).toHaveLength(27);
  });

  it('lists nothing when everything is answered', () => {
    expect(unansweredItems(pilot, Object.fromEntries(ids(pilot).map((id) => [id, 3])))).toEqual([]);
  });

  it('lists the rest, in order, and ignores unknown ids', () => {
    const answers = { A1: 5, B4: 1, C11: 3, Z1: 4 };
    const rest = unansweredItems(pilot, answers);
    expect(rest).toHaveLength(24);
    expect(rest.slice(0, 3)).toEqual(['A2', 'A3', 'A4']);
    expect(rest).not.toContain('A1');
    expect(rest).not.toContain('Z1');
    expect(rest.at(-1)).toBe('C10');
  });

  it('does not take inherited properties for answers (item ids like toString)', () => {
    const raw = rawPilot();
    raw.parts[0]!.items[0]!.id = 'toString';
    raw.parts[0]!.items[1]!.id = 'constructor';
    const odd = parseInstrument(raw);
    expect(unansweredItems(odd, {}).slice(0, 2)).toEqual(['toString', 'constructor']);
    expect(unansweredItems(odd, { toString: 4 }).slice(0, 1)).toEqual(['constructor']);
    expect(scoreAnswers(odd, {}).postures[0]?.answered).toBe(0);
  });

  it('is exactly the items without an answer, on any instrument', () => {
    fc.assert(
      fc.property(
        instrumentArb.chain((instrument) =>
          answersArb(instrument).map((answers) => ({ instrument, answers })),
        ),
        ({ instrument, answers }) => {
          const rest = unansweredItems(instrument, answers);
          expect(rest).toEqual(ids(instrument).filter((id) => !(id in answers)));
          expect(rest.length + Object.keys(answers).length).toBe(ids(instrument).length);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('completeRecord', () => {
  const session: Session = {
    id: '5f0c7d8e-0000-4000-8000-000000000001',
    instrumentId: 'pilot-2019',
    instrumentVersion: 1,
    language: 'tr',
    languagesUsed: ['nl', 'tr'],
    pictograms: false,
    readAloud: false,
    status: 'open',
    step: { kind: 'review' },
    startedAt: 1_700_000_000_000,
    updatedAt: 1_700_000_500_000,
    stepAt: 1_700_000_500_000,
    completedAt: null,
    reference: 'AFS-1234',
    details: { firstName: 'Zoë', gender: 'female' },
    consentAt: 1_700_000_010_000,
  };

  it('copies the session and scores the answers on the device', () => {
    const answers = {
      ...answerScale(pilot, 'verbondenheid', [5, 5, 5, 4]),
      ...answerScale(pilot, 'begeleider', [5]),
      ...answerScale(pilot, 'politieagent', [4]),
      ...answerScale(pilot, 'leraar', [2]),
    };
    const answeredAt = Object.fromEntries(Object.keys(answers).map((id, i) => [id, 1000 + i]));
    const scoring = { ...DEFAULT_SCORING, dominantThreshold: 50 };
    const record = completeRecord(pilot, session, answers, answeredAt, scoring, 1_700_000_600_000);
    expect(record).toEqual({
      sessionId: session.id,
      instrumentId: 'pilot-2019',
      instrumentVersion: 1,
      language: 'tr',
      languagesUsed: ['nl', 'tr'],
      reference: 'AFS-1234',
      details: { firstName: 'Zoë', gender: 'female' },
      answers,
      answeredAt,
      profile: scoreAnswers(pilot, answers, scoring),
      startedAt: session.startedAt,
      consentAt: session.consentAt,
      completedAt: 1_700_000_600_000,
    });
    expect(record.profile.postures[0]).toMatchObject({ scale: 'verbondenheid', percent: 93.75 });
    expect(record.profile.threshold).toBe(50);
    expect(record.profile.dominant).toEqual(['verbondenheid']);
    expect(record.profile.topRoles).toEqual(['begeleider']);
  });

  it('always lists the final language among the languages used (a row from an older tablet may lack it)', () => {
    const record = completeRecord(
      pilot,
      { ...session, language: 'fa', languagesUsed: ['nl'] },
      {},
      {},
      DEFAULT_SCORING,
      1,
    );
    expect(record.languagesUsed).toEqual(['nl', 'fa']);
  });

  it('scores an empty session without numbers', () => {
    const record = completeRecord(pilot, session, {}, {}, DEFAULT_SCORING, 1);
    expect(record.profile.postures.every((p) => p.percent === null && !p.dominant)).toBe(true);
    expect(record.profile.desirability?.mean).toBeNull();
    expect(record.profile.topRoles).toEqual([]);
  });
});
