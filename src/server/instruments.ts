/**
 * Every instrument version the server knows: the files in src/shared/instruments and the versions coordinators loaded
 * (table instrument_versions). Sessions on any of them are accepted. Versions never change once stored, so what this
 * process has read stays valid; `refresh` reads only the versions it has not seen yet, so a version loaded through
 * another server instance on the same database becomes known here too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instrumentKey, parseInstrument, type Instrument } from '../shared/core/instrument.ts';
import type { Queryable } from './db.ts';

const DIR = join(import.meta.dirname, '../shared/instruments');

/** A version's client-language texts (code → instrument text key → text); none for the file versions (bundled). */
export type InstrumentTranslations = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Known instrument versions, and the newest version of each id (the one tablets are given). */
export interface InstrumentRegistry {
  get(id: string, version: number): Instrument | undefined;
  /** The newest version of each instrument id: what tablets start new clients on. */
  readonly current: readonly Instrument[];
  /** Every known version, oldest first per id. */
  all(): readonly Instrument[];
  /** The translations stored with a loaded version; undefined for a file version (its texts are in locales/). */
  translations(id: string, version: number): InstrumentTranslations | undefined;
  /** True for a version that came from the database (loaded by a coordinator). */
  fromDatabase(id: string, version: number): boolean;
  /** Reads the versions stored in the database that this process has not seen yet. */
  refresh(db: Queryable): Promise<void>;
  /** `get`, and on a miss one `refresh` first (another instance may have stored the version). */
  resolve(db: Queryable, id: string, version: number): Promise<Instrument | undefined>;
  /** Calls `fn` whenever the version new clients get changes (the server renders its changed texts' audio); returns the unsubscribe. */
  onCurrentChange(fn: () => void): () => void;
}

interface StoredRow {
  readonly instrument_id: string;
  readonly version: number;
  readonly definition: unknown;
  readonly translations: unknown;
}

const asTranslations = (v: unknown): InstrumentTranslations =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as InstrumentTranslations) : {};

/** Loads and validates every instrument file; a broken file stops the server at start, not at the first session. */
export function loadInstruments(dir: string = DIR): InstrumentRegistry {
  const all = new Map<string, Instrument>();
  const stored = new Map<string, InstrumentTranslations>();
  for (const f of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const instrument = parseInstrument(JSON.parse(readFileSync(join(dir, f), 'utf8')));
    all.set(instrumentKey(instrument), instrument);
  }
  let current: Instrument[] = [];
  const listeners = new Set<() => void>();
  const recompute = () => {
    const before = current.map(instrumentKey).join(',');
    const newest = new Map<string, Instrument>();
    for (const i of all.values()) {
      const seen = newest.get(i.id);
      if (!seen || seen.version < i.version) newest.set(i.id, i);
    }
    current = [...newest.values()];
    if (before && current.map(instrumentKey).join(',') !== before) for (const fn of listeners) fn();
  };
  recompute();
  const registry: InstrumentRegistry = {
    get: (id, version) => all.get(instrumentKey({ id, version })),
    get current() {
      return current;
    },
    all: () => [...all.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version),
    translations: (id, version) => stored.get(instrumentKey({ id, version })),
    fromDatabase: (id, version) => stored.has(instrumentKey({ id, version })),
    async refresh(db) {
      const r = await db.query<StoredRow>(
        `SELECT instrument_id, version, definition, translations FROM instrument_versions
         WHERE NOT ((instrument_id || '@' || version::text) = ANY($1::text[]))`,
        [[...stored.keys()]],
      );
      if (r.rows.length === 0) return;
      for (const row of r.rows) {
        const instrument = parseInstrument(row.definition);
        const key = instrumentKey({ id: row.instrument_id, version: row.version });
        all.set(key, instrument);
        stored.set(key, asTranslations(row.translations));
      }
      recompute();
    },
    async resolve(db, id, version) {
      const hit = registry.get(id, version);
      if (hit) return hit;
      await registry.refresh(db);
      return registry.get(id, version);
    },
    onCurrentChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return registry;
}
