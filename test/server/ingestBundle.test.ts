// Issue 15: the ingest worker's bundle is one content-hashed file shared by every process with the same source,
// written atomically, instead of a new /tmp/si-ingest-* folder per process that a killed process left behind.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureBundleFile, workerBundle } from '../../src/server/ingestBundle.ts';

const made: string[] = [];
const folder = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'bundle-test-'));
  made.push(d);
  return d;
};
afterEach(() => {
  for (const d of made.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A two-file worker source in its own folder. */
function source(word: string): { root: string; entry: string } {
  const root = folder();
  writeFileSync(join(root, 'word.ts'), `export const word: string = '${word}';\n`);
  writeFileSync(
    join(root, 'entry.ts'),
    "import { word } from './word.ts';\nexport default (): string => word;\n",
  );
  return { root, entry: join(root, 'entry.ts') };
}

const bundles = (dir: string): string[] =>
  readdirSync(dir).filter((n) => n.startsWith('slimme-ingest-') && n.endsWith('.mjs'));

describe('ingest worker bundle cache', () => {
  it('is built once and reused by the next process with the same source, leaving no temporary files', async () => {
    const dir = folder();
    const src = source('eerste');
    const [a, b, c] = await Promise.all([
      workerBundle(dir, src.entry, src.root),
      workerBundle(dir, src.entry, src.root),
      workerBundle(dir, src.entry, src.root),
    ]);
    expect(new Set([a.path, b.path, c.path]).size).toBe(1);
    const builtAt = statSync(a.path).ino;
    const again = await workerBundle(dir, src.entry, src.root);
    expect(again.path).toBe(a.path);
    // Reused, not written again: the same file.
    expect(statSync(again.path).ino).toBe(builtAt);
    expect(bundles(dir)).toEqual([a.path.slice(dir.length + 1)]);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const mod = (await import(pathToFileURL(a.path).href)) as { default: () => string };
    expect(mod.default()).toBe('eerste');
  });

  it('builds a new file when any file of the bundle changes', async () => {
    const dir = folder();
    const src = source('eerste');
    const first = await workerBundle(dir, src.entry, src.root);
    writeFileSync(join(src.root, 'word.ts'), "export const word: string = 'tweede';\n");
    const second = await workerBundle(dir, src.entry, src.root);
    expect(second.path).not.toBe(first.path);
    const mod = (await import(pathToFileURL(second.path).href)) as { default: () => string };
    expect(mod.default()).toBe('tweede');
  });

  it('writes the file again when the temporary folder was cleaned while the process runs', async () => {
    const dir = folder();
    const src = source('eerste');
    const b = await workerBundle(dir, src.entry, src.root);
    rmSync(b.path);
    ensureBundleFile(b);
    expect(bundles(dir)).toEqual([b.path.slice(dir.length + 1)]);
    // And a later start finds the manifest's inputs unchanged and reuses that file.
    expect((await workerBundle(dir, src.entry, src.root)).path).toBe(b.path);
  });
});
