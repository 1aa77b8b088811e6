import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '../../dist');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });

describe('shipped bundle', () => {
  it('holds no eSpeak NG code (GPL, build time only) and an audio pack per language', () => {
    const all = files(DIST);
    const code = all.filter((f) => /\.(js|wasm|html|css)$/.test(f));
    const offenders = code.filter(
      (f) => /espeak/i.test(readFileSync(f, 'latin1')) || /\.wasm$/.test(f),
    );
    expect(offenders).toEqual([]);
    for (const lng of ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'])
      expect(all).toContain(join(DIST, 'audio', lng, 'manifest.json'));
  });
});
