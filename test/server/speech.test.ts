// GET /api/speech: the agency name rendered with the pack's eSpeak NG voice, once, then from the disk cache.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db.ts';
import type { RenderPool } from '../../src/shared/speechRender/renderPool.ts';
import { SPEECH_LIMITS } from '../../src/server/speech/route.ts';
import { testClock, testDb } from './helpers.ts';

let db: Db;
let app: FastifyInstance;
let pool: RenderPool | null = null;
const clock = testClock();
const cacheDir = mkdtempSync(join(tmpdir(), 'si-speech-'));

beforeAll(async () => {
  db = await testDb();
  app = await createServer({
    db,
    log: false,
    clock: clock.now,
    distDir: '/nonexistent-dist',
    speechCacheDir: cacheDir,
    speechLimits: { ...SPEECH_LIMITS, rendersPerWindow: 5, maxFiles: 3 },
    onSpeechPool: (p) => (pool = p),
  });
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

const speech = (query: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url: `/api/speech?${query}`, headers });
const q = (lng: string, text: string) =>
  `lng=${encodeURIComponent(lng)}&text=${encodeURIComponent(text)}`;

/** An MP3 starts with an ID3 tag or an MPEG audio frame sync (11 set bits). */
const isMp3 = (b: Buffer) =>
  b.subarray(0, 3).toString('latin1') === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0);

describe('GET /api/speech', () => {
  it('renders the agency name to MP3 once, then answers from the disk cache', async () => {
    const first = await speech(q('nl', 'Werkplein  Drentsche Aa'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toBe('audio/mpeg');
    expect(first.headers['cache-control']).toMatch(/max-age=\d+/);
    expect(first.rawPayload.length).toBeGreaterThan(1000);
    expect(isMp3(first.rawPayload)).toBe(true);
    expect(pool?.stats).toEqual({ rendered: 1, cached: 0 });

    // Same text after normalising (one space, NFC): served from the cache, not rendered again.
    const again = await speech(q('nl', ' Werkplein Drentsche Aa '));
    expect(again.statusCode).toBe(200);
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
    expect(pool?.stats).toEqual({ rendered: 1, cached: 1 });
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.mp3'))).toHaveLength(1);

    const etag = first.headers.etag as string;
    const notModified = await speech(q('nl', 'Werkplein Drentsche Aa'), { 'if-none-match': etag });
    expect(notModified.statusCode).toBe(304);
  });

  it('speaks Tigrinya with the Amharic voice and Arabic with its own', async () => {
    for (const [lng, text] of [
      ['ti', 'ወርክፕላይን'],
      ['ar', 'مكتب العمل'],
    ] as const) {
      const r = await speech(q(lng, text));
      expect(r.statusCode, r.body).toBe(200);
      expect(isMp3(r.rawPayload)).toBe(true);
    }
  });

  it('refuses an unknown language, a missing, empty or too long text with 400 and a message', async () => {
    const cases = [
      ['lng=xx&text=Werkplein', 'unknown_language'],
      ['text=Werkplein', 'unknown_language'],
      ['lng=nl', 'bad_text'],
      ['lng=nl&text=', 'bad_text'],
      ['lng=nl&text=%20%20', 'bad_text'],
      ['lng=nl&text=...', 'bad_text'],
      [q('nl', 'a'.repeat(121)), 'bad_text'],
      ['lng=nl&text=a&text=b', 'bad_text'],
      [q('nl', 'Werk\u0000plein'), 'bad_text'],
    ] as const;
    for (const [query, code] of cases) {
      const r = await speech(query);
      expect(r.statusCode, query).toBe(400);
      const body = r.json<{ error: string; message: string }>();
      expect(body.error, query).toBe(code);
      expect(body.message.length).toBeGreaterThan(10);
    }
    // 120 characters is still fine.
    expect((await speech(q('en', 'b'.repeat(120)))).statusCode).toBe(200);
  });

  it('says a text that looks like an eSpeak option instead of running it', async () => {
    const r = await speech(q('en', '--help'));
    expect(r.statusCode, r.body).toBe(200);
    expect(isMp3(r.rawPayload)).toBe(true);
  });

  it('limits fresh renderings per address (cached texts stay free) and keeps the cache bounded', async () => {
    // Five renderings so far in this window, the budget per address: a new text waits.
    const r = await speech(q('pl', 'Urząd pracy'));
    expect(r.statusCode).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(r.json<{ error: string }>().error).toBe('throttled');
    // A text already in the cache is still served.
    expect((await speech(q('en', '--help'))).statusCode).toBe(200);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.mp3')).length).toBeLessThanOrEqual(3);
    clock.advance(SPEECH_LIMITS.windowMs);
    expect((await speech(q('pl', 'Urząd pracy'))).statusCode).toBe(200);
  });
});
