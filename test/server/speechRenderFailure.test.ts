// The 503 both speech routes give when eSpeak cannot render: a full queue is "busy" (retry in 5 s), anything else
// "speech_unavailable" (retry in 30 s), each in the API's error shape.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { RenderQueueFull } from '../../src/shared/speechRender/renderPool.ts';
import { sendRenderFailure } from '../../src/server/speech/speechQuery.ts';

const answerTo = async (error: unknown) => {
  const app = Fastify();
  app.get('/', (_req, reply) => sendRenderFailure(reply, error));
  const res = await app.inject({ method: 'GET', url: '/' });
  await app.close();
  return {
    status: res.statusCode,
    retry: res.headers['retry-after'],
    body: res.json<{ error: string; message: string }>(),
  };
};

describe('sendRenderFailure', () => {
  it('tells a full queue apart from a renderer that failed', async () => {
    const busy = await answerTo(new RenderQueueFull());
    expect(busy).toMatchObject({ status: 503, retry: '5', body: { error: 'busy' } });
    const broken = await answerTo(new Error('espeak-ng exited with 1'));
    expect(broken).toMatchObject({
      status: 503,
      retry: '30',
      body: { error: 'speech_unavailable' },
    });
    expect(typeof broken.body.message).toBe('string');
  });
});
