/** The `lng` and `text` query both speech routes take, checked once: the voice and the normalised text, or a 400. */
import type { FastifyReply } from 'fastify';
import { normalizeSpeechText, speechTextProblem } from '../../shared/core/speechText.ts';
import { RenderQueueFull } from '../../shared/speechRender/renderPool.ts';
import { VOICES } from '../../shared/speechRender/voices.ts';
import { sendError } from '../errors.ts';

/** The eSpeak NG voice and the text to say, or null once a 400 with the reason has been sent. */
export function speechQuery(
  q: { readonly lng?: unknown; readonly text?: unknown },
  reply: FastifyReply,
  maxLength?: number,
): { readonly voice: string; readonly text: string } | null {
  const voice = typeof q.lng === 'string' ? VOICES[q.lng]?.voice : undefined;
  if (!voice) {
    void sendError(
      reply,
      400,
      'unknown_language',
      `lng must be one of ${Object.keys(VOICES).join(', ')}`,
    );
    return null;
  }
  if (q.text !== undefined && typeof q.text !== 'string') {
    void sendError(reply, 400, 'bad_text', 'give text= once');
    return null;
  }
  const text = normalizeSpeechText(typeof q.text === 'string' ? q.text : '');
  const problem = speechTextProblem(text, maxLength);
  if (problem) {
    void sendError(reply, 400, 'bad_text', problem);
    return null;
  }
  return { voice, text };
}

/** The 503 both speech routes give when a rendering fails: busy (queue full, retry soon) or no speech now. */
export function sendRenderFailure(reply: FastifyReply, e: unknown): FastifyReply {
  const full = e instanceof RenderQueueFull;
  reply.header('Retry-After', full ? '5' : '30');
  return sendError(
    reply,
    503,
    full ? 'busy' : 'speech_unavailable',
    full
      ? 'the server is rendering other texts; try again in a few seconds'
      : 'the server cannot render speech now; try again later',
  );
}
