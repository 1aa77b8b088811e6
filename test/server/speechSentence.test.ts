// GET /api/speech/sentence: read-aloud of the client's summary, one sentence at a time, for signed-in staff only;
// bad input is a 400 with a message, renderings stay off the disk, and fresh renderings per user are budgeted.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db.ts';
import { SENTENCE_LIMITS } from '../../src/server/speech/sentenceRoute.ts';
import type { RenderPool } from '../../src/shared/speechRender/renderPool.ts';
import { testClock, testDb } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

let db: Db;
let app: FastifyInstance;
let pool: RenderPool | null = null;
let cookie = '';
const clock = testClock();
const cacheDir = mkdtempSync(join(tmpdir(), 'si-sentence-'));

beforeAll(async () => {
  db = await testDb();
  app = await createServer({
    db,
    log: false,
    clock: clock.now,
    distDir: '/nonexistent-dist',
    speechCacheDir: cacheDir,
    sentenceLimits: { ...SENTENCE_LIMITS, rendersPerWindow: 4 },
    onSpeechPool: (p) => (pool = p),
  });
  cookie = (await signedIn(app, db, 'staff')).cookie;
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const q = (lng: string, text: string) =>
  `/api/speech/sentence?lng=${encodeURIComponent(lng)}&text=${encodeURIComponent(text)}`;
const say = (url: string) => ws(app, 'GET', url, { cookie });
const isMp3 = (b: Buffer) =>
  b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0);

describe('GET /api/speech/sentence', () => {
  it('speaks a summary sentence (Arabic digits, Tigrinya with the Amharic voice) and keeps nothing on disk', async () => {
    for (const [lng, text] of [
      ['ar', 'أنت تتبع القواعد بنسبة ٧٥٪.'],
      ['ti', 'ውጽኢትኩም 50% እዩ።'],
    ] as const) {
      const r = await say(q(lng, text));
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toBe('audio/mpeg');
      expect(r.headers['cache-control']).toBe('private, no-store');
      expect(isMp3(r.rawPayload)).toBe(true);
      expect(r.rawPayload.length).toBeGreaterThan(1000);
    }
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.mp3'))).toHaveLength(0);
    // Asked again: from memory, not rendered again.
    const rendered = pool?.stats.rendered;
    expect((await say(q('ar', 'أنت تتبع القواعد بنسبة ٧٥٪.'))).statusCode).toBe(200);
    expect(pool?.stats.rendered).toBe(rendered);
  });

  it('is for signed-in staff only', async () => {
    const r = await app.inject({ method: 'GET', url: q('nl', 'Uw uitkomst.') });
    expect(r.statusCode).toBe(401);
  });

  it('refuses an unknown language, a missing, empty, repeated or too long text with 400 and a message', async () => {
    const cases = [
      [q('xx', 'Hallo.'), 'unknown_language'],
      ['/api/speech/sentence?text=Hallo', 'unknown_language'],
      ['/api/speech/sentence?lng=nl', 'bad_text'],
      [q('nl', '   '), 'bad_text'],
      [q('nl', '…!?'), 'bad_text'],
      [q('nl', 'a'.repeat(401)), 'bad_text'],
      ['/api/speech/sentence?lng=nl&text=a&text=b', 'bad_text'],
      [q('nl', 'Uw\u0007 uitkomst'), 'bad_text'],
    ] as const;
    for (const [url, code] of cases) {
      const r = await say(url);
      expect(r.statusCode, url).toBe(400);
      const body = r.json<{ error: string; message: string }>();
      expect(body.error, url).toBe(code);
      expect(body.message.length).toBeGreaterThan(10);
    }
  });

  it('limits fresh renderings per user (sentences in memory stay free)', async () => {
    // Two renderings so far; two more fit in the budget of four.
    expect((await say(q('nl', 'Eén.'))).statusCode).toBe(200);
    expect((await say(q('nl', 'Twee.'))).statusCode).toBe(200);
    const r = await say(q('nl', 'Drie.'));
    expect(r.statusCode).toBe(429);
    expect(r.json<{ error: string }>().error).toBe('throttled');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect((await say(q('nl', 'Eén.'))).statusCode).toBe(200);
    clock.advance(SENTENCE_LIMITS.windowMs);
    expect((await say(q('nl', 'Drie.'))).statusCode).toBe(200);
  });
});
