// Bench: bytes (gzipped) of JavaScript and CSS the kiosk loads before its first screen, from Vite's build manifest,
// beside the same figure of the bare-stack page (bench/bare) built in the same run.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BARE_DIST } from './bareStack.ts';

const DIST = resolve(import.meta.dirname, '../dist');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
  dynamicImports?: string[];
}

/** Budget from issue 15: 64 KiB gzipped before the first screen. */
export const FIRST_LOAD_BUDGET = 64 * 1024;

/** Files the entry loads eagerly: the entry chunk, its static imports (transitively) and their CSS. */
export function firstLoadFiles(dist = DIST): string[] {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<
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

const gzBytes = (dist: string, f: string): number =>
  gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const kib = (n: number): string => `${(n / 1024).toFixed(1)} KiB`;

/** Prints each eagerly loaded file with its gzipped size, the total, and the total as a ratio to the bare stack's. */
export function benchBundle(): string[] {
  const rows = firstLoadFiles().map((f) => ({ f, gz: gzBytes(DIST, f) }));
  const total = rows.reduce((a, r) => a + r.gz, 0);
  const bare = firstLoadFiles(BARE_DIST).reduce((a, f) => a + gzBytes(BARE_DIST, f), 0);
  const lines = rows.map((r) => `  ${r.f.padEnd(44)} ${kib(r.gz).padStart(9)} gz`);
  lines.push(
    `  kiosk first load: ${kib(total)} gz; bare stack (preact + dexie + i18next + workbox-window, one item, one put): ${kib(bare)} gz`,
    `  ratio ${(total / bare).toFixed(2)}× the bare stack; budget ≤ ${kib(FIRST_LOAD_BUDGET)}: ${total <= FIRST_LOAD_BUDGET ? 'OK' : 'OVER BUDGET'}`,
  );
  return lines;
}
