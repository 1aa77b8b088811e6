/** Flattens an instrument's source texts into translation keys, so every item text goes through i18next like the rest. */
import type { Instrument } from './instrument.ts';

/** Keys: parts.<id>.intro, items.<id>, answers.<value>, scales.<id>.label, advice.<id>.full|short, mixedAdvice.full|short, title. */
export function instrumentTexts(instrument: Instrument): Record<string, string> {
  const out: Record<string, string> = { title: instrument.title };
  for (const p of instrument.parts) {
    out[`parts.${p.id}.intro`] = p.intro;
    for (const i of p.items) out[`items.${i.id}`] = i.text;
  }
  for (const a of instrument.answerScale) out[`answers.${a.value}`] = a.label;
  for (const s of instrument.scales) {
    out[`scales.${s.id}.label`] = s.label;
    if (s.advice) {
      out[`advice.${s.id}.full`] = s.advice.full;
      out[`advice.${s.id}.short`] = s.advice.short;
    }
  }
  if (instrument.mixedAdvice) {
    out['mixedAdvice.full'] = instrument.mixedAdvice.full;
    out['mixedAdvice.short'] = instrument.mixedAdvice.short;
  }
  return out;
}

/** The i18next namespace that holds one instrument version's texts. */
export const instrumentNamespace = (i: { id: string; version: number }): string =>
  `instrument.${i.id}.v${i.version}`;
