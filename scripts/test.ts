/**
 * `npm test`: every check and every test layer, the independent checks two at a time (this machine has two cores and
 * tsc, eslint and prettier each use one), then the test layers; prints each step's output when it ends and a table
 * of wall and CPU time per step. Exits non-zero when any step fails. `--only name,name` runs some steps.
 * A deterministic check that passed before on exactly these inputs is not run again (scripts/checkCache.ts).
 */
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { checkCache, inputsHash } from './checkCache.ts';

/** One command of the gate. */
interface Step {
  readonly name: string;
  readonly cmd: string;
  /** Its verdict depends only on the files of the tree, installed packages and Node: a pass can be remembered. */
  readonly pure?: boolean;
}

/** What a finished step reports. */
interface Done {
  readonly name: string;
  readonly ok: boolean;
  readonly wallS: number;
  readonly cpuS: number;
  /** Not run: it passed on these exact inputs before. */
  readonly cached?: boolean;
}

const tsc = (project: string): Step => ({
  name: `typecheck ${project}`,
  cmd: `tsc -p ${project} --noEmit`,
  pure: true,
});

/** Independent checks: any order, side by side. Each tsconfig checks its program with the libraries it runs with. */
const CHECKS: readonly Step[] = [
  tsc('tsconfig.json'),
  { name: 'lint', cmd: 'eslint .', pure: true },
  tsc('src/server/tsconfig.json'),
  tsc('src/tablet/tsconfig.json'),
  tsc('src/office/tsconfig.json'),
  tsc('src/shared/tsconfig.json'),
  tsc('src/shared/core/tsconfig.json'),
  tsc('src/shared/speechRender/tsconfig.json'),
  tsc('src/tablet/pwa/worker/tsconfig.json'),
  { name: 'format', cmd: 'prettier --check .', pure: true },
  { name: 'locales', cmd: 'tsx scripts/check-locales.ts', pure: true },
  { name: 'build', cmd: 'npm run build --silent' },
];

/** The test layers, one after another (each uses every core); the browser tests need the build above. */
const TESTS: readonly Step[] = [
  {
    name: 'unit+component+server',
    cmd: 'vitest run --project unit --project component --project server',
  },
  { name: 'browser', cmd: 'vitest run --project browser' },
];

/**
 * Runs `cmd` in a shell; resolves with its result and the CPU its processes used. Output is held back and printed
 * at the end, so two steps side by side never interleave.
 */
function run(step: Step): Promise<Done> {
  const passedAt = step.pure ? cache.passedAt(step.name) : null;
  if (passedAt !== null) {
    process.stdout.write(
      `\n── ${step.name} passed on these exact inputs at ${passedAt} (not run again)\n`,
    );
    return Promise.resolve({ name: step.name, ok: true, wallS: 0, cpuS: 0, cached: true });
  }
  const started = performance.now();
  return new Promise((resolve) => {
    // `times` prints the CPU the shell's children used (user and system, two lines): the step's CPU.
    const child = spawn('bash', ['-c', `${step.cmd}; rc=$?; times >&3; exit $rc`], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1' },
    });
    let out = '';
    let times = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => (times += d.toString()));
    child.on('close', (code) => {
      const wallS = (performance.now() - started) / 1000;
      const ok = code === 0;
      process.stdout.write(
        `\n── ${step.name} ${ok ? 'passed' : 'FAILED'} (${wallS.toFixed(1)} s)\n`,
      );
      if (!ok || process.env.TEST_VERBOSE || TESTS.includes(step)) process.stdout.write(out);
      resolve({ name: step.name, ok, wallS, cpuS: childCpu(times) });
    });
  });
}

/** Seconds of user + system CPU of the children, from the second line of bash's `times` ("0m1.5s 0m0.2s"). */
function childCpu(times: string): number {
  const line = times.trim().split('\n')[1] ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
    (sum, m) => sum + Number(m[1]) * 60 + Number(m[2]),
    0,
  );
}

/** Runs `steps` with at most `limit` at a time. */
async function pool(steps: readonly Step[], limit: number): Promise<Done[]> {
  const queue = [...steps];
  const done: Done[] = [];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) done.push(await run(s));
  };
  await Promise.all(Array.from({ length: Math.min(limit, queue.length) }, worker));
  return done;
}

const only = process.argv.includes('--only')
  ? new Set(process.argv[process.argv.indexOf('--only') + 1]?.split(','))
  : null;
const pick = (steps: readonly Step[]) => steps.filter((s) => !only || only.has(s.name));

const root = resolve(import.meta.dirname, '..');
const cache = checkCache(root);
const t0 = performance.now();
const results = await pool(pick(CHECKS), Number(process.env.TEST_JOBS ?? availableParallelism()));
// Remember the passes only if no file changed while the checks ran (they may have read either version).
if (cache.key !== null && cache.key === inputsHash(root))
  for (const r of results)
    if (r.ok && !r.cached && CHECKS.find((c) => c.name === r.name)?.pure) cache.remember(r.name);
if (results.every((r) => r.ok))
  for (const s of pick(TESTS)) if ((results.push(await run(s)), !results.at(-1)?.ok)) break;

const total = (performance.now() - t0) / 1000;
const rows = results.map(
  (r) =>
    `${r.ok ? ' ' : '✗'} ${r.name.padEnd(44)} ${r.wallS.toFixed(1).padStart(7)} s wall ${r.cpuS.toFixed(1).padStart(7)} s CPU${r.cached ? ' (passed before on these inputs)' : ''}`,
);
const cpu = results.reduce((s, r) => s + r.cpuS, 0);
console.log(
  `\n${rows.join('\n')}\n  ${'npm test'.padEnd(44)} ${total.toFixed(1).padStart(7)} s wall ${cpu.toFixed(1).padStart(7)} s CPU`,
);
const failed = results.filter((r) => !r.ok).map((r) => r.name);
if (failed.length) {
  console.error(`\nFailed: ${failed.join(', ')}`);
  process.exit(1);
}
