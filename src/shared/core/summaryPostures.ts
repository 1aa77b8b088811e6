/** Which posture results the client's own summary shows, and how: strengths first, defiant postures without a score. */
import type { Instrument } from './instrument.ts';
import type { Profile } from './scoring.ts';

/** One posture on the client's sheet: how strongly it came out, and its percentage only where the sheet may show it. */
export interface SheetPosture {
  readonly scale: string;
  /** strong: dominant; less: scored, not dominant; unknown: too few answers. */
  readonly level: 'strong' | 'less' | 'unknown';
  /** Null when unknown, or for a defiant posture unless the agency chose to print those scores. */
  readonly percent: number | null;
}

/**
 * The postures in the order the sheet lists them: deferent ones (a strength to build on) before defiant ones, each
 * side in instrument order. A defiant posture's percentage ("Omzeiling 50%") reads as an accusation on paper, so it
 * is left out unless `defiantScores` (the agency's setting) says otherwise; its level is still said in words.
 */
export function sheetPostures(
  instrument: Instrument,
  profile: Profile,
  defiantScores: boolean,
): SheetPosture[] {
  const sideOf = new Map(instrument.scales.map((s) => [s.id, s.side]));
  const rank = (scale: string) => (sideOf.get(scale) === 'defiant' ? 1 : 0);
  return [...profile.postures]
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p.scale) - rank(b.p.scale) || a.i - b.i)
    .map(({ p }) => {
      const level = p.percent === null ? 'unknown' : p.dominant ? 'strong' : 'less';
      const hidden = rank(p.scale) === 1 && !defiantScores;
      return { scale: p.scale, level, percent: hidden ? null : p.percent };
    });
}
