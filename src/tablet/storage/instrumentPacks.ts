/**
 * The questionnaire versions the office sent this tablet, with their translations (settings row `instrumentPacks`),
 * and which one new clients get. Its own small file without Dexie, so the boot read (bootRead.ts) can pick the
 * version before the first screen. A version never changes once loaded, so a session that names its version finds
 * the same items and texts it started with, also after a reload; a newer version only applies from the next client.
 */
import { instrumentKey, parseInstrument, type Instrument } from '../../shared/core/instrument.ts';

/** The settings row that holds them. */
export const INSTRUMENT_PACKS_KEY = 'instrumentPacks';

/** Versions kept on the tablet; enough for a session begun on an older version to be finished after a change. */
const KEEP = 8;

/** One version: the instrument and, for a version the office loaded, its texts per client language. */
export interface InstrumentPack {
  readonly instrument: Instrument;
  /** code → instrument text key → text; empty for versions the app ships (their texts are in the build). */
  readonly texts: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** What is stored: every version received, and the key (`id@version`) of the one new clients get. */
export interface StoredPacks {
  readonly current: string | null;
  readonly packs: readonly InstrumentPack[];
}

const EMPTY: StoredPacks = { current: null, packs: [] };

const isTexts = (v: unknown): v is InstrumentPack['texts'] =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stored value made safe to use: the packs whose instrument still parses, or none. */
export function restorePacks(v: unknown): StoredPacks {
  if (typeof v !== 'object' || v === null) return EMPTY;
  const o = v as { current?: unknown; packs?: unknown };
  const packs: InstrumentPack[] = [];
  for (const p of Array.isArray(o.packs) ? (o.packs as unknown[]) : []) {
    try {
      const r = p as { instrument?: unknown; texts?: unknown };
      packs.push({
        instrument: parseInstrument(r.instrument),
        texts: isTexts(r.texts) ? r.texts : {},
      });
    } catch {
      // a broken pack is skipped; the next config fetch brings it again
    }
  }
  return { current: typeof o.current === 'string' ? o.current : null, packs };
}

/** The stored packs with what a config fetch brought: its current versions become current, older ones stay. */
export function mergePacks(
  stored: StoredPacks,
  instruments: readonly Instrument[],
  texts: readonly { id: string; version: number; texts: InstrumentPack['texts'] }[],
): StoredPacks {
  const byKey = new Map(stored.packs.map((p) => [instrumentKey(p.instrument), p]));
  for (const instrument of instruments) {
    const t = texts.find((x) => x.id === instrument.id && x.version === instrument.version);
    byKey.set(instrumentKey(instrument), { instrument, texts: t?.texts ?? {} });
  }
  const first = instruments[0];
  const packs = [...byKey.values()]
    .sort((a, b) => b.instrument.version - a.instrument.version)
    .slice(0, KEEP);
  return { current: first ? instrumentKey(first) : stored.current, packs };
}

/**
 * The version the kiosk shows: the open session's own version when a client is busy (a reload keeps it), else the
 * one the office made current; the version built into the app when the tablet has nothing else.
 */
export function chooseInstrument(
  bundled: Instrument,
  stored: StoredPacks,
  open: { readonly instrumentId: string; readonly instrumentVersion: number } | null,
): InstrumentPack {
  const wanted = open
    ? instrumentKey({ id: open.instrumentId, version: open.instrumentVersion })
    : stored.current;
  if (wanted === null || wanted === instrumentKey(bundled))
    return { instrument: bundled, texts: {} };
  return (
    stored.packs.find((p) => instrumentKey(p.instrument) === wanted) ?? {
      instrument: bundled,
      texts: {},
    }
  );
}
