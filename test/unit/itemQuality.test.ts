// The questionnaire-quality report on generated answers (seeded PRNG): one item made harder to agree with in one
// translation is flagged by the DIF screen, the unaltered items and languages are not; small groups are withheld.
import { describe, expect, it } from 'vitest';
import { answerCodes } from '../../src/shared/core/answerCodes.ts';
import { itemsInOrder } from '../../src/shared/core/instrument.ts';
import { accumulate, emptySums } from '../../src/shared/core/itemQuality/accumulate.ts';
import { codeLayout } from '../../src/shared/core/itemQuality/layout.ts';
import { qualityReport, sumsByLanguage } from '../../src/shared/core/itemQuality/report.ts';
import { pilot } from './support.ts';
import { prng } from './prng.ts';

const CUTS = [-1.6, -0.6, 0.4, 1.4];

/**
 * Answers of `n` people in one language: each scale has its own latent trait (normal, mean `impact`), an answer is
 * the latent trait plus normal noise cut at CUTS. `shift` moves one item's answers down in latent units (a
 * translation that reads stronger than the Dutch).
 */
function generate(
  random: () => number,
  n: number,
  impact: number,
  shift: { item: string; by: number } | null,
): string {
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const items = itemsInOrder(pilot).map(({ item }) => item);
  let out = '';
  for (let i = 0; i < n; i++) {
    const trait = new Map(pilot.scales.map((s) => [s.id, impact + normal()]));
    const answers: Record<string, number> = {};
    for (const item of items) {
      const y =
        (trait.get(item.scale) ?? 0) + 0.8 * normal() - (shift?.item === item.id ? shift.by : 0);
      answers[item.id] = 1 + CUTS.filter((c) => y > c).length;
    }
    out += answerCodes(pilot, answers);
  }
  return out;
}

describe('DIF screen on generated data', () => {
  const random = prng(20191);
  const groups = [
    { language: 'nl', count: 2000, codes: generate(random, 2000, 0, null) },
    { language: 'en', count: 500, codes: generate(random, 500, 0.3, null) },
    { language: 'tr', count: 500, codes: generate(random, 500, -0.3, { item: 'B3', by: 1 }) },
    { language: 'ar', count: 500, codes: generate(random, 500, 0.2, null) },
    { language: 'pl', count: 20, codes: generate(random, 20, 0, null) },
  ];
  const report = qualityReport(pilot, sumsByLanguage(pilot, groups), 30);

  it('flags the altered item in the altered language, and nothing else', () => {
    const flagged = report.items.flatMap((i) =>
      i.dif.filter((d) => d.flagged).map((d) => `${i.item}:${d.language}`),
    );
    expect(flagged).toEqual(['B3:tr']);
    const b3 = report.items.find((i) => i.item === 'B3')!.dif.find((d) => d.language === 'tr')!;
    expect(b3.effect).toBeLessThan(-0.25);
    expect(b3.pAdjusted).toBeLessThan(0.001);
  });

  it('tests every multi-item item in every language with enough measurements, not the small one', () => {
    const multi = pilot.scales.filter(
      (s) => itemsInOrder(pilot).filter((x) => x.item.scale === s.id).length > 1,
    );
    const items = itemsInOrder(pilot).filter(({ item }) =>
      multi.some((s) => s.id === item.scale),
    ).length;
    expect(report.dif.tests).toBe(items * 3);
    expect(report.items.flatMap((i) => i.dif).some((d) => d.language === 'pl')).toBe(false);
  });

  it('withholds figures of a group below the minimum N but gives its count', () => {
    const verbondenheid = report.scales.find((s) => s.scale === 'verbondenheid')!;
    const pl = verbondenheid.groups.find((g) => g.language === 'pl')!;
    expect(pl).toMatchObject({ n: 20, shown: false, alpha: null, low: null, high: null });
    expect(pl.itemTotal.every((r) => r === null)).toBe(true);
    const all = verbondenheid.groups.find((g) => g.language === null)!;
    expect(all.n).toBe(3520);
    expect(all.alpha).toBeGreaterThan(0.7);
    expect(all.low!).toBeLessThan(all.alpha!);
    expect(all.high!).toBeGreaterThan(all.alpha!);
    const item = report.items[0]!.groups.find((g) => g.language === 'pl')!;
    expect(item).toMatchObject({ n: 20, shown: false, mean: null, distribution: null });
  });

  it('gives distributions that sum to 1 and languages with Dutch first', () => {
    expect(report.languages.map((l) => l.language)).toEqual(['nl', 'ar', 'en', 'tr', 'pl']);
    for (const g of report.items[0]!.groups.filter((x) => x.shown))
      expect(g.distribution!.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);
  });

  it('correlates social desirability with every posture (independent traits here: near 0)', () => {
    expect(report.desirability.map((d) => d.scale)).toEqual(
      pilot.scales.filter((s) => s.kind === 'posture').map((s) => s.id),
    );
    for (const d of report.desirability) {
      const all = d.groups.find((g) => g.language === null)!;
      expect(all.n).toBe(3520);
      expect(Math.abs(all.r!)).toBeLessThan(0.15);
    }
  });
});

describe('accumulation', () => {
  it('gives the same sums by answer pattern as row by row', () => {
    const random = prng(7);
    const codes = generate(random, 400, 0, null) + answerCodes(pilot, { A1: 2, B3: 5 });
    const layout = codeLayout(pilot);
    const byPattern = emptySums(layout);
    const byRow = emptySums(layout);
    accumulate(layout, byPattern, codes, 401);
    accumulate(layout, byRow, codes, 401, 0);
    expect(byPattern).toEqual(byRow);
    expect(byPattern.measurements).toBe(401);
  });
});

describe('answer codes', () => {
  it('are one character per item in order, "." when unanswered', () => {
    const codes = answerCodes(pilot, { A1: 5, A3: 1 });
    expect(codes).toHaveLength(27);
    expect(codes.slice(0, 3)).toBe('5.1');
  });
  it('count mixed-language measurements overall but in no language', () => {
    const r = qualityReport(
      pilot,
      sumsByLanguage(pilot, [
        { language: null, count: 1, codes: answerCodes(pilot, { A1: 4 }) },
        { language: 'nl', count: 1, codes: answerCodes(pilot, { A1: 2 }) },
      ]),
      1,
    );
    expect(r).toMatchObject({ total: 2, mixed: 1, languages: [{ language: 'nl', n: 1 }] });
    expect(r.items[0]!.groups.find((g) => g.language === null)!.mean).toBe(3);
  });
});
