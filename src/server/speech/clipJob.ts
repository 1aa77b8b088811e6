/**
 * The background job that renders the clips of texts changed after the build: at start, when the version new clients
 * get changes, and after a translation is applied. It renders one clip at a time on the speech route's eSpeak worker
 * (the same voice as the pack, the same disk cache), so tablets' /api/speech requests wait behind at most one clip,
 * and stores each in the database for every instance. Safe to kick often: a run that is going makes one more run.
 */
import { VOICES } from '../../shared/speechRender/voices.ts';
import { RenderQueueFull, type RenderPool } from '../../shared/speechRender/renderPool.ts';
import type { Queryable } from '../db.ts';
import type { InstrumentRegistry } from '../instruments.ts';
import { builtManifest } from '../recordings/store.ts';
import { claimClip, readyClips, storeClip } from './clipStore.ts';
import { planRuntime, spokenTextsNow, type RuntimePlan } from './spokenNow.ts';

/** What the job needs: the database, the instrument versions, the built packs, the eSpeak worker, a clock, a log. */
export interface ClipJobOptions {
  readonly db: Queryable;
  readonly instruments: InstrumentRegistry;
  readonly distDir: string;
  readonly pool: () => RenderPool;
  readonly clock: () => number;
  readonly log: (line: string) => void;
}

/** The job's handle: start a run, wait until no run is going, stop. */
export interface ClipJob {
  kick(): void;
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** A language's plan as it stands now; null when the build has no pack for it. */
export async function planFor(
  o: Pick<ClipJobOptions, 'db' | 'instruments' | 'distDir'>,
  lng: string,
): Promise<RuntimePlan | null> {
  const built = builtManifest(o.distDir, lng);
  if (!built) return null;
  return planRuntime(built, await spokenTextsNow(o.db, o.instruments, built));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates the job; nothing runs until `kick`. */
export function createClipJob(o: ClipJobOptions): ClipJob {
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;

  const render = async (voice: string, text: string): Promise<Uint8Array> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await o.pool().render(voice, text);
      } catch (e) {
        // Tablets asking /api/speech filled the queue: they come first; this clip waits its turn.
        if (!(e instanceof RenderQueueFull) || attempt >= 30 || closed) throw e;
        await pause(2000);
      }
    }
  };

  const runOnce = async () => {
    let rendered = 0;
    let failed = 0;
    for (const lng of Object.keys(VOICES)) {
      if (closed) return;
      const plan = await planFor(o, lng);
      if (!plan || plan.clips.length === 0) continue;
      const ready = await readyClips(
        o.db,
        plan.clips.map((c) => c.renderKey),
      );
      for (const clip of plan.clips) {
        if (closed) return;
        if (ready.has(clip.renderKey) || !(await claimClip(o.db, clip, o.clock()))) continue;
        try {
          await storeClip(o.db, clip.renderKey, await render(clip.voice, clip.text), o.clock());
          rendered++;
        } catch (e) {
          failed++;
          o.log(`read-aloud clip for ${lng} not rendered: ${String(e)}`);
        }
      }
    }
    if (rendered || failed)
      o.log(`read-aloud clips of changed texts: ${rendered} rendered, ${failed} failed`);
  };

  const kick = () => {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await runOnce().catch((e: unknown) => o.log(`read-aloud clips: ${String(e)}`));
      } while (again && !closed);
    })().finally(() => (running = null));
  };

  return {
    kick,
    idle: async () => {
      while (running) await running;
    },
    close: async () => {
      closed = true;
      await running;
    },
  };
}
