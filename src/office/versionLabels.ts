/**
 * Labels from the questionnaire version a measurement was answered in: the server sends each version's definition and
 * its texts in the workspace languages; registering them puts them under that version's own i18next namespace, so a
 * page shows v2's new items and rewording for a v2 measurement and v1's for a v1 one (English falls back to Dutch).
 */
import type { InstrumentVersionTexts } from '../shared/contract/workspaceApi.ts';
import { instrumentKey, type Instrument } from '../shared/core/instrument.ts';
import { instrumentNamespace, instrumentTexts } from '../shared/core/instrumentTexts.ts';
import { i18next, SOURCE_LANGUAGE } from '../shared/i18n/index.ts';

const registered = new Set<string>();

/** Registers one version's texts (once; a version never changes) and gives its instrument. */
export function registerVersion(v: InstrumentVersionTexts): Instrument {
  const instrument = v.definition;
  const key = instrumentKey(instrument);
  if (registered.has(key)) return instrument;
  const ns = instrumentNamespace(instrument);
  i18next.addResourceBundle(SOURCE_LANGUAGE, ns, instrumentTexts(instrument), true, true);
  for (const [code, texts] of Object.entries(v.texts))
    if (Object.keys(texts).length > 0) i18next.addResourceBundle(code, ns, texts, true, true);
  registered.add(key);
  return instrument;
}

/** Which version a measurement names. */
export interface VersionRef {
  readonly instrumentId: string;
  readonly instrumentVersion: number;
}

/**
 * Registers the versions a page received and gives the instrument of a measurement (`fallback`, the built-in one, when
 * the server did not know its version). A plain function, so render callbacks can call it; registering is idempotent.
 */
export function versionLookup(
  list: readonly InstrumentVersionTexts[],
  fallback: Instrument,
): (m: VersionRef | undefined) => Instrument {
  const byKey = new Map(list.map((v) => [instrumentKey(v), registerVersion(v)]));
  return (m) =>
    (m && byKey.get(instrumentKey({ id: m.instrumentId, version: m.instrumentVersion }))) ??
    fallback;
}
