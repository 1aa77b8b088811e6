/** The instrument as data: types, a validating parser and ordered access. Nothing here knows particular items. */

/** What a scale measures decides how it is scored. */
export type ScaleKind = 'posture' | 'role' | 'desirability';

/** Advice for staff when a posture is dominant (full text and a short form). */
export interface Advice {
  readonly full: string;
  readonly short: string;
}

/**
 * Which side of Braithwaite's postures a posture is on: deferent (going along with the authority: verbondenheid,
 * overgave) or defiant (pushing back or away: weerstand, onthechting, omzeiling). Decides when a profile is mixed.
 */
export type PostureSide = 'deferent' | 'defiant';

/** One scale of the instrument; `minAnswered` is how many answers it needs before it reports a score. */
export interface Scale {
  readonly id: string;
  readonly kind: ScaleKind;
  readonly label: string;
  readonly minAnswered: number;
  readonly advice?: Advice;
  /** Only on postures. */
  readonly side?: PostureSide;
}

/** One statement the client answers on the answer scale. */
export interface Item {
  readonly id: string;
  readonly scale: string;
  readonly text: string;
}

/** A group of items shown under one introductory question. */
export interface Part {
  readonly id: string;
  readonly intro: string;
  readonly items: readonly Item[];
}

/** One point on the answer scale (1..5 in the pilot). */
export interface AnswerOption {
  readonly value: number;
  readonly label: string;
}

/** A versioned instrument; texts are the Dutch source wording with `{{agency}}` placeholders. */
export interface Instrument {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly placeholders: readonly string[];
  readonly answerScale: readonly AnswerOption[];
  readonly scales: readonly Scale[];
  readonly parts: readonly Part[];
  /** Advice when postures of both sides are dominant at once (the enforcement pyramid's rule); needs both sides. */
  readonly mixedAdvice?: Advice;
}

/** Identifies an instrument version in stored sessions and on the wire. */
export const instrumentKey = (i: { id: string; version: number }): string => `${i.id}@${i.version}`;

/** Every item in presentation order, with the part it belongs to. */
export function itemsInOrder(instrument: Instrument): { item: Item; part: Part }[] {
  return instrument.parts.flatMap((part) => part.items.map((item) => ({ item, part })));
}

/** The lowest and highest answer value, for scoring. */
export function answerRange(instrument: Instrument): { min: number; max: number } {
  const values = instrument.answerScale.map((o) => o.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** True when `value` is one of the instrument's answer values. */
export function isAnswerValue(instrument: Instrument, value: unknown): value is number {
  return typeof value === 'number' && instrument.answerScale.some((o) => o.value === value);
}

const KINDS: readonly string[] = ['posture', 'role', 'desirability'];
const SIDES: readonly string[] = ['deferent', 'defiant'];

function fail(msg: string): never {
  throw new Error(`Invalid instrument: ${msg}`);
}

const str = (v: unknown, where: string): string =>
  typeof v === 'string' && v.length > 0 ? v : fail(`${where} must be a non-empty string`);
const rec = (v: unknown, where: string): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : fail(`${where} must be an object`);
const arr = (v: unknown, where: string): unknown[] =>
  Array.isArray(v) && v.length > 0 ? v : fail(`${where} must be a non-empty array`);

/** Checks untrusted JSON (a file, a server response) and returns a typed instrument, or throws saying what is wrong. */
export function parseInstrument(input: unknown): Instrument {
  const o = rec(input, 'instrument');
  const version = o.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    fail('version must be a positive integer');
  const answerScale = arr(o.answerScale, 'answerScale').map((a, i) => {
    const r = rec(a, `answerScale[${i}]`);
    if (typeof r.value !== 'number' || !Number.isFinite(r.value))
      fail(`answerScale[${i}].value must be a number`);
    return { value: r.value, label: str(r.label, `answerScale[${i}].label`) };
  });
  if (answerScale.length < 2) fail('answerScale needs at least two options');
  if (new Set(answerScale.map((a) => a.value)).size !== answerScale.length)
    fail('answerScale values must be unique');
  const scales: Scale[] = arr(o.scales, 'scales').map((s, i) => {
    const r = rec(s, `scales[${i}]`);
    const kind = str(r.kind, `scales[${i}].kind`);
    if (!KINDS.includes(kind)) fail(`scales[${i}].kind must be one of ${KINDS.join(', ')}`);
    const minAnswered = r.minAnswered;
    if (typeof minAnswered !== 'number' || !Number.isInteger(minAnswered) || minAnswered < 1)
      fail(`scales[${i}].minAnswered must be a positive integer`);
    const scale: Scale = {
      id: str(r.id, `scales[${i}].id`),
      kind: kind as ScaleKind,
      label: str(r.label, `scales[${i}].label`),
      minAnswered,
    };
    const side = r.side === undefined ? undefined : str(r.side, `scales[${i}].side`);
    if (side !== undefined && !SIDES.includes(side))
      fail(`scales[${i}].side must be one of ${SIDES.join(', ')}`);
    if (side !== undefined && kind !== 'posture') fail(`scales[${i}].side is only for postures`);
    const sided: Scale = side === undefined ? scale : { ...scale, side: side as PostureSide };
    if (r.advice === undefined) return sided;
    return { ...sided, advice: parseAdvice(r.advice, `scales[${i}].advice`) };
  });
  const scaleIds = new Set(scales.map((s) => s.id));
  if (scaleIds.size !== scales.length) fail('scale ids must be unique');
  if (scales.filter((s) => s.kind === 'desirability').length > 1)
    fail('at most one scale may be of kind desirability');
  const seen = new Set<string>();
  const parts: Part[] = arr(o.parts, 'parts').map((p, i) => {
    const r = rec(p, `parts[${i}]`);
    return {
      id: str(r.id, `parts[${i}].id`),
      intro: str(r.intro, `parts[${i}].intro`),
      items: arr(r.items, `parts[${i}].items`).map((it, j) => {
        const ri = rec(it, `parts[${i}].items[${j}]`);
        const id = str(ri.id, `item id`);
        if (seen.has(id)) fail(`item id ${id} is used twice`);
        seen.add(id);
        const scale = str(ri.scale, `item ${id} scale`);
        if (!scaleIds.has(scale)) fail(`item ${id} names unknown scale ${scale}`);
        return { id, scale, text: str(ri.text, `item ${id} text`) };
      }),
    };
  });
  for (const s of scales) {
    const n = parts.flatMap((p) => p.items).filter((it) => it.scale === s.id).length;
    if (n < s.minAnswered) fail(`scale ${s.id} has ${n} items but needs ${s.minAnswered} answers`);
  }
  const placeholders = Array.isArray(o.placeholders)
    ? o.placeholders.map((p, i) => str(p, `placeholders[${i}]`))
    : [];
  const instrument: Instrument = {
    id: str(o.id, 'id'),
    version,
    title: str(o.title, 'title'),
    placeholders,
    answerScale,
    scales,
    parts,
  };
  if (o.mixedAdvice === undefined) return instrument;
  for (const side of SIDES)
    if (!scales.some((s) => s.side === side))
      fail(`mixedAdvice needs at least one posture with side ${side}`);
  return { ...instrument, mixedAdvice: parseAdvice(o.mixedAdvice, 'mixedAdvice') };
}

function parseAdvice(v: unknown, where: string): Advice {
  const a = rec(v, where);
  return { full: str(a.full, `${where}.full`), short: str(a.short, `${where}.short`) };
}
