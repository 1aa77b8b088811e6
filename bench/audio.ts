// Bench: bytes of each language's audio pack in dist/audio (manifest plus sound files), loaded only when enabled.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const AUDIO = resolve(import.meta.dirname, '../dist/audio');

/** Per-language audio-pack bytes, for a11y's per-language table and the bench. */
export function audioPackBytes(): Record<string, { files: number; bytes: number }> {
  const out: Record<string, { files: number; bytes: number }> = {};
  for (const lng of readdirSync(AUDIO).sort()) {
    const files = readdirSync(join(AUDIO, lng));
    out[lng] = {
      files: files.length,
      bytes: files.reduce((n, f) => n + statSync(join(AUDIO, lng, f)).size, 0),
    };
  }
  return out;
}

/** The bench section: one line per language. */
export function benchAudioPacks(): string[] {
  return Object.entries(audioPackBytes()).map(
    ([lng, { files, bytes }]) =>
      `  ${lng.padEnd(3)} ${String(files).padStart(4)} files  ${(bytes / 1024).toFixed(0).padStart(6)} kB`,
  );
}
