/** Where each item and scale sits in an instrument's answer codes: the index arithmetic the accumulation needs. */
import { itemsInOrder, type Instrument, type ScaleKind } from '../instrument.ts';

/** One scale: its items' positions in the code string. */
export interface ScaleLayout {
  readonly id: string;
  readonly kind: ScaleKind;
  readonly minAnswered: number;
  readonly positions: readonly number[];
  /** Number of rest-score strata of each item: (k − 1) · (max − min) + 1. */
  readonly strata: number;
}

/** The instrument as positions: items, scales, and answer value → option index. */
export interface CodeLayout {
  readonly itemIds: readonly string[];
  readonly itemScale: readonly string[];
  readonly scales: readonly ScaleLayout[];
  /** Answer values in the scale's order. */
  readonly values: readonly number[];
  readonly min: number;
  readonly max: number;
  /** Option index by (char code − 48); −1 for a value not on the answer scale. */
  readonly optionOf: Int8Array;
}

/** The layout of an instrument's codes. */
export function codeLayout(instrument: Instrument): CodeLayout {
  const items = itemsInOrder(instrument).map(({ item }) => item);
  const values = instrument.answerScale.map((o) => o.value);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const optionOf = new Int8Array(80).fill(-1);
  values.forEach((v, i) => {
    if (Number.isInteger(v) && v >= 0 && v < 80) optionOf[v] = i;
  });
  return {
    itemIds: items.map((i) => i.id),
    itemScale: items.map((i) => i.scale),
    values,
    min,
    max,
    optionOf,
    scales: instrument.scales.map((s) => {
      const positions = items.flatMap((item, p) => (item.scale === s.id ? [p] : []));
      return {
        id: s.id,
        kind: s.kind,
        minAnswered: s.minAnswered,
        positions,
        strata: Math.max(1, (positions.length - 1) * (max - min) + 1),
      };
    }),
  };
}
