// Build time: renders texts to MP3 with eSpeak NG on worker threads, cached on disk by voice and text.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Bump when the rendering settings change, so old renders are not reused. */
const RENDER_VERSION = 'espeak-ng-1.0.2/mp3-24k/s150';

interface Job {
  readonly voice: string;
  readonly text: string;
  readonly resolve: (b: Uint8Array) => void;
  readonly reject: (e: Error) => void;
}

/** A pool of eSpeak workers with a disk cache; `stats` counts what was rendered and what came from the cache. */
export function createRenderPool(cacheDir: string) {
  mkdirSync(cacheDir, { recursive: true });
  const queue: Job[] = [];
  const workers: Worker[] = [];
  const idle: Worker[] = [];
  const pending = new Map<number, Job>();
  let nextId = 0;
  const stats = { rendered: 0, cached: 0 };
  const size = Math.max(1, Math.min(availableParallelism(), 4));

  const pump = () => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const job = queue.shift()!;
      const id = nextId++;
      pending.set(id, job);
      w.postMessage({ id, voice: job.voice, text: job.text });
    }
  };
  const spawn = () => {
    const w = new Worker(new URL('./renderWorker.js', import.meta.url));
    w.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
      const job = pending.get(m.id);
      pending.delete(m.id);
      idle.push(w);
      if (job) {
        if (m.bytes) job.resolve(m.bytes);
        else job.reject(new Error(m.error ?? 'render failed'));
      }
      pump();
    });
    w.on('error', (e) => {
      for (const job of pending.values()) job.reject(e);
      pending.clear();
    });
    workers.push(w);
    idle.push(w);
  };

  return {
    stats,
    /** The MP3 of `text` in `voice`, from the cache or freshly rendered. */
    render(voice: string, text: string): Promise<Uint8Array> {
      const hash = createHash('sha256')
        .update(`${RENDER_VERSION}\n${voice}\n${text}`)
        .digest('hex');
      const file = join(cacheDir, `${hash.slice(0, 32)}.mp3`);
      if (existsSync(file)) {
        stats.cached++;
        return Promise.resolve(readFileSync(file));
      }
      if (workers.length < size) spawn();
      return new Promise<Uint8Array>((resolve, reject) => {
        queue.push({ voice, text, resolve, reject });
        pump();
      }).then((bytes) => {
        stats.rendered++;
        writeFileSync(`${file}.tmp`, bytes);
        renameSync(`${file}.tmp`, file);
        return bytes;
      });
    },
    /** Stops the workers. */
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}
