// Bench: per language, the bytes (gzipped) a tablet fetches when that language is enabled: texts, font, audio pack.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist');
const gz = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;

/** Total size of a folder's files (audio is already compressed, so raw bytes). */
function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, f) => {
    const p = join(dir, f);
    return sum + (statSync(p).isDirectory() ? folderBytes(p) : statSync(p).size);
  }, 0);
}

const FONT_FILES: Readonly<Record<string, RegExp>> = {
  Arab: /^(vazirmatn-arabic-.*\.woff2|arabic-.*\.css)$/,
  Ethi: /^(noto-sans-ethiopic-.*\.woff2|ethiopic-.*\.css)$/,
};

/** One line per language: translation bytes (gz), font bytes, audio-pack bytes. */
export function benchLanguages(): string[] {
  const assets = readdirSync(join(DIST, 'assets'));
  const kb = (n: number) => (n / 1000).toFixed(1).padStart(8);
  const lines = [
    `  ${'lang'.padEnd(5)} ${'texts kB gz'.padStart(12)} ${'font kB'.padStart(9)} ${'audio kB'.padStart(9)}`,
  ];
  for (const lng of readdirSync(join(ROOT, 'locales')).sort()) {
    const meta = JSON.parse(readFileSync(join(ROOT, 'locales', lng, 'meta.json'), 'utf8')) as {
      script: string;
    };
    const texts = readdirSync(join(ROOT, 'locales', lng))
      .filter((f) => f.startsWith('kiosk') || f.startsWith('instrument.'))
      .reduce((s, f) => s + gz(join(ROOT, 'locales', lng, f)), 0);
    const pattern = FONT_FILES[meta.script];
    const font = pattern
      ? assets
          .filter((f) => pattern.test(f))
          .reduce((s, f) => s + statSync(join(DIST, 'assets', f)).size, 0)
      : 0;
    const audio = folderBytes(join(DIST, 'audio', lng));
    lines.push(
      `  ${lng.padEnd(5)} ${kb(texts).padStart(12)} ${kb(font).padStart(9)} ${kb(audio).padStart(9)}`,
    );
  }
  return lines;
}
