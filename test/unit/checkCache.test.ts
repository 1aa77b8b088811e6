// The remembered check verdicts (scripts/checkCache.ts) are sound: any change to any input, including a file only
// another file's types depend on, an untracked file or the installed packages, gives a new key; ignored files do not.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCache, inputsHash } from '../../scripts/checkCache.ts';

let root: string;
const write = (file: string, text: string) => writeFileSync(join(root, file), text);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'si-checkcache-'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  write('.gitignore', 'dist\nnode_modules\n');
  write('a.ts', "import type { B } from './b.ts';\nexport const a: B = 1;\n");
  write('b.ts', 'export type B = number;\n');
  execFileSync('git', ['add', '.'], { cwd: root });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('inputsHash', () => {
  it('changes when a dependency changes though the linted file did not', () => {
    const before = inputsHash(root);
    write('b.ts', 'export type B = string;\n');
    expect(inputsHash(root)).not.toBe(before);
  });

  it('changes for an untracked file, a deleted one and the installed packages; not for ignored output', () => {
    const seen = new Set([inputsHash(root)]);
    write('c.ts', 'export {};\n');
    seen.add(inputsHash(root));
    rmSync(join(root, 'b.ts'));
    seen.add(inputsHash(root));
    mkdirSync(join(root, 'node_modules'));
    write('node_modules/.package-lock.json', '{"packages":{}}');
    seen.add(inputsHash(root));
    expect(seen.size).toBe(4);
    mkdirSync(join(root, 'dist'));
    write('dist/out.js', 'built');
    expect(seen.has(inputsHash(root))).toBe(true);
  });

  it('is null outside a git work tree, so nothing is remembered there', () => {
    const bare = mkdtempSync(join(tmpdir(), 'si-nogit-'));
    expect(inputsHash(bare)).toBeNull();
    expect(checkCache(bare, { under: join(bare, 'cache') }).key).toBeNull();
    rmSync(bare, { recursive: true, force: true });
  });
});

describe('checkCache', () => {
  it('answers a pass only for the inputs it was remembered on', () => {
    const under = join(root, 'dist', 'cache');
    const first = checkCache(root, { under });
    expect(first.passedAt('lint')).toBeNull();
    first.remember('lint');
    expect(checkCache(root, { under }).passedAt('lint')).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(checkCache(root, { under }).passedAt('typecheck tsconfig.json')).toBeNull();
    write('b.ts', 'export type B = string;\n');
    expect(checkCache(root, { under }).passedAt('lint')).toBeNull();
    expect(checkCache(root, { under, enabled: false }).passedAt('lint')).toBeNull();
  });
});
