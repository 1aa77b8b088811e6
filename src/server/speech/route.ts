/**
 * `GET /api/speech?lng=&text=`: the agency's name (or another short text the build cannot know) spoken with the same
 * eSpeak NG voice as the language's audio pack, so a tablet without a device voice can say it, and cache it offline.
 * Anonymous like the pack files themselves, but only short texts, one rendering at a time, a bounded queue, a per-address
 * budget of fresh renderings and a bounded disk cache.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { route } from '../routing.ts';
import { sendRenderFailure, speechQuery } from './speechQuery.ts';
import { sendError } from '../errors.ts';
import {
  createRenderPool,
  renderKey,
  type RenderPool,
} from '../../shared/speechRender/renderPool.ts';

/** Limits of the route; tests shrink them. */
export interface SpeechLimits {
  /** Fresh renderings per address per window (answers from the cache do not count). */
  readonly rendersPerWindow: number;
  readonly windowMs: number;
  /** Renderings waiting beyond the one in progress before the route answers 503. */
  readonly maxQueue: number;
  /** Files kept in the cache; the oldest go first. */
  readonly maxFiles: number;
}

/** Enough for an office of tablets after a name change (one rendering per language), too little to fill a disk. */
export const SPEECH_LIMITS: SpeechLimits = {
  rendersPerWindow: 30,
  windowMs: 10 * 60_000,
  maxQueue: 16,
  maxFiles: 2000,
};

/** What the route needs: where renderings are kept, a clock and (for tests) other limits. */
export interface SpeechOptions {
  readonly cacheDir: string;
  readonly clock: () => number;
  readonly limits?: SpeechLimits;
  /** Sees the pool once it exists (tests count renderings). */
  readonly onPool?: (pool: RenderPool) => void;
}

/** A week: the URL names the exact text and language, and a new rendering version changes nothing a tablet keeps. */
const CACHE_CONTROL = 'public, max-age=604800';

/**
 * Registers the route; the eSpeak worker starts at the first rendering and ends after a minute idle. Returns the
 * pool's getter, so the workspace's read-aloud (sentenceRoute.ts) shares the one worker.
 */
export function registerSpeechRoute(app: FastifyInstance, opts: SpeechOptions): () => RenderPool {
  const limits = opts.limits ?? SPEECH_LIMITS;
  let pool: RenderPool | null = null;
  const poolNow = (): RenderPool => {
    if (!pool) {
      pool = createRenderPool(opts.cacheDir, {
        size: 1,
        maxQueue: limits.maxQueue,
        idleMs: 60_000,
        timeoutMs: 20_000,
      });
      opts.onPool?.(pool);
    }
    return pool;
  };
  app.addHook('onClose', async () => {
    await pool?.close();
  });
  const budget = new Map<string, { start: number; count: number }>();
  const spend = (address: string): number => {
    const now = opts.clock();
    if (budget.size > 10_000)
      for (const [k, v] of budget) if (now - v.start >= limits.windowMs) budget.delete(k);
    const b = budget.get(address);
    if (!b || now - b.start >= limits.windowMs) {
      budget.set(address, { start: now, count: 1 });
      return 0;
    }
    if (b.count >= limits.rendersPerWindow)
      return Math.ceil((b.start + limits.windowMs - now) / 1000);
    b.count++;
    return 0;
  };
  const prune = () => {
    try {
      const files = readdirSync(opts.cacheDir).filter((f) => f.endsWith('.mp3'));
      if (files.length <= limits.maxFiles) return;
      const dated = files.map((f) => ({
        f,
        t: statSync(`${opts.cacheDir}/${f}`).mtimeMs,
      }));
      dated.sort((a, b) => a.t - b.t);
      for (const { f } of dated.slice(0, files.length - limits.maxFiles))
        unlinkSync(`${opts.cacheDir}/${f}`);
    } catch {
      // A cache that cannot be tidied still works; the next rendering tries again.
    }
  };

  route(app, 'GET /api/speech', async (req, reply) => {
    const said = speechQuery(req.query, reply);
    if (!said) return reply;
    const { voice, text } = said;

    const etag = `"${renderKey(voice, text)}"`;
    if (req.headers['if-none-match'] === etag)
      return reply.code(304).header('ETag', etag).header('Cache-Control', CACHE_CONTROL).send();
    const p = poolNow();
    const fresh = !statExists(p.cacheFile(voice, text));
    if (fresh) {
      const wait = spend(req.ip);
      if (wait > 0) {
        reply.header('Retry-After', String(wait));
        return sendError(
          reply,
          429,
          'throttled',
          `too many new texts from this address; try again in ${wait} s`,
        );
      }
    }
    let bytes: Uint8Array;
    try {
      bytes = await p.render(voice, text);
    } catch (e) {
      return sendRenderFailure(reply, e);
    }
    if (fresh) prune();
    return reply
      .type('audio/mpeg')
      .header('Cache-Control', CACHE_CONTROL)
      .header('ETag', etag)
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
  return poolNow;
}

function statExists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}
