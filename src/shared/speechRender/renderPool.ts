/**
 * Renders texts to MP3 with eSpeak NG on worker threads, cached on disk by voice and text. The build renders every
 * pack with it (scripts/audio); the server renders the few texts the build cannot know (/api/speech) with one worker.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Bump when the rendering settings change, so old renders are not reused. */
export const RENDER_VERSION = 'espeak-ng-1.0.2/mp3-24k/s150';

/** The cache key of one rendering: the same for the build and the server, so both reuse each other's files. */
export const renderKey = (voice: string, text: string): string =>
  createHash('sha256').update(`${RENDER_VERSION}\n${voice}\n${text}`).digest('hex').slice(0, 32);

/** Thrown by `render` when the queue is full: the caller answers "busy, try later". */
export class RenderQueueFull extends Error {
  constructor() {
    super('the speech render queue is full');
    this.name = 'RenderQueueFull';
  }
}

/** How big the pool may grow and how long a worker may stay idle or take. */
export interface RenderPoolOptions {
  /** Workers at most (default: cores, at most 4). */
  readonly size?: number;
  /** Texts waiting beyond the ones being rendered; more throws RenderQueueFull (default: unbounded). */
  readonly maxQueue?: number;
  /** Idle workers end after this many ms (default: they live until close). */
  readonly idleMs?: number;
  /** A render taking longer fails and its worker is replaced (default 30 s). */
  readonly timeoutMs?: number;
}

interface Job {
  readonly voice: string;
  readonly text: string;
  readonly resolve: (b: Uint8Array) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/** A pool of eSpeak workers with a disk cache; `stats` counts what was rendered and what came from the cache. */
export function createRenderPool(cacheDir: string, options: RenderPoolOptions = {}) {
  mkdirSync(cacheDir, { recursive: true });
  const size = Math.max(1, options.size ?? Math.min(availableParallelism(), 4));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const queue: Job[] = [];
  const slots = new Set<Slot>();
  const inFlight = new Map<string, Promise<Uint8Array>>();
  const stats = { rendered: 0, cached: 0 };
  let idleTimer: NodeJS.Timeout | null = null;
  let closed = false;

  const retire = (slot: Slot) => {
    slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    void slot.worker.terminate();
  };
  const finish = (slot: Slot, outcome: { bytes: Uint8Array } | { error: Error }) => {
    const job = slot.job;
    slot.job = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    if (job) {
      if ('bytes' in outcome) job.resolve(outcome.bytes);
      else job.reject(outcome.error);
    }
  };
  const scheduleIdleEnd = () => {
    if (options.idleMs === undefined || idleTimer) return;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      for (const s of slots) if (!s.job) retire(s);
    }, options.idleMs);
    idleTimer.unref();
  };
  const spawn = (): Slot => {
    const worker = new Worker(new URL('./renderWorker.js', import.meta.url));
    const slot: Slot = { worker, job: null, timer: null };
    worker.on('message', (m: { bytes?: Uint8Array; error?: string }) => {
      finish(slot, m.bytes ? { bytes: m.bytes } : { error: new Error(m.error ?? 'render failed') });
      pump();
    });
    const dead = (e: Error) => {
      finish(slot, { error: e });
      retire(slot);
      pump();
    };
    worker.on('error', dead);
    worker.on('exit', (code) => {
      if (slots.has(slot)) dead(new Error(`eSpeak worker stopped (exit ${code})`));
    });
    slots.add(slot);
    return slot;
  };
  const pump = () => {
    if (closed) return;
    while (queue.length) {
      let slot = [...slots].find((s) => !s.job);
      if (!slot && slots.size < size) slot = spawn();
      if (!slot) return;
      const job = queue.shift()!;
      const busy = slot;
      busy.job = job;
      busy.timer = setTimeout(() => {
        finish(busy, { error: new Error(`eSpeak took longer than ${timeoutMs} ms`) });
        retire(busy);
        pump();
      }, timeoutMs);
      busy.worker.postMessage({ voice: job.voice, text: job.text });
    }
    if ([...slots].every((s) => !s.job)) scheduleIdleEnd();
  };

  return {
    stats,
    /** Renderings asked for and not finished yet (waiting for a worker or under way): what is left to render. */
    waiting: (): number => inFlight.size,
    /** Where the rendering of `text` in `voice` is (or will be) kept. */
    cacheFile: (voice: string, text: string): string =>
      join(cacheDir, `${renderKey(voice, text)}.mp3`),
    /**
     * The MP3 of `text` in `voice`, from the cache or freshly rendered; one rendering per text at a time. With
     * `keep: false` a fresh rendering is not written to the disk cache (texts about one client).
     */
    render(
      voice: string,
      text: string,
      { keep = true }: { keep?: boolean } = {},
    ): Promise<Uint8Array> {
      const key = renderKey(voice, text);
      const file = join(cacheDir, `${key}.mp3`);
      if (existsSync(file)) {
        stats.cached++;
        return Promise.resolve(readFileSync(file));
      }
      const running = inFlight.get(key);
      if (running) return running;
      if (closed) return Promise.reject(new Error('the render pool is closed'));
      const busyWorkers = [...slots].filter((s) => s.job).length;
      if (options.maxQueue !== undefined && queue.length >= options.maxQueue && busyWorkers >= size)
        return Promise.reject(new RenderQueueFull());
      const p = new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ voice, text, resolve, reject });
        pump();
      })
        .then((bytes) => {
          stats.rendered++;
          if (!keep) return bytes;
          // A name of its own per process: server instances sharing one folder never rename each other's half-file.
          const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
          try {
            writeFileSync(tmp, bytes);
            renameSync(tmp, file);
          } catch {
            // The cache is only a saving: a rendering that cannot be kept is still sent, and rendered again next time.
          }
          return bytes;
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, p);
      return p;
    },
    /** Stops the workers; waiting renders fail. */
    close: async () => {
      closed = true;
      if (idleTimer) clearTimeout(idleTimer);
      for (const job of queue.splice(0)) job.reject(new Error('the render pool is closed'));
      const all = [...slots];
      slots.clear();
      for (const s of all) finish(s, { error: new Error('the render pool is closed') });
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}

/** A render pool as `createRenderPool` makes it. */
export type RenderPool = ReturnType<typeof createRenderPool>;
