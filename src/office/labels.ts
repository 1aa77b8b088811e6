/** Names of postures and roles in the current language, from the instrument's texts. */
import type { Instrument } from '../shared/core/instrument.ts';
import { instrumentNamespace } from '../shared/core/instrumentTexts.ts';
import { useT } from '../shared/i18n/useT.ts';

/** A function that names a scale (posture, role, desirability) of the instrument. */
export function useScaleLabel(instrument: Instrument): (scale: string) => string {
  const it = useT(instrumentNamespace(instrument));
  return (scale: string) => it(`scales.${scale}.label`);
}

/** The instrument's posture scale ids, in instrument order. */
export const postureIds = (instrument: Instrument): string[] =>
  instrument.scales.filter((s) => s.kind === 'posture').map((s) => s.id);
