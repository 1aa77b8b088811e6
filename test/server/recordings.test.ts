// Agency recordings: validated uploads (type, size, bytes that fit the type) answered 4xx with {error, message}, an
// audit line, stale when the text changes, the tablet's manifest naming the recording, and erasure per language.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AudioManifest } from '../../src/shared/core/audioManifest.ts';
import { RECORDING_MAX_BYTES } from '../../src/shared/contract/routes.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

const dist = mkdtempSync(join(tmpdir(), 'recordings-dist-'));
const manifest = (lng: string, welcome: string, fallbackNote: string | null): AudioManifest => ({
  lng,
  voice: lng === 'ti' ? 'am' : lng,
  fallbackNote,
  entries: {
    'kiosk:welcome.title': { hash: 'h1', template: welcome, segments: [{ file: 'a1.mp3' }] },
    'kiosk:progress': {
      hash: 'h2',
      template: 'Vraag {{current}} van {{total}}',
      segments: [{ file: 'a2.mp3' }, { slot: 'current', kind: 'number' }],
    },
  },
  numbers: { '0': 'n0.mp3' },
  bytes: 100,
});
const writeManifest = (m: AudioManifest) => {
  mkdirSync(join(dist, 'audio', m.lng), { recursive: true });
  writeFileSync(join(dist, 'audio', m.lng, 'manifest.json'), JSON.stringify(m));
};

/** The first bytes of a WebM file (EBML header), then filler: enough for the server's signature check. */
const webm = (size = 64) => {
  const b = Buffer.alloc(size, 7);
  b.set([0x1a, 0x45, 0xdf, 0xa3]);
  return b;
};

let f: Fixture;
let cookie: string;
let staffCookie: string;
beforeAll(async () => {
  f = await fixture({ distDir: dist });
  cookie = (await signedIn(f.app, f.db, 'coordinator', { now: f.clock.now() })).cookie;
  staffCookie = (await signedIn(f.app, f.db, 'staff', { now: f.clock.now() })).cookie;
});
afterAll(async () => {
  await f.close();
  rmSync(dist, { recursive: true, force: true });
});
beforeEach(async () => {
  writeManifest(manifest('ti', 'እንቋዕ ብደሓን መጻእኩም', 'no Tigrinya voice'));
  writeManifest(manifest('en', 'Welcome', null));
  await f.db.exec('DELETE FROM recordings');
});

const put = (lng: string, key: string, body: unknown, c = cookie) =>
  ws(f.app, 'PUT', `/api/recordings/${lng}/${encodeURIComponent(key)}`, { cookie: c, body });
const upload = (mime: string, bytes: Buffer) => ({ mime, audio: bytes.toString('base64') });
const tabletManifest = async (lng: string) => {
  const r = await f.app.inject({ url: `/audio/${lng}/manifest.json` });
  expect(r.statusCode).toBe(200);
  return r.json<AudioManifest>();
};

describe(`agency recordings (${DB_KIND})`, () => {
  it('refuses bad uploads with a 4xx and {error, message}, and stores nothing', async () => {
    const cases: [unknown, number, string][] = [
      [upload('text/plain', webm()), 415, 'unsupported_audio'],
      [upload('audio/flac', webm()), 415, 'unsupported_audio'],
      [upload('audio/webm', Buffer.from('not audio at all')), 400, 'bad_audio'],
      [upload('audio/mpeg', webm()), 400, 'bad_audio'],
      [{ mime: 'audio/webm', audio: '***' }, 400, 'bad_audio'],
      [upload('audio/webm', Buffer.alloc(0)), 400, 'bad_audio'],
      [upload('audio/webm', webm(RECORDING_MAX_BYTES + 1)), 413, 'too_large'],
      [{ mime: 'audio/webm' }, 400, ''],
    ];
    for (const [body, status, error] of cases) {
      const r = await put('ti', 'kiosk:welcome.title', body);
      expect(r.statusCode, JSON.stringify(body).slice(0, 80)).toBe(status);
      const j = r.json<{ error: string; message: string }>();
      if (error) expect(j.error).toBe(error);
      expect(typeof j.message).toBe('string');
    }
    expect((await put('ti', 'kiosk:nope', upload('audio/webm', webm()))).statusCode).toBe(404);
    expect((await put('xx', 'kiosk:welcome.title', upload('audio/webm', webm()))).statusCode).toBe(
      404,
    );
    const placeholders = await put('ti', 'kiosk:progress', upload('audio/webm', webm()));
    expect(placeholders.statusCode).toBe(409);
    expect(placeholders.json<{ error: string }>().error).toBe('has_placeholders');
    expect(
      (await put('ti', 'kiosk:welcome.title', upload('audio/webm', webm()), staffCookie))
        .statusCode,
    ).toBe(403);
    const r = await f.db.query<{ n: number }>('SELECT count(*)::int AS n FROM recordings');
    expect(r.rows[0]!.n).toBe(0);
  });

  it('stores a recording, audits it, and the tablet manifest names it instead of the synthetic clip', async () => {
    const wav = Buffer.concat([
      Buffer.from('RIFF'),
      Buffer.alloc(4),
      Buffer.from('WAVEfmt '),
      Buffer.alloc(32),
    ]);
    const saved = await put('ti', 'kiosk:welcome.title', upload('audio/x-wav', wav));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      source: 'recorded',
      recording: { mime: 'audio/wav', stale: false },
    });

    const m = await tabletManifest('ti');
    const entry = m.entries['kiosk:welcome.title']!;
    expect(entry.recorded).toBe(true);
    const file = (entry.segments[0] as { file: string }).file;
    expect(file).toMatch(/^rec\/[0-9a-f]{24}\.wav$/);
    const clip = await f.app.inject({ url: `/audio/ti/${file}` });
    expect(clip.statusCode).toBe(200);
    expect(clip.headers['content-type']).toBe('audio/wav');
    expect(clip.rawPayload.equals(wav)).toBe(true);
    // Another language's pack is untouched.
    expect((await tabletManifest('en')).entries['kiosk:welcome.title']!.recorded).toBeUndefined();

    // A new take replaces the old one under a new name, so a tablet's cache drops the old clip.
    expect((await put('ti', 'kiosk:welcome.title', upload('audio/webm', webm()))).statusCode).toBe(
      200,
    );
    const again = (await tabletManifest('ti')).entries['kiosk:welcome.title']!.segments[0] as {
      file: string;
    };
    expect(again.file).toMatch(/\.webm$/);
    expect(again.file).not.toBe(file);
    expect((await f.app.inject({ url: `/audio/ti/${file}` })).statusCode).toBe(404);

    const audit = await f.db.query<{ action: string; detail: string }>(
      "SELECT action, detail FROM audit_log WHERE action LIKE 'recording%' ORDER BY id",
    );
    expect(audit.rows.map((a) => a.action)).toEqual(['recording_save', 'recording_save']);
    expect(audit.rows[0]!.detail).toContain('ti kiosk:welcome.title');
  });

  it('counts recorded, synthetic and missing per language; an edited text makes its recording stale', async () => {
    await put('ti', 'kiosk:welcome.title', upload('audio/webm', webm()));
    await put('en', 'kiosk:welcome.title', upload('audio/webm', webm()));
    const all = (await ws(f.app, 'GET', '/api/recordings', { cookie })).json<{ lng: string }[]>();
    expect(all).toEqual(
      expect.arrayContaining([
        { lng: 'ti', recorded: 1, synthetic: 0, missing: 1, stale: 0 },
        { lng: 'en', recorded: 1, synthetic: 1, missing: 0, stale: 0 },
      ]),
    );
    writeManifest(manifest('ti', 'እንቋዕ ብደሓን መጻእኩም!', 'no Tigrinya voice'));
    const ti = (await ws(f.app, 'GET', '/api/recordings/ti', { cookie })).json<{
      counts: unknown;
      texts: { key: string; source: string; recording: { stale: boolean } | null }[];
    }>();
    expect(ti.counts).toEqual({ lng: 'ti', recorded: 0, synthetic: 0, missing: 2, stale: 1 });
    expect(ti.texts.find((t) => t.key === 'kiosk:welcome.title')).toMatchObject({
      source: 'missing',
      recording: { stale: true },
    });
    expect((await tabletManifest('ti')).entries['kiosk:welcome.title']!.recorded).toBeUndefined();
  });

  it('lets the workspace pages use the microphone, never the kiosk', async () => {
    const office = await f.app.inject({ url: '/werkplek/beheer/opnames/ti' });
    expect(office.headers['permissions-policy']).toContain('microphone=(self)');
    const kiosk = await f.app.inject({ url: '/' });
    expect(kiosk.headers['permissions-policy']).toContain('microphone=()');
  });

  it("plays back one recording, removes one, and erases a language's recordings", async () => {
    await put('ti', 'kiosk:welcome.title', upload('audio/webm', webm()));
    const back = await ws(
      f.app,
      'GET',
      `/api/recordings/ti/${encodeURIComponent('kiosk:welcome.title')}`,
      { cookie },
    );
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('audio/webm');
    const removed = await ws(
      f.app,
      'DELETE',
      `/api/recordings/ti/${encodeURIComponent('kiosk:welcome.title')}`,
      { cookie },
    );
    expect(removed.json()).toMatchObject({ source: 'missing', recording: null });

    await put('ti', 'kiosk:welcome.title', upload('audio/webm', webm()));
    await put('en', 'kiosk:welcome.title', upload('audio/webm', webm()));
    const erased = await ws(f.app, 'DELETE', '/api/recordings/ti', { cookie });
    expect(erased.json()).toEqual({ erased: 1 });
    const left = await f.db.query<{ lng: string }>('SELECT lng FROM recordings');
    expect(left.rows).toEqual([{ lng: 'en' }]);
    const audit = await f.db.query<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'recordings_erase'",
    );
    expect(audit.rows.at(-1)!.detail).toBe('ti: 1 recordings erased');
  });
});
