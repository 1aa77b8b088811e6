/**
 * Remembered verdicts of the deterministic checks (tsc, eslint, prettier, the locale check), outside the clone so a
 * fresh CI clone on this machine finds them. A verdict is keyed by one hash of *every* input: the content of each
 * file git sees in the work tree (tracked, and untracked but not ignored), the installed packages and the Node
 * version. A step is skipped only when that exact tree passed it before; any change anywhere (a file another file's
 * types depend on, a tsconfig, the lockfile) gives a new key and the step runs in full. That is why this is not
 * eslint's own `--cache`: it is per file, and a type-aware rule can change its verdict on a file that did not change.
 * Failures are never remembered. CHECK_CACHE=0 turns it off; CHECK_CACHE_DIR moves it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where verdicts live: one folder per input hash, one file per step that passed on those inputs. */
export const CHECK_CACHE_DIR =
  process.env.CHECK_CACHE_DIR ?? join(homedir(), '.cache', 'slimme-intake', 'checks');

/** Files that stand for what is installed in node_modules (npm writes the first on every install; the lockfile). */
const INSTALLED = ['node_modules/.package-lock.json', 'package-lock.json'];

/**
 * The hash of every input of the checks in `root`, or null when there is no git work tree to list the files (then
 * nothing is cached). Paths and contents are both hashed, so a rename is a change too.
 */
export function inputsHash(root: string): string | null {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return null;
  }
  const files = [...new Set([...listed.split('\0').filter(Boolean), ...INSTALLED])].sort();
  const hash = createHash('sha256').update(`node ${process.version}\0`);
  for (const file of files) {
    const path = join(root, file);
    // A tracked file deleted in the work tree is hashed as absent, which differs from any content.
    hash.update(`${file}\0`).update(existsSync(path) ? readFileSync(path) : '\0absent\0');
  }
  return hash.digest('hex');
}

/** File name of a step's verdict ("typecheck src/server/tsconfig.json" → "typecheck_src_server_tsconfig.json"). */
const stampName = (step: string) => step.replace(/[^\w.-]+/g, '_');

/** The remembered verdicts for one set of inputs. */
export interface CheckCache {
  /** The inputs hash the verdicts are kept under (null: nothing is cached). */
  readonly key: string | null;
  /** When `step` passed on these exact inputs before, the ISO time it did; otherwise null. */
  passedAt(step: string): string | null;
  /** Remembers that `step` passed on these inputs. */
  remember(step: string): void;
}

/** The cache for the inputs in `root`; one that remembers nothing when turned off or outside a git work tree. */
export function checkCache(
  root: string,
  { enabled = process.env.CHECK_CACHE !== '0', under = CHECK_CACHE_DIR } = {},
): CheckCache {
  const key = enabled ? inputsHash(root) : null;
  if (key === null) return { key, passedAt: () => null, remember: () => undefined };
  const dir = join(under, key);
  return {
    key,
    passedAt(step) {
      const stamp = join(dir, stampName(step));
      return existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : null;
    },
    remember(step) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, stampName(step)), `${new Date().toISOString()}\n`);
    },
  };
}
