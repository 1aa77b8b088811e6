// Shared fixtures for the unit tests: the real pilot instrument, a raw copy to break, and generators for random
// instruments and answer sets so that no property depends on the pilot's particular items.
import fc from 'fast-check';
import pilotJson from '../../src/shared/instruments/pilot-2019.v1.json' with { type: 'json' };
import {
  itemsInOrder,
  parseInstrument,
  type Instrument,
} from '../../src/shared/core/instrument.ts';
import type { Answers } from '../../src/shared/core/scoring.ts';

/** The instrument as the kiosk ships it, parsed by the real parser. */
export const pilot: Instrument = parseInstrument(pilotJson);

/** The instrument file's shape, loosely typed so a test can break any part of it. */
export interface RawInstrument {
  id?: unknown;
  version?: unknown;
  title?: unknown;
  placeholders?: unknown;
  answerScale: { value?: unknown; label?: unknown }[];
  scales: {
    id?: unknown;
    kind?: unknown;
    label?: unknown;
    minAnswered?: unknown;
    advice?: unknown;
  }[];
  parts: {
    id?: unknown;
    intro?: unknown;
    items: { id?: unknown; scale?: unknown; text?: unknown }[];
  }[];
}

/** A fresh, mutable copy of the pilot file. */
export const rawPilot = (): RawInstrument => structuredClone(pilotJson);

/** Item ids of one scale, in presentation order. */
export const itemsOf = (instrument: Instrument, scale: string): string[] =>
  itemsInOrder(instrument)
    .filter(({ item }) => item.scale === scale)
    .map(({ item }) => item.id);

/** Answers the given scale's items with `values`, in presentation order. */
export function answerScale(
  instrument: Instrument,
  scale: string,
  values: readonly number[],
): Record<string, number> {
  const ids = itemsOf(instrument, scale);
  if (values.length > ids.length) throw new Error(`${scale} has only ${ids.length} items`);
  return Object.fromEntries(values.map((v, i) => [ids[i]!, v]));
}

/** A one-part instrument with the given scales, built as raw JSON and run through the real parser. */
export function buildInstrument(
  scales: readonly { id: string; kind: string; items: number; minAnswered: number }[],
  answerValues: readonly number[] = [1, 2, 3, 4, 5],
): Instrument {
  return parseInstrument({
    id: 'test',
    version: 1,
    title: 'Test',
    answerScale: answerValues.map((value) => ({ value, label: `v${value}` })),
    scales: scales.map((s) => ({
      id: s.id,
      kind: s.kind,
      label: s.id,
      minAnswered: s.minAnswered,
    })),
    parts: [
      {
        id: 'P',
        intro: 'Intro',
        items: scales.flatMap((s) =>
          Array.from({ length: s.items }, (_, i) => ({
            id: `${s.id}_${i + 1}`,
            scale: s.id,
            text: `${s.id} item ${i + 1}`,
          })),
        ),
      },
    ],
  });
}

/** Splits `xs` into consecutive non-empty chunks at the given cut positions (1..length-1). */
function chunk<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const at = [0, ...[...new Set(cuts)].sort((a, b) => a - b), xs.length];
  return at.slice(1).map((end, i) => xs.slice(at[i], end));
}

/** Re-deals an instrument's items in the order given into parts cut at `cuts`: a different presentation, same scales. */
export function regroup(
  instrument: Instrument,
  order: readonly number[],
  cuts: readonly number[],
): Instrument {
  const all = itemsInOrder(instrument).map(({ item }) => item);
  const shuffled = order.map((i) => all[i]!);
  return {
    ...instrument,
    parts: chunk(shuffled, cuts).map((items, i) => ({ id: `P${i}`, intro: `Part ${i}`, items })),
  };
}

/** Arbitrary permutation of 0..n-1 together with cut points splitting it into 1..4 non-empty parts. */
export const presentationArb = (n: number): fc.Arbitrary<{ order: number[]; cuts: number[] }> =>
  fc.record({
    order: fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i),
      { minLength: n, maxLength: n },
    ),
    cuts: n > 1 ? fc.array(fc.integer({ min: 1, max: n - 1 }), { maxLength: 3 }) : fc.constant([]),
  });

const specArb = (kind: string, maxItems: number) =>
  fc
    .integer({ min: 1, max: maxItems })
    .chain((items) =>
      fc.integer({ min: 1, max: items }).map((minAnswered) => ({ kind, items, minAnswered })),
    );

/**
 * A random, valid instrument: 1..5 postures, 0..3 roles, maybe one desirability scale, an answer scale of 2..7
 * consecutive values starting anywhere in -2..2 (options listed in random order), items shuffled over 1..4 parts.
 */
export const instrumentArb: fc.Arbitrary<Instrument> = fc
  .record({
    postures: fc.array(specArb('posture', 7), { minLength: 1, maxLength: 5 }),
    roles: fc.array(specArb('role', 2), { maxLength: 3 }),
    desirability: fc.option(specArb('desirability', 6), { nil: undefined }),
    low: fc.integer({ min: -2, max: 2 }),
    options: fc.integer({ min: 2, max: 7 }),
  })
  .chain(({ postures, roles, desirability, low, options }) => {
    const scales = [
      ...postures.map((s, i) => ({ ...s, id: `posture${i}` })),
      ...roles.map((s, i) => ({ ...s, id: `role${i}` })),
      ...(desirability ? [{ ...desirability, id: 'desire' }] : []),
    ];
    const values = Array.from({ length: options }, (_, i) => low + i);
    const base = buildInstrument(scales, values);
    const n = itemsInOrder(base).length;
    return fc
      .tuple(
        presentationArb(n),
        fc.shuffledSubarray(values, { minLength: options, maxLength: options }),
      )
      .map(([{ order, cuts }, shuffledValues]) => {
        const regrouped = regroup(base, order, cuts);
        return {
          ...regrouped,
          answerScale: shuffledValues.map((value) => ({ value, label: `v${value}` })),
        };
      });
  });

/** The instrument's answer values, lowest first. */
export const answerValues = (instrument: Instrument): number[] =>
  instrument.answerScale.map((o) => o.value).sort((a, b) => a - b);

/** Random answers for an instrument: each item answered with one of its values, or (unless 'all') left out. */
export const answersArb = (
  instrument: Instrument,
  answered: 'all' | 'mostly' | 'any' = 'any',
): fc.Arbitrary<Answers> => {
  const items = itemsInOrder(instrument).map(({ item }) => item.id);
  const values = answerValues(instrument);
  const one =
    answered === 'all'
      ? fc.constantFrom<number | undefined>(...values)
      : fc.option(fc.constantFrom(...values), {
          nil: undefined,
          freq: answered === 'mostly' ? 8 : 2,
        });
  return fc.tuple(...items.map(() => one)).map((vs) => {
    const out: Record<string, number> = {};
    vs.forEach((v, i) => {
      if (v !== undefined) out[items[i]!] = v;
    });
    return out;
  });
};

/** An instrument together with random answers for it. */
export const instrumentWithAnswersArb: fc.Arbitrary<{ instrument: Instrument; answers: Answers }> =
  instrumentArb.chain((instrument) =>
    answersArb(instrument).map((answers) => ({ instrument, answers })),
  );
