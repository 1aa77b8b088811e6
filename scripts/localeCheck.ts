// The completeness rules behind scripts/check-locales.ts, as a function of the folders so tests can feed it broken locales.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Where the check looks: the locales folder, the instrument data, and the component folders whose t('key') it checks. */
export interface LocaleCheckDirs {
  readonly root: string;
  readonly locales: string;
  readonly instruments: string;
  readonly sources: readonly string[];
}

/** Flattens nested JSON into dotted keys; plural forms collapse onto their base key. */
export function flatKeys(obj: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  if (typeof obj !== 'object' || obj === null) return out;
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && v !== null) flatKeys(v, key).forEach((x) => out.add(x));
    else out.add(key.replace(PLURAL, ''));
  }
  return out;
}

const read = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

/** Every problem found: a locale lacking a Dutch key, an instrument text missing, a used key absent from Dutch. */
export function checkLocales(dirs: LocaleCheckDirs): string[] {
  const problems: string[] = [];
  const source = join(dirs.locales, 'nl');
  const namespaces = readdirSync(source).filter((f) => f.endsWith('.json'));
  const sourceKeys = new Map(namespaces.map((f) => [f, flatKeys(read(join(source, f)))]));
  const languages = readdirSync(dirs.locales).filter(
    (d) => d !== 'nl' && statSync(join(dirs.locales, d)).isDirectory(),
  );

  for (const lng of languages) {
    for (const ns of namespaces) {
      const file = join(dirs.locales, lng, ns);
      // Staff and workspace screens are Dutch and English only; every client-facing namespace must exist in every language.
      if (!existsSync(file)) {
        if (!isStaffOnly(ns) || lng === 'en') problems.push(`${lng}/${ns}: missing file`);
        continue;
      }
      const have = flatKeys(read(file));
      for (const key of sourceKeys.get(ns) ?? [])
        if (!have.has(key)) problems.push(`${lng}/${ns}: missing ${key}`);
    }
  }

  // Direction is data: the kiosk sets <html dir> from meta.json, so a wrong value would silently un-mirror a language.
  for (const lng of ['nl', ...languages]) {
    const file = join(dirs.locales, lng, 'meta.json');
    if (!existsSync(file)) continue; // reported above as a missing file
    const dir = (read(file) as { dir?: unknown }).dir;
    if (dir !== 'ltr' && dir !== 'rtl')
      problems.push(`${lng}/meta.json: dir must be "ltr" or "rtl", not ${JSON.stringify(dir)}`);
  }

  // Every language carries every client-facing text of every instrument version.
  for (const file of readdirSync(dirs.instruments).filter((f) => f.endsWith('.json'))) {
    const inst = read(join(dirs.instruments, file)) as {
      parts: { id: string; items: { id: string }[] }[];
      answerScale: { value: number }[];
    };
    const needed = [
      'title',
      ...inst.parts.flatMap((p) => [`parts.${p.id}.intro`, ...p.items.map((i) => `items.${i.id}`)]),
      ...inst.answerScale.map((a) => `answers.${a.value}`),
    ];
    for (const lng of languages) {
      const path = join(dirs.locales, lng, `instrument.${file}`);
      if (!existsSync(path)) {
        problems.push(`${lng}/instrument.${file}: missing file`);
        continue;
      }
      const have = read(path) as Record<string, unknown>;
      for (const key of needed)
        if (typeof have[key] !== 'string' || have[key] === '')
          problems.push(`${lng}/instrument.${file}: missing ${key}`);
    }
  }

  // Each component names its namespace with useT('ns') (none: kiosk); every literal t('key') must exist there.
  for (const file of dirs.sources.flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    const ns = /useT\('([\w.-]+)'\)/.exec(text)?.[1] ?? 'kiosk';
    const keys = sourceKeys.get(`${ns}.json`);
    if (!keys) continue; // instrument namespaces are checked against the instrument data, not here
    for (const m of text.matchAll(/\bt\(\s*'([a-z][\w]*(?:\.[\w]+)*)'/g)) {
      const key = m[1] ?? '';
      if (!keys.has(key.replace(PLURAL, '')))
        problems.push(`${file.slice(dirs.root.length + 1)}: key ${key} not in nl/${ns}.json`);
    }
  }
  return problems;
}

const isStaffOnly = (ns: string): boolean =>
  ns === 'staff.json' || ns === 'sync.json' || ns === 'workspace.json';

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}
