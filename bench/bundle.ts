// Bench: bytes (gzipped) of JavaScript and CSS the kiosk loads before its first screen, from Vite's build manifest.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = resolve(import.meta.dirname, '../dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
  dynamicImports?: string[];
}

/** Budget from the kiosk issue: 80 kB gzipped before the first screen. */
export const FIRST_LOAD_BUDGET = 80 * 1000;

/** Files the entry loads eagerly: the entry chunk, its static imports (transitively) and their CSS. */
export function firstLoadFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  // Only the kiosk's page counts: the office workspace (werkplek/index.html) is a separate entry tablets never load.
  const entry = Object.entries(manifest).find(([key, c]) => c.isEntry && key === 'index.html');
  if (!entry) throw new Error('no kiosk entry (index.html) in manifest');
  const files = new Set<string>();
  const visit = (key: string) => {
    const c = manifest[key];
    if (!c || files.has(c.file)) return;
    files.add(c.file);
    c.css?.forEach((f) => files.add(f));
    c.imports?.forEach(visit);
  };
  visit(entry[0]);
  return [...files];
}

/** Prints each eagerly loaded file with its gzipped size and the total against the budget. */
export function benchBundle(): string[] {
  const rows = firstLoadFiles().map((f) => {
    const gz = gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length;
    return { f, gz };
  });
  const total = rows.reduce((a, r) => a + r.gz, 0);
  const lines = rows.map(
    (r) => `  ${r.f.padEnd(44)} ${(r.gz / 1000).toFixed(1).padStart(7)} kB gz`,
  );
  lines.push(
    `  first load total: ${(total / 1000).toFixed(1)} kB gzipped (budget ${FIRST_LOAD_BUDGET / 1000} kB) ${total <= FIRST_LOAD_BUDGET ? 'OK' : 'OVER BUDGET'}`,
  );
  return lines;
}
