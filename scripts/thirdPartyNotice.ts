/**
 * Writes THIRD_PARTY_NOTICES.md from package-lock.json: every package that ships with slimme-intake (what the server
 * runs, what the browser apps bundle, the fonts and the eSpeak NG voices), with its version, its licence and the
 * licence text from the package itself. `npm run notice` rewrites it; test/unit/thirdPartyNotice.test.ts fails when
 * the committed file no longer matches the lockfile.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
/** Where the notice lives. */
export const NOTICE_FILE = join(ROOT, 'THIRD_PARTY_NOTICES.md');

/**
 * Development packages whose code ships all the same: tsx runs the server in production (`npm start`), and the
 * generated service worker bundles these workbox runtime modules.
 */
const SHIPPED_DEV_ROOTS = [
  'tsx',
  'workbox-core',
  'workbox-expiration',
  'workbox-precaching',
  'workbox-routing',
  'workbox-strategies',
];

/** What the notice says about a package beyond its licence, where it matters. */
const ROLES: Readonly<Record<string, string>> = {
  'espeak-ng':
    'eSpeak NG and its voice data: renders the read-aloud audio packs at build time and the agency name on the server. GPL-3.0-or-later, which the EUPL-1.2 lists as compatible.',
  '@fontsource/vazirmatn': 'Vazirmatn font (Arabic script: ar, fa).',
  '@fontsource-variable/noto-sans-ethiopic': 'Noto Sans Ethiopic font (Ethiopic script: ti).',
};

interface LockEntry {
  readonly version?: string;
  readonly license?: string;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly optional?: boolean;
  readonly link?: boolean;
}

/** The parts of package-lock.json (lockfileVersion 3) the notice reads. */
export interface Lockfile {
  readonly packages: Readonly<Record<string, LockEntry>>;
}

/** One shipped package: its lockfile path (node_modules/…), name, version and SPDX licence. */
export interface Shipped {
  readonly path: string;
  readonly name: string;
  readonly version: string;
  readonly license: string;
}

const nameOf = (path: string): string => path.slice(path.lastIndexOf('node_modules/') + 13);

/** Where node resolves `dep` from the package at `from` (nearest node_modules up the tree), as a lockfile path. */
function resolveIn(lock: Lockfile, from: string, dep: string): string | null {
  for (let base = from; ;) {
    const candidate = base ? `${base}/node_modules/${dep}` : `node_modules/${dep}`;
    if (lock.packages[candidate]) return candidate;
    if (!base) return null;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

/** Every package reachable from the production dependencies and the shipped development roots, sorted by path. */
export function shippedPackages(lock: Lockfile): Shipped[] {
  const root = lock.packages[''] as LockEntry & { dependencies?: Record<string, string> };
  const seen = new Set<string>();
  const visit = (from: string, dep: string) => {
    const path = resolveIn(lock, from, dep);
    if (!path || seen.has(path)) return;
    seen.add(path);
    const e = lock.packages[path];
    for (const d of Object.keys({ ...e?.dependencies, ...e?.optionalDependencies })) visit(path, d);
  };
  for (const d of [...Object.keys(root.dependencies ?? {}), ...SHIPPED_DEV_ROOTS]) visit('', d);
  return [...seen]
    .filter((p) => !lock.packages[p]?.optional) // platform builds not installed here (esbuild's other systems)
    .sort()
    .map((path) => {
      const e = lock.packages[path];
      return {
        path,
        name: nameOf(path),
        version: e?.version ?? '?',
        license: e?.license ?? 'UNKNOWN',
      };
    });
}

/** The licence text a package carries (LICENSE, LICENCE, COPYING…), or null when it has none. */
export function licenceText(path: string, root = ROOT): string | null {
  const dir = join(root, path);
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir)
    .filter((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f))
    .sort()[0];
  return file ? readFileSync(join(dir, file), 'utf8').replace(/\r\n/g, '\n').trim() : null;
}

/** The notice: a table of every shipped package, then each distinct licence text with the packages that carry it. */
export function renderNotice(
  lock: Lockfile,
  textOf: (path: string) => string | null = licenceText,
): string {
  const shipped = shippedPackages(lock);
  const lines = [
    '# Third-party notices',
    '',
    'slimme-intake is licensed under the EUPL-1.2 (see `LICENSE`). It ships the packages below: what the server runs,',
    'what the tablet and office apps bundle, the fonts, and eSpeak NG with its voices (the audio packs are rendered',
    'with it). Generated from `package-lock.json` by `npm run notice`; do not edit by hand.',
    '',
    '| Package | Version | Licence | Note |',
    '| --- | --- | --- | --- |',
    ...shipped.map((p) => `| ${p.name} | ${p.version} | ${p.license} | ${ROLES[p.name] ?? ''} |`),
    '',
    '## Licence texts',
  ];
  const byText = new Map<string, string[]>();
  const without: string[] = [];
  for (const p of shipped) {
    const text = textOf(p.path);
    const label = `${p.name} ${p.version}`;
    if (text === null) without.push(`${label} (${p.license})`);
    else byText.set(text, [...(byText.get(text) ?? []), label]);
  }
  for (const [text, names] of byText)
    lines.push('', `### ${names.join(', ')}`, '', '```text', text, '```');
  if (without.length)
    lines.push(
      '',
      '### Packages without a licence file',
      '',
      'Their licence is the SPDX identifier in the table above:',
      '',
      ...without.map((w) => `- ${w}`),
    );
  return `${lines.join('\n')}\n`;
}

/** The notice for this checkout's lockfile. */
export const currentNotice = (): string =>
  renderNotice(JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile);

if (process.argv[1] === import.meta.filename) {
  writeFileSync(NOTICE_FILE, currentNotice());
  console.log(`wrote ${NOTICE_FILE}`);
}
