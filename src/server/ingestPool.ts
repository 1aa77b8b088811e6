/**
 * Decrypting, validating and re-scoring sealed sessions on worker threads (piscina), one task per sync request, so
 * ingest uses every core and the event loop stays free for HTTP and SQL. One pool per process, shared by every server
 * in it. A server started by main.ts starts its threads at once and keeps them (startIngestThreads); elsewhere (tests,
 * scripts) they start on the first request and end after a minute idle. Idle threads never keep the process alive.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { ensureBundleFile, workerBundle, type WorkerBundle } from './ingestBundle.ts';
import { openSessions, type OpenTask, type Opened, type Refused } from './ingestOpen.ts';

/** Threads when INGEST_WORKERS is not set: one per core. */
const defaultThreads = (): number => availableParallelism();

/**
 * INGEST_WORKERS: how many threads open sessions (default: one per core); 0 opens them on the event loop (one core).
 * A value that is not a whole number ≥ 0 stops the server at start.
 */
export function ingestThreadsFromEnv(value = process.env.INGEST_WORKERS): number {
  if (value === undefined || value === '') return defaultThreads();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`INGEST_WORKERS must be a whole number (0 or more), not "${value}"`);
  return n;
}

/**
 * A task as it crosses to a thread: the sessions as one JSON text, and the answer too. A structured clone copies an
 * object graph field by field on both sides; for one request's 20 records that was ~1.1 ms of CPU (0.5 to copy, 0.6 to
 * rebuild), JSON.stringify and JSON.parse take ~0.45 ms, and a string crosses in one piece. The keys stay KeyObjects.
 */
export interface OpenTaskText extends Omit<OpenTask, 'sessions'> {
  readonly sessions: string;
}

let bundle: Promise<WorkerBundle> | null = null;
let pool: Piscina<OpenTaskText, string> | null = null;

/** Whether the pool keeps its threads (started by startIngestThreads) rather than letting idle ones end. */
const kept = (): boolean => (pool?.minThreads ?? 0) > 0;

async function poolOf(size: number, keepThreads = false): Promise<Piscina<OpenTaskText, string>> {
  // One bundle per process, from the shared content-hashed cache (ingestBundle.ts); a failed build is tried again.
  bundle ??= workerBundle().catch((e: unknown) => {
    bundle = null;
    throw e;
  });
  const b = await bundle;
  // Threads load the file when they start (also after idling out): put it back if the temporary folder was cleaned.
  ensureBundleFile(b);
  if (pool && pool.maxThreads === size && kept() === keepThreads) return pool;
  void pool?.destroy();
  pool = new Piscina({
    filename: b.path,
    minThreads: keepThreads ? size : 0,
    maxThreads: size,
    idleTimeout: 60_000,
    // The bundle is plain JavaScript: no loader needed (a worker does not get the parent's --import hooks anyway).
    execArgv: [],
  });
  return pool;
}

/** Opens one request's sessions on the pool (`threads` > 0) or inline (0); the result is in the task's order. */
export async function openInPool(task: OpenTask, size: number): Promise<(Opened | Refused)[]> {
  if (size === 0 || task.sessions.length === 0) return openSessions(task);
  const answer = await (
    await poolOf(size, kept())
  ).run({ ...task, sessions: JSON.stringify(task.sessions) });
  return JSON.parse(answer) as (Opened | Refused)[];
}

/**
 * Starts `size` threads now and keeps them (main.ts, once it listens): starting one and loading its code took ~0.24 s
 * of CPU, which the first sync after a start, or after a quiet minute, paid on its request. 0 starts nothing.
 */
export async function startIngestThreads(size: number): Promise<void> {
  if (size > 0) await poolOf(size, true);
}

/** Tasks the pool has finished and threads it has now, for tests and the bench to see the work left the event loop. */
export function ingestPoolStats(): { tasks: number; threads: number; kept: boolean } {
  return { tasks: pool?.completed ?? 0, threads: pool?.threads.length ?? 0, kept: kept() };
}
