/**
 * What a new questionnaire version changes against the current one, for the coordinator to see before storing it:
 * items added, removed or changed (wording, scale, part) and scales added, removed or changed. Pure.
 */
import { itemsInOrder, type Instrument, type Scale } from '../instrument.ts';

/** One item in a diff, as it reads in each version (absent on the side where it does not exist). */
export interface ItemChange {
  readonly id: string;
  readonly before?: { readonly text: string; readonly scale: string; readonly part: string };
  readonly after?: { readonly text: string; readonly scale: string; readonly part: string };
}

/** One scale in a diff; `fields` names what changed (label, kind, side, minAnswered, advice). */
export interface ScaleChange {
  readonly id: string;
  readonly label: string;
  readonly fields: string[];
}

/** The whole diff. */
export interface VersionDiff {
  readonly items: {
    readonly added: ItemChange[];
    readonly removed: ItemChange[];
    readonly changed: ItemChange[];
  };
  readonly scales: {
    readonly added: ScaleChange[];
    readonly removed: ScaleChange[];
    readonly changed: ScaleChange[];
  };
  /** Scales both versions have: the only ones whose scores can be compared across the two. */
  readonly shared: string[];
}

const itemMap = (i: Instrument) =>
  new Map(
    itemsInOrder(i).map(({ item, part }) => [
      item.id,
      { text: item.text, scale: item.scale, part: part.id },
    ]),
  );

const scaleFields = (a: Scale, b: Scale): string[] => [
  ...(['label', 'kind', 'side', 'minAnswered'] as const).filter((f) => a[f] !== b[f]),
  ...(JSON.stringify(a.advice ?? null) === JSON.stringify(b.advice ?? null) ? [] : ['advice']),
];

/** The diff from `before` to `after`. */
export function diffVersions(before: Instrument, after: Instrument): VersionDiff {
  const a = itemMap(before);
  const b = itemMap(after);
  const sa = new Map(before.scales.map((s) => [s.id, s]));
  const sb = new Map(after.scales.map((s) => [s.id, s]));
  const same = (x: NonNullable<ItemChange['before']>, y: NonNullable<ItemChange['after']>) =>
    x.text === y.text && x.scale === y.scale && x.part === y.part;
  return {
    items: {
      added: [...b].filter(([id]) => !a.has(id)).map(([id, after]) => ({ id, after })),
      removed: [...a].filter(([id]) => !b.has(id)).map(([id, before]) => ({ id, before })),
      changed: [...b]
        .filter(([id, y]) => {
          const x = a.get(id);
          return x !== undefined && !same(x, y);
        })
        .flatMap(([id, after]) => {
          const before = a.get(id);
          return before ? [{ id, before, after }] : [];
        }),
    },
    scales: {
      added: after.scales
        .filter((s) => !sa.has(s.id))
        .map((s) => ({ id: s.id, label: s.label, fields: [] })),
      removed: before.scales
        .filter((s) => !sb.has(s.id))
        .map((s) => ({ id: s.id, label: s.label, fields: [] })),
      changed: after.scales.flatMap((s) => {
        const old = sa.get(s.id);
        const fields = old ? scaleFields(old, s) : [];
        return fields.length > 0 ? [{ id: s.id, label: s.label, fields }] : [];
      }),
    },
    shared: sharedScales([before, after]),
  };
}

/** The scale ids every one of `instruments` has, in the order of the first: scores comparable across them all. */
export function sharedScales(instruments: readonly Instrument[]): string[] {
  const [first, ...rest] = instruments;
  if (!first) return [];
  return first.scales
    .map((s) => s.id)
    .filter((id) => rest.every((i) => i.scales.some((s) => s.id === id)));
}
