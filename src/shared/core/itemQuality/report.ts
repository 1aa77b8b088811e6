/**
 * The questionnaire-quality report from per-language sums: reliability per scale, answer distributions per item, the
 * DIF screen of each translation against the Dutch source, and social desirability against each posture. Figures of
 * a group with fewer than `minN` measurements are withheld (only the count is given).
 */
import type { Instrument, ScaleKind } from '../instrument.ts';
import { pearson } from '../stats/correlation.ts';
import { mantel } from '../stats/mantel.ts';
import { benjaminiHochberg } from '../stats/multipleTesting.ts';
import { reliability } from '../stats/reliability.ts';
import { accumulate, addSums, emptySums, type GroupSums } from './accumulate.ts';
import { codeLayout, type CodeLayout } from './layout.ts';

/** The language every translation is compared with: the instrument's validated wording. */
export const REFERENCE_LANGUAGE = 'nl';
/** False discovery rate of the DIF screen (Benjamini–Hochberg). */
export const DIF_LEVEL = 0.05;
/** Smallest |SMD| / SD flagged: ETS's "C" boundary for polytomous items, so a large N does not flag trivia. */
export const DIF_EFFECT = 0.25;

/** Who a figure describes: one language, or every measurement (null) including mixed-language ones. */
type Language = string | null;

/** α of one scale in one group. */
export interface ScaleGroup {
  readonly language: Language;
  readonly n: number;
  readonly shown: boolean;
  readonly alpha: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** Corrected item–total correlation per item of the scale, in the scale's item order. */
  readonly itemTotal: readonly (number | null)[];
}

/** One scale's reliability, overall and per language. */
export interface ScaleQuality {
  readonly scale: string;
  readonly kind: ScaleKind;
  readonly items: readonly string[];
  readonly groups: readonly ScaleGroup[];
}

/** One item in one group: its answer distribution (share per answer value) and mean. */
export interface ItemGroup {
  readonly language: Language;
  readonly n: number;
  readonly shown: boolean;
  readonly mean: number | null;
  readonly distribution: readonly number[] | null;
}

/** The DIF screen of one item in one language against the reference language. */
export interface DifResult {
  readonly language: string;
  readonly nFocal: number;
  readonly nReference: number;
  readonly chi2: number;
  readonly p: number;
  readonly pAdjusted: number;
  /** Focal minus reference mean at equal rest score, in answer points. */
  readonly smd: number;
  /** smd / SD of the item. */
  readonly effect: number;
  readonly flagged: boolean;
}

/** One item: per group, and its DIF results. */
export interface ItemQuality {
  readonly item: string;
  readonly scale: string;
  readonly groups: readonly ItemGroup[];
  readonly dif: readonly DifResult[];
}

/** Correlation of social desirability with one scale's mean, per group. */
export interface DesirabilityCorrelation {
  readonly scale: string;
  readonly groups: readonly { language: Language; n: number; shown: boolean; r: number | null }[];
}

/** Everything the page shows. */
export interface QualityReport {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
  readonly minN: number;
  readonly referenceLanguage: string;
  /** Answer values in order (the distribution's columns). */
  readonly values: readonly number[];
  readonly total: number;
  /** Measurements in which the client used more than one language: counted overall, in no language. */
  readonly mixed: number;
  readonly languages: readonly { language: string; n: number }[];
  readonly scales: readonly ScaleQuality[];
  readonly items: readonly ItemQuality[];
  readonly desirability: readonly DesirabilityCorrelation[];
  readonly dif: {
    readonly tests: number;
    readonly flagged: number;
    readonly level: number;
    readonly effect: number;
  };
}

/** Sums per language (null: measurements in several languages). */
export type SumsByLanguage = ReadonlyMap<Language, GroupSums>;

const r4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);

function languagesOf(byLanguage: SumsByLanguage): { language: string; n: number }[] {
  return [...byLanguage.entries()]
    .flatMap(([language, s]) => (language === null ? [] : [{ language, n: s.measurements }]))
    .sort(
      (a, b) =>
        Number(b.language === REFERENCE_LANGUAGE) - Number(a.language === REFERENCE_LANGUAGE) ||
        b.n - a.n ||
        a.language.localeCompare(b.language),
    );
}

function scaleGroup(language: Language, s: GroupSums, index: number, minN: number): ScaleGroup {
  const m = s.scales[index]!;
  const rel = reliability(m);
  const shown = m.n >= minN;
  return {
    language,
    n: m.n,
    shown,
    alpha: shown ? r4(rel.alpha) : null,
    low: shown ? r4(rel.low) : null,
    high: shown ? r4(rel.high) : null,
    itemTotal: rel.itemTotal.map((r) => (shown ? r4(r) : null)),
  };
}

function itemGroup(
  language: Language,
  s: GroupSums,
  p: number,
  layout: CodeLayout,
  minN: number,
): ItemGroup {
  const counts = s.counts[p]!;
  let n = 0;
  let sum = 0;
  counts.forEach((c, i) => {
    n += c;
    sum += c * layout.values[i]!;
  });
  const shown = n >= minN;
  return {
    language,
    n,
    shown,
    mean: shown ? r4(sum / n) : null,
    distribution: shown ? [...counts].map((c) => r4(c / n) ?? 0) : null,
  };
}

interface PendingDif extends Omit<DifResult, 'pAdjusted' | 'flagged'> {
  readonly item: number;
}

function difTests(layout: CodeLayout, byLanguage: SumsByLanguage, minN: number): PendingDif[] {
  const reference = byLanguage.get(REFERENCE_LANGUAGE);
  if (!reference) return [];
  const out: PendingDif[] = [];
  layout.scales.forEach((scale, si) => {
    if (scale.positions.length < 2 || reference.scales[si]!.n < minN) return;
    for (const [language, focal] of byLanguage) {
      if (language === null || language === REFERENCE_LANGUAGE || focal.scales[si]!.n < minN)
        continue;
      for (const p of scale.positions) {
        const m = mantel(reference.strata[p]!, focal.strata[p]!);
        if (m) out.push({ item: p, language, ...m });
      }
    }
  });
  return out;
}

/** The report over every group's sums; `minN` withholds figures resting on fewer measurements. */
export function qualityReport(
  instrument: Instrument,
  byLanguage: SumsByLanguage,
  minN: number,
): QualityReport {
  const layout = codeLayout(instrument);
  const all = emptySums(layout);
  for (const s of byLanguage.values()) addSums(all, s);
  const languages = languagesOf(byLanguage);
  const groups: [Language, GroupSums][] = [
    [null, all],
    ...languages.map((l): [Language, GroupSums] => [l.language, byLanguage.get(l.language)!]),
  ];

  const pending = difTests(layout, byLanguage, minN);
  const adjusted = benjaminiHochberg(pending.map((d) => d.p));
  const dif = pending.map((d, i) => {
    const pAdjusted = adjusted[i]!;
    return {
      ...d,
      pAdjusted,
      flagged: pAdjusted < DIF_LEVEL && Math.abs(d.effect) >= DIF_EFFECT,
    };
  });
  const desirability = layout.scales.findIndex((s) => s.kind === 'desirability');

  return {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    minN,
    referenceLanguage: REFERENCE_LANGUAGE,
    values: layout.values,
    total: all.measurements,
    mixed: byLanguage.get(null)?.measurements ?? 0,
    languages,
    scales: layout.scales.map((scale, si) => ({
      scale: scale.id,
      kind: scale.kind,
      items: scale.positions.map((p) => layout.itemIds[p]!),
      groups: groups.map(([language, s]) => scaleGroup(language, s, si, minN)),
    })),
    items: layout.itemIds.map((item, p) => ({
      item,
      scale: layout.itemScale[p]!,
      groups: groups.map(([language, s]) => itemGroup(language, s, p, layout, minN)),
      dif: dif
        .filter((d) => d.item === p)
        .map(({ item: _item, ...d }) => ({
          ...d,
          chi2: r4(d.chi2)!,
          smd: r4(d.smd)!,
          effect: r4(d.effect)!,
        })),
    })),
    desirability:
      desirability < 0
        ? []
        : layout.scales.flatMap((scale, si) =>
            scale.kind !== 'posture'
              ? []
              : [
                  {
                    scale: scale.id,
                    groups: groups.map(([language, s]) => {
                      const pair = s.desirability[si]!;
                      const shown = pair.n >= minN;
                      return { language, n: pair.n, shown, r: shown ? r4(pearson(pair)) : null };
                    }),
                  },
                ],
          ),
    dif: {
      tests: dif.length,
      flagged: dif.filter((d) => d.flagged).length,
      level: DIF_LEVEL,
      effect: DIF_EFFECT,
    },
  };
}

/** Sums per language from code strings: `rows` gives each group's concatenated codes and how many. */
export function sumsByLanguage(
  instrument: Instrument,
  rows: readonly { language: Language; count: number; codes: string }[],
): Map<Language, GroupSums> {
  const layout = codeLayout(instrument);
  const out = new Map<Language, GroupSums>();
  for (const r of rows) {
    const s = out.get(r.language) ?? emptySums(layout);
    accumulate(layout, s, r.codes, r.count);
    out.set(r.language, s);
  }
  return out;
}
