/** Every instrument version the server knows (all of src/shared/instruments/*.json): sessions on any of them are accepted. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instrumentKey, parseInstrument, type Instrument } from '../shared/core/instrument.ts';

const DIR = join(import.meta.dirname, '../shared/instruments');

/** Known instrument versions, and the newest version of each id (the one tablets are given). */
export interface InstrumentRegistry {
  get(id: string, version: number): Instrument | undefined;
  readonly current: readonly Instrument[];
}

/** Loads and validates every instrument file; a broken file stops the server at start, not at the first session. */
export function loadInstruments(dir: string = DIR): InstrumentRegistry {
  const all = new Map<string, Instrument>();
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const instrument = parseInstrument(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    all.set(instrumentKey(instrument), instrument);
  }
  const newest = new Map<string, Instrument>();
  for (const i of all.values()) {
    const seen = newest.get(i.id);
    if (!seen || seen.version < i.version) newest.set(i.id, i);
  }
  return {
    get: (id, version) => all.get(instrumentKey({ id, version })),
    current: [...newest.values()],
  };
}
