/**
 * The ingest worker's code as one JavaScript file (ingestPool.ts), cached by content: every process that runs the
 * same source uses the same `slimme-ingest-<hash>.mjs` in the temporary folder, written once, atomically (a new name,
 * then rename), and a killed process leaves nothing behind. A thread that loaded the TypeScript through tsx's loader
 * took ~2 s of CPU to start (every TypeBox module through the loader's hooks thread); the bundle starts in a fraction
 * of that, and runs the same under `node --import tsx`, the tsx command and vitest.
 *
 * The hash covers every file esbuild read for the bundle (their paths and contents), the esbuild version and the build
 * options. Which files those are is remembered beside the bundles (`slimme-ingest-inputs-<entry hash>.json`), so a
 * start that finds every listed file unchanged reuses the bundle without building; any change builds again.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version as esbuildVersion, type BuildOptions } from 'esbuild';

/** A bundle unused (by no process starting with it) this long is removed by the next process that writes one. */
export const BUNDLE_MAX_IDLE_MS = 30 * 86_400_000;

/** Where the bundles are kept (INGEST_BUNDLE_DIR, else the system's temporary folder). */
export const bundleDir = (): string => process.env.INGEST_BUNDLE_DIR || tmpdir();

const ENTRY = fileURLToPath(new URL('./ingestWorker.ts', import.meta.url));
/** Paths in the metafile are relative to this folder (the repository). */
const ROOT = resolve(dirname(ENTRY), '../..');

const OPTIONS: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  write: false,
  metafile: true,
  outfile: 'ingestWorker.mjs',
};

const sha = (...parts: (string | Buffer)[]): string => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex').slice(0, 20);
};

/** The content hash of these inputs (null when one cannot be read: it changed, build again). */
function inputsHash(root: string, inputs: readonly string[]): string | null {
  const h = createHash('sha256');
  h.update(`${esbuildVersion}\0${JSON.stringify(OPTIONS)}\0`);
  for (const path of [...inputs].sort()) {
    let text: Buffer;
    try {
      text = readFileSync(resolve(root, path));
    } catch {
      return null;
    }
    h.update(path).update('\0').update(text).update('\0');
  }
  return h.digest('hex').slice(0, 20);
}

/** Writes a file so readers see all of it or none of it. */
function writeAtomically(path: string, text: string | Buffer): void {
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text, { mode: 0o644 });
  renameSync(temp, path);
}

/** Bundles older than BUNDLE_MAX_IDLE_MS (mtime: last written or reused) go. */
function pruneOld(dir: string, keep: string): void {
  const cutoff = Date.now() - BUNDLE_MAX_IDLE_MS;
  for (const name of readdirSync(dir)) {
    if (!/^slimme-ingest-[0-9a-f]+\.mjs$/.test(name) || join(dir, name) === keep) continue;
    try {
      if (statSync(join(dir, name)).mtimeMs < cutoff) rmSync(join(dir, name), { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/** The bundle's path and its text (kept to write it again if someone deletes the file while this process runs). */
export interface WorkerBundle {
  readonly path: string;
  readonly text: string;
}

/**
 * The cached bundle for the current source: reused when its inputs are unchanged, else built and written. `entry`
 * and `root` (the folder input paths are relative to) are the worker's; tests pass their own.
 */
export async function workerBundle(
  dir = bundleDir(),
  entry = ENTRY,
  root = ROOT,
): Promise<WorkerBundle> {
  mkdirSync(dir, { recursive: true });
  const manifest = join(dir, `slimme-ingest-inputs-${sha(root, entry)}.json`);
  let inputs: string[] = [];
  try {
    inputs = (JSON.parse(readFileSync(manifest, 'utf8')) as { inputs: string[] }).inputs;
  } catch {
    // First start with this source tree (or an unreadable manifest): build below.
  }
  const known = inputs.length > 0 ? inputsHash(root, inputs) : null;
  if (known) {
    const path = join(dir, `slimme-ingest-${known}.mjs`);
    try {
      const text = readFileSync(path, 'utf8');
      const now = new Date();
      try {
        // Marks it as in use, so pruning leaves it alone.
        utimesSync(path, now, now);
      } catch {
        // Read-only: fine, it is still used.
      }
      return { path, text };
    } catch {
      // Listed but gone (pruned, tmp cleaned): build below.
    }
  }
  const out = await build({ ...OPTIONS, entryPoints: [entry], absWorkingDir: root });
  const built = Object.keys(out.metafile?.inputs ?? {});
  const hash = inputsHash(root, built);
  const text = out.outputFiles?.[0]?.text ?? '';
  if (hash === null || text === '') throw new Error('ingest worker: bundling read no inputs');
  const path = join(dir, `slimme-ingest-${hash}.mjs`);
  if (!existsSync(path)) writeAtomically(path, text);
  writeAtomically(manifest, JSON.stringify({ inputs: built }));
  pruneOld(dir, path);
  return { path, text };
}

/** Writes the bundle again when its file went missing (a cleaned temporary folder) while this process runs. */
export function ensureBundleFile(b: WorkerBundle): void {
  if (!existsSync(b.path)) writeAtomically(b.path, b.text);
}
