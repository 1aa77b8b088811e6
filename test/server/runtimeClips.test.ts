// Issue 13, read-aloud after the build: when a coordinator stores a questionnaire version with a reworded item and a
// new item, the server renders clips for exactly those texts in every language that has a voice (Tigrinya with the
// Amharic voice), stores them in the database for every instance, hands them to tablets in the pack's manifest
// (content-named, immutable) and counts them on the languages page. Runs on PGlite and on PostgreSQL.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientTexts } from '../../scripts/audio/texts.ts';
import { createServer } from '../../src/server/app.ts';
import type { ClipJob } from '../../src/server/speech/clipJob.ts';
import {
  splitTemplate,
  slotKind,
  type AudioManifest,
  type ManifestEntry,
} from '../../src/shared/core/audioManifest.ts';
import { parseInstrument } from '../../src/shared/core/instrument.ts';
import { textHash } from '../../src/shared/core/textHash.ts';
import { renderKey } from '../../src/shared/speechRender/renderPool.ts';
import { VOICES } from '../../src/shared/speechRender/voices.ts';
import type { Db } from '../../src/server/db.ts';
import { createEnrollCode } from '../../src/server/devices.ts';
import type { DeviceConfig, EnrollResponse } from '../../src/shared/contract/protocol.ts';
import { DB_KIND, testClock, testDb } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const readFixture = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(ROOT, 'test/fixtures', name), 'utf8'));
const V2_JSON = readFixture('pilot-2019.v2.json');
const V2_TEXTS = readFixture('pilot-2019.v2.translations.json') as Record<
  string,
  Record<string, string>
>;
const V2 = parseInstrument(V2_JSON);
const LANGUAGES = Object.keys(VOICES);

const dist = mkdtempSync(join(tmpdir(), 'runtime-clips-dist-'));
const speechCache = mkdtempSync(join(tmpdir(), 'runtime-clips-speech-'));

/** Each language's pack as the build makes it from the locales (clip names stand in for the rendered files). */
function writeBuiltPacks() {
  for (const lng of LANGUAGES) {
    const entries: Record<string, ManifestEntry> = {};
    for (const [n, t] of clientTexts(ROOT, lng).entries())
      entries[t.key] = {
        hash: textHash(t.template),
        template: t.template,
        segments: splitTemplate(t.template).map((p, i) =>
          'text' in p ? { file: `b${n}-${i}.mp3` } : { slot: p.slot, kind: slotKind(p.slot) },
        ),
      };
    const m: AudioManifest = {
      lng,
      voice: VOICES[lng]!.voice,
      fallbackNote: VOICES[lng]!.fallbackNote,
      entries,
      numbers: {},
      bytes: 0,
    };
    mkdirSync(join(dist, 'audio', lng), { recursive: true });
    writeFileSync(join(dist, 'audio', lng, 'manifest.json'), JSON.stringify(m));
  }
}

/** The wording of item `id` of version 2 in `lng`. */
const v2Item = (lng: string, id: string): string =>
  lng === 'nl'
    ? V2.parts.flatMap((p) => p.items).find((i) => i.id === id)!.text
    : V2_TEXTS[lng]![`items.${id}`]!;

const storedClips = async (db: Db) =>
  (
    await db.query<{ voice: string; text: string; audio: Uint8Array | null }>(
      'SELECT voice, text, audio FROM speech_clips ORDER BY voice, text',
    )
  ).rows;

let db: Db;
let app: Awaited<ReturnType<typeof createServer>>;
let job: ClipJob;
let cookie: string;
let token: string;
const clock = testClock();
beforeAll(async () => {
  writeBuiltPacks();
  db = await testDb();
  app = await createServer({
    db,
    log: false,
    clock: clock.now,
    distDir: dist,
    speechCacheDir: speechCache,
    onClipJob: (j) => (job = j),
  });
  await app.ready();
  cookie = (await signedIn(app, db, 'coordinator', { now: clock.now() })).cookie;
  const code = await createEnrollCode(db, 'Tablet 1', clock.now());
  const enrolled = await app.inject({
    method: 'POST',
    url: '/api/devices/enroll',
    payload: { code },
  });
  token = enrolled.json<EnrollResponse>().token;
});
afterAll(async () => {
  await app.close();
  await db.close();
  rmSync(dist, { recursive: true, force: true });
  rmSync(speechCache, { recursive: true, force: true });
});

const counts = async () =>
  (await ws(app, 'GET', '/api/recordings', { cookie })).json<
    { lng: string; recorded: number; synthetic: number; missing: number }[]
  >();
const tabletConfig = async () => {
  const r = await app.inject({
    url: '/api/devices/config',
    headers: { authorization: `Bearer ${token}` },
  });
  return { etag: r.headers.etag, body: r.json<DeviceConfig>() };
};
const tabletManifest = async (lng: string) => {
  const r = await app.inject({ url: `/audio/${lng}/manifest.json` });
  expect(r.statusCode).toBe(200);
  return r.json<AudioManifest>();
};

describe(`read-aloud clips of texts changed after the build (${DB_KIND})`, () => {
  it('renders nothing at start while every text is in the build’s packs', async () => {
    await job.idle();
    expect(await storedClips(db)).toEqual([]);
    expect((await tabletManifest('en')).runtime).toBeUndefined();
  });

  // Renders 16 real clips with eSpeak NG: about 1 s each on a loaded two-core machine.
  it(
    'renders exactly the reworded and the new item in every language, and tablets get them',
    { timeout: 120_000 },
    async () => {
      const before = await counts();
      const configBefore = await tabletConfig();
      expect(configBefore.body.audioClips).toBe('0');
      const r = await ws(app, 'POST', '/api/instrument-versions', {
        cookie,
        body: { instrument: V2_JSON, translations: V2_TEXTS },
      });
      expect(r.statusCode).toBe(201);
      await job.idle();

      const rows = await storedClips(db);
      const byVoiceText = (
        a: { voice: string; text: string },
        b: { voice: string; text: string },
      ) =>
        a.voice < b.voice
          ? -1
          : a.voice > b.voice
            ? 1
            : a.text < b.text
              ? -1
              : a.text > b.text
                ? 1
                : 0;
      const expected = LANGUAGES.flatMap((lng) =>
        ['A1', 'A11'].map((id) => ({ voice: VOICES[lng]!.voice, text: v2Item(lng, id).trim() })),
      ).sort(byVoiceText);
      expect(rows.map(({ voice, text }) => ({ voice, text })).sort(byVoiceText)).toEqual(expected);
      expect(rows.map((x) => x.voice).filter((v) => v === 'am')).toHaveLength(2); // Tigrinya, with the Amharic voice
      for (const row of rows) {
        const b = Buffer.from(row.audio!);
        expect(b.length).toBeGreaterThan(500);
        expect(
          b.subarray(0, 3).toString() === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0),
        ).toBe(true);
      }

      // The tablet's manifest: the new wording with the server's clip, an unchanged item with the build's clip, and
      // version 1's wording untouched for a client who started on it.
      const ti = await tabletManifest('ti');
      const file = `rt/${renderKey('am', v2Item('ti', 'A1').trim())}.mp3`;
      expect(ti.runtime?.['instrument.pilot-2019.v2:items.A1']).toMatchObject({
        template: v2Item('ti', 'A1'),
        segments: [{ file }],
      });
      expect(ti.runtime?.['instrument.pilot-2019.v2:items.A2']?.segments).toEqual(
        ti.entries['instrument.pilot-2019.v1:items.A2']!.segments,
      );
      expect(ti.entries['instrument.pilot-2019.v1:items.A1']!.template).not.toBe(
        v2Item('ti', 'A1'),
      );
      const clip = await app.inject({ url: `/audio/ti/${file}` });
      expect(clip.statusCode).toBe(200);
      expect(clip.headers['content-type']).toBe('audio/mpeg');
      expect(clip.headers['cache-control']).toContain('immutable');
      // Never in another language's voice, and nothing for a name that is not a clip.
      expect((await app.inject({ url: `/audio/nl/${file}` })).statusCode).toBe(404);
      expect((await app.inject({ url: '/audio/ti/rt/..%2fmanifest.json' })).statusCode).toBe(404);

      // The tablet's config changes with them, so a tablet fetches its packs again and caches the new clips.
      const configAfter = await tabletConfig();
      expect(configAfter.body.audioClips).toMatch(/^16@/);
      expect(configAfter.etag).not.toBe(configBefore.etag);

      // The languages page counts them: as many texts as before (B6 went, A11 came), none missing.
      const after = await counts();
      const en = (c: typeof after) => c.find((x) => x.lng === 'en')!;
      expect(en(after)).toMatchObject({ missing: 0, synthetic: en(before).synthetic });
    },
  );

  it('counts a changed text without its clip as missing, and renders what is missing at the next run', async () => {
    await db.query("DELETE FROM speech_clips WHERE voice = 'en-gb'");
    const en = async () => (await counts()).find((x) => x.lng === 'en')!;
    expect((await en()).missing).toBe(2);
    expect(Object.keys((await tabletManifest('en')).runtime ?? {})).not.toContain(
      'instrument.pilot-2019.v2:items.A1',
    );
    job.kick();
    await job.idle();
    expect((await en()).missing).toBe(0);
    expect((await storedClips(db)).filter((r) => r.voice === 'en-gb')).toHaveLength(2);
  });

  it('renders the new wording of a text after a translation import is applied', async () => {
    const xml = (await ws(app, 'GET', '/api/languages/en/xliff', { cookie })).body;
    const at = xml.indexOf('<unit id="kiosk:welcome.title"');
    expect(at).toBeGreaterThan(0);
    const start = xml.indexOf('<target>', at);
    const end = xml.indexOf('</target>', start) + '</target>'.length;
    const wording = 'A warm welcome to you';
    const edited = `${xml.slice(0, start)}<target>${wording}</target>${xml.slice(end)}`;
    const r = await ws(app, 'POST', '/api/languages/en/import', {
      cookie,
      body: { xliff: edited, baseVersion: 0 },
    });
    expect(r.statusCode).toBe(201);
    await job.idle();
    expect((await storedClips(db)).filter((c) => c.text === wording)).toMatchObject([
      { voice: 'en-gb' },
    ]);
    const en = await tabletManifest('en');
    expect(en.runtime?.['kiosk:welcome.title']).toMatchObject({
      template: wording,
      segments: [{ file: `rt/${renderKey('en-gb', wording)}.mp3` }],
    });
    // The build's entry keeps its own wording: a client who started before the import still hears theirs.
    expect(en.entries['kiosk:welcome.title']!.template).not.toBe(wording);
  });
});
