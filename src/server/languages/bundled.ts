/** The texts built into the app (locales/<code>/*.json): the Dutch catalog and each language's version 0. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instrument } from '../../shared/core/instrument.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import {
  buildCatalog,
  flattenTexts,
  keysFor,
  type CatalogString,
  type TextMap,
} from '../../shared/core/translation/catalog.ts';

const DIR = join(import.meta.dirname, '../../../locales');

const readJson = (path: string): object =>
  existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as object) : {};

/** The catalog and the bundled texts of every language, read once at start. */
export interface BundledTexts {
  readonly catalog: readonly CatalogString[];
  /** The texts a language has in this build, restricted to the catalog's keys. */
  texts(code: string): TextMap;
}

/**
 * Reads the Dutch sources and, lazily, each language's files for the tablets' current instrument. A version a
 * coordinator loaded has no locale files: its `translations` (code → instrument text key → text) stand in for them.
 */
export function loadBundledTexts(
  instrument: Instrument,
  dir: string = DIR,
  translations?: Readonly<Record<string, Readonly<Record<string, string>>>>,
): BundledTexts {
  const catalog = buildCatalog({
    kiosk: readJson(join(dir, 'nl/kiosk.json')),
    summary: readJson(join(dir, 'nl/summary.json')),
    instrument,
  });
  const ns = instrumentNamespace(instrument);
  const cache = new Map<string, TextMap>();
  return {
    catalog,
    texts(code) {
      const hit = cache.get(code);
      if (hit) return hit;
      const all: Record<string, string> = {};
      for (const [k, v] of Object.entries(flattenTexts(readJson(join(dir, code, 'kiosk.json')))))
        all[`kiosk:${k}`] = v;
      for (const [k, v] of Object.entries(flattenTexts(readJson(join(dir, code, 'summary.json')))))
        all[`summary:${k}`] = v;
      const file = join(dir, code, `instrument.${instrument.id}.v${instrument.version}.json`);
      const own = translations ? (translations[code] ?? {}) : flattenTexts(readJson(file));
      for (const [k, v] of Object.entries(own)) all[`${ns}:${k}`] = v;
      const texts: Record<string, string> = {};
      for (const s of catalog)
        for (const key of keysFor(s, code)) {
          const v = all[key];
          if (v !== undefined) texts[key] = v;
        }
      cache.set(code, texts);
      return texts;
    },
  };
}
