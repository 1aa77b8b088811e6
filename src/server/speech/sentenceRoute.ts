/**
 * `GET /api/speech/sentence?lng=&text=`: read-aloud for the workspace (the client's summary, sentence by sentence),
 * spoken with the language pack's eSpeak NG voice so the client hears the voice the tablet used. Signed-in staff
 * only; a sentence is at most MAX_SPOKEN_SENTENCE characters. A summary sentence can hold a client's figures, so
 * renderings are never written to disk: the last few are kept in memory, and fresh renderings per user are budgeted.
 */
import type { FastifyInstance } from 'fastify';
import { MAX_SPOKEN_SENTENCE } from '../../shared/core/speechText.ts';
import { renderKey, type RenderPool } from '../../shared/speechRender/renderPool.ts';
import { principal, restrictTo } from '../auth/guard.ts';
import type { Db } from '../db.ts';
import { sendError } from '../errors.ts';
import { route } from '../routing.ts';
import { sendRenderFailure, speechQuery } from './speechQuery.ts';

/** Limits of the route; tests shrink them. */
export interface SentenceLimits {
  /** Fresh renderings per signed-in user per window (answers from memory do not count). */
  readonly rendersPerWindow: number;
  readonly windowMs: number;
  /** Renderings kept in memory, the least recently used going first. */
  readonly keep: number;
}

/** A summary is about 25 sentences: enough to hear it in a few languages several times, not to render a book. */
export const SENTENCE_LIMITS: SentenceLimits = {
  rendersPerWindow: 200,
  windowMs: 10 * 60_000,
  keep: 300,
};

/** What the route needs: the shared render pool, the database (sign-in), a clock and (tests) other limits. */
export interface SentenceRouteContext {
  readonly db: Db;
  readonly clock: () => number;
  readonly pool: () => RenderPool;
  readonly sentenceLimits?: SentenceLimits;
}

/** Registers the route behind the sign-in check (as a plugin: the guard stays in its scope). */
export function sentenceSpeechRoutes(app: FastifyInstance, ctx: SentenceRouteContext): void {
  restrictTo(app, ctx, ['coordinator', 'staff']);
  const limits = ctx.sentenceLimits ?? SENTENCE_LIMITS;
  const memory = new Map<string, Uint8Array>();
  const budget = new Map<string, { start: number; count: number }>();
  /** Seconds until `userId` may render again, or 0 (and the rendering counted). */
  const spend = (userId: string): number => {
    const now = ctx.clock();
    const b = budget.get(userId);
    if (!b || now - b.start >= limits.windowMs) {
      budget.set(userId, { start: now, count: 1 });
      return 0;
    }
    if (b.count >= limits.rendersPerWindow)
      return Math.ceil((b.start + limits.windowMs - now) / 1000);
    b.count++;
    return 0;
  };

  route(app, 'GET /api/speech/sentence', async (req, reply) => {
    const said = speechQuery(req.query, reply, MAX_SPOKEN_SENTENCE);
    if (!said) return reply;
    const { voice, text } = said;

    const key = renderKey(voice, text);
    let bytes = memory.get(key);
    if (bytes) memory.delete(key);
    else {
      const wait = spend(principal(req).userId);
      if (wait > 0) {
        reply.header('Retry-After', String(wait));
        return sendError(
          reply,
          429,
          'throttled',
          `too many sentences read aloud; try again in ${wait} s`,
        );
      }
      try {
        bytes = await ctx.pool().render(voice, text, { keep: false });
      } catch (e) {
        return sendRenderFailure(reply, e);
      }
    }
    memory.set(key, bytes);
    if (memory.size > limits.keep) memory.delete(memory.keys().next().value as string);
    return reply
      .type('audio/mpeg')
      .header('Cache-Control', 'private, no-store')
      .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
