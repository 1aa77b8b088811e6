/**
 * A questionnaire version as the workspace labels it: its definition and its texts in the workspace's screen
 * languages other than Dutch (Dutch is the definition's own wording). A shipped version's texts are the locale files
 * built with it (locales/<code>/instrument.<id>.v<n>.json); a version a coordinator loaded brings its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Instrument } from '../shared/core/instrument.ts';
import { flattenTexts } from '../shared/core/translation/catalog.ts';
import type { InstrumentVersionTexts } from '../shared/contract/workspaceApi.ts';
import { WORKSPACE_LANGUAGES } from '../shared/i18n/workspaceLanguages.ts';
import type { Queryable } from './db.ts';
import type { InstrumentRegistry } from './instruments.ts';

const LOCALES = join(import.meta.dirname, '../../locales');

/** The workspace languages that need texts besides the definition (every one but Dutch). */
const OTHER = WORKSPACE_LANGUAGES.filter((c) => c !== 'nl');

const fileCache = new Map<string, Record<string, string>>();

/** A shipped version's texts in `code`, read once (empty when the build has no file for it). */
function fileTexts(instrument: Instrument, code: string): Record<string, string> {
  const path = join(LOCALES, code, `instrument.${instrument.id}.v${instrument.version}.json`);
  let hit = fileCache.get(path);
  if (!hit) {
    hit = existsSync(path) ? flattenTexts(JSON.parse(readFileSync(path, 'utf8'))) : {};
    fileCache.set(path, hit);
  }
  return hit;
}

/** One known version with its texts in the workspace languages. */
export function versionTexts(
  registry: InstrumentRegistry,
  instrument: Instrument,
): InstrumentVersionTexts {
  const stored = registry.translations(instrument.id, instrument.version);
  const texts: Record<string, Record<string, string>> = {};
  for (const code of OTHER)
    texts[code] = { ...(stored ? (stored[code] ?? {}) : fileTexts(instrument, code)) };
  return { id: instrument.id, version: instrument.version, definition: instrument, texts };
}

/** The versions named (id and version), each once, with their texts; a version nobody knows any more is left out. */
export async function versionsWithTexts(
  db: Queryable,
  registry: InstrumentRegistry,
  used: readonly { readonly instrumentId: string; readonly instrumentVersion: number }[],
): Promise<InstrumentVersionTexts[]> {
  const keys = new Map(used.map((u) => [`${u.instrumentId}@${u.instrumentVersion}`, u]));
  const out: InstrumentVersionTexts[] = [];
  for (const u of keys.values()) {
    const instrument = await registry.resolve(db, u.instrumentId, u.instrumentVersion);
    if (instrument) out.push(versionTexts(registry, instrument));
  }
  return out;
}
