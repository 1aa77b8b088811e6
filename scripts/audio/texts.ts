// Build time: every client-facing text of every language, as (key, template) pairs that the audio packs must speak.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseInstrument } from '../../src/shared/core/instrument.ts';
import { instrumentNamespace, instrumentTexts } from '../../src/shared/core/instrumentTexts.ts';
import { CLIENT_INSTRUMENT_KEY } from '../../src/shared/core/spokenKeys.ts';

/** A text to speak: its namespaced key and its wording with placeholders left in. */
export interface PackText {
  readonly key: string;
  readonly template: string;
}

const PLURAL = /_(zero|one|two|few|many|other)$/;

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function flatten(obj: unknown, prefix: string, out: Map<string, string>): void {
  if (typeof obj !== 'object' || obj === null) return;
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else flatten(v, key, out);
  }
}

/** The languages of this build: every folder under locales/ with a meta.json. */
export function buildLanguages(root: string): string[] {
  const dir = join(root, 'locales');
  return readdirSync(dir).filter(
    (d) => statSync(join(dir, d)).isDirectory() && existsSync(join(dir, d, 'meta.json')),
  );
}

/** The client-facing texts of one language, keyed like the app asks for them (e.g. "kiosk:welcome.title"). */
export function clientTexts(root: string, lng: string): PackText[] {
  const out = new Map<string, string>();
  const locale = join(root, 'locales', lng);
  const kiosk = new Map<string, string>();
  if (existsSync(join(locale, 'kiosk.json'))) flatten(read(join(locale, 'kiosk.json')), '', kiosk);
  for (const [k, v] of kiosk) out.set(`kiosk:${k}`, v);
  const meta = read(join(locale, 'meta.json')) as Record<string, unknown>;
  for (const k of ['name', 'prompt'])
    if (typeof meta[k] === 'string') out.set(`meta:${k}`, meta[k]);
  for (const file of readdirSync(join(root, 'src/shared/instruments')).filter((f) =>
    f.endsWith('.json'),
  )) {
    const instrument = parseInstrument(read(join(root, 'src/shared/instruments', file)));
    const ns = instrumentNamespace(instrument);
    const translated = join(locale, `${ns}.json`);
    const texts =
      lng === 'nl'
        ? instrumentTexts(instrument)
        : existsSync(translated)
          ? (read(translated) as Record<string, string>)
          : {};
    for (const [k, v] of Object.entries(texts))
      if (CLIENT_INSTRUMENT_KEY.test(k) && typeof v === 'string') out.set(`${ns}:${k}`, v);
  }
  return [...out].map(([key, template]) => ({ key, template }));
}

/** The keys every language must speak: Dutch's, with plural forms folded onto their base key. */
export function requiredKeys(dutch: readonly PackText[]): string[] {
  return [...new Set(dutch.map((t) => t.key.replace(PLURAL, '')))];
}

/** True when `have` covers `key` itself or one of its plural forms. */
export const covers = (have: Iterable<string>, key: string): boolean => {
  for (const k of have) if (k === key || (k.startsWith(`${key}_`) && PLURAL.test(k))) return true;
  return false;
};
