// Build check: every locale has every key Dutch has, and every literal key the code uses exists in Dutch.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const LOCALES = join(ROOT, 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;

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
const problems: string[] = [];
const source = join(LOCALES, 'nl');
const namespaces = readdirSync(source).filter((f) => f.endsWith('.json'));
const sourceKeys = new Map(namespaces.map((f) => [f, flatKeys(read(join(source, f)))]));

for (const lng of readdirSync(LOCALES).filter(
  (d) => d !== 'nl' && statSync(join(LOCALES, d)).isDirectory(),
)) {
  for (const ns of namespaces) {
    const file = join(LOCALES, lng, ns);
    if (!existsSync(file)) continue; // a namespace a language does not offer (staff screens: nl/en only) falls back
    const have = flatKeys(read(file));
    for (const key of sourceKeys.get(ns) ?? [])
      if (!have.has(key)) problems.push(`${lng}/${ns}: missing ${key}`);
  }
}

// Every instrument translation carries every client-facing text of its instrument version.
for (const file of readdirSync(join(ROOT, 'src/instruments')).filter((f) => f.endsWith('.json'))) {
  const inst = read(join(ROOT, 'src/instruments', file)) as {
    parts: { id: string; items: { id: string }[] }[];
    answerScale: { value: number }[];
  };
  const needed = [
    'title',
    ...inst.parts.flatMap((p) => [`parts.${p.id}.intro`, ...p.items.map((i) => `items.${i.id}`)]),
    ...inst.answerScale.map((a) => `answers.${a.value}`),
  ];
  for (const lng of readdirSync(LOCALES)) {
    const path = join(LOCALES, lng, `instrument.${file}`);
    if (!existsSync(path)) continue;
    const have = read(path) as Record<string, unknown>;
    for (const key of needed)
      if (typeof have[key] !== 'string') problems.push(`${lng}/instrument.${file}: missing ${key}`);
  }
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

// Each component names its namespace with useT('ns') (none: kiosk); every literal t('key') must exist there.
for (const file of [
  ...sourceFiles(join(ROOT, 'src/kiosk')),
  ...sourceFiles(join(ROOT, 'src/staff')),
  ...sourceFiles(join(ROOT, 'src/workspace')),
]) {
  const text = readFileSync(file, 'utf8');
  const ns = /useT\('([\w.-]+)'\)/.exec(text)?.[1] ?? 'kiosk';
  const keys = sourceKeys.get(`${ns}.json`);
  if (!keys) continue; // instrument namespaces are checked against the instrument data, not here
  for (const m of text.matchAll(/\bt\(\s*'([a-z][\w]*(?:\.[\w]+)*)'/g)) {
    const key = m[1] ?? '';
    if (!keys.has(key.replace(PLURAL, '')))
      problems.push(`${file.slice(ROOT.length + 1)}: key ${key} not in nl/${ns}.json`);
  }
}

if (problems.length) {
  console.error(`Locale check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `Locale check: ${namespaces.length} Dutch namespaces, all locales complete, all used keys exist.`,
);
