// Issue 13, read-aloud after the build: a tablet keeps the server's clips of texts the office changed (a new
// questionnaire version, an imported translation) with its pack, and offline plays the clip of the wording on screen,
// never the build's clip of an older wording; a wording without a clip says the stand-in instead.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { joinBundle, type AudioManifest } from '../../src/shared/core/audioManifest.ts';
import { cachePacks } from '../../src/tablet/speech/packCache.ts';
import {
  forgetManifest,
  loadManifest,
  loadPackSound,
  loadSound,
  serverAudioUrl,
} from '../../src/tablet/speech/packs.ts';
import { createSpeaker, TEXT_STAND_IN } from '../../src/tablet/speech/speaker.ts';
import { clipBytes, fakeServer, MemoryCache } from './fakeAudioServer.ts';

const V1 = 'instrument.pilot-2019.v1';
const V2 = 'instrument.pilot-2019.v2';

/** The pack as the server hands it out after v2 was loaded and the welcome text re-translated. */
const served: AudioManifest = {
  lng: 'nl',
  voice: 'nl',
  fallbackNote: null,
  entries: {
    'kiosk:welcome.title': { hash: '1', template: 'Welkom', segments: [{ file: 'a.mp3' }] },
    [TEXT_STAND_IN]: { hash: '2', template: 'Geen geluid', segments: [{ file: 'u.mp3' }] },
    [`${V1}:items.A1`]: {
      hash: '3',
      template: 'Ik houd me aan de regels',
      segments: [{ file: 'old.mp3' }],
    },
    [`${V1}:items.A2`]: {
      hash: '4',
      template: 'Regels zijn nuttig',
      segments: [{ file: 'a2.mp3' }],
    },
  },
  runtime: {
    'kiosk:welcome.title': {
      hash: '5',
      template: 'Welkom terug',
      segments: [{ file: 'rt/w2.mp3' }],
    },
    [`${V2}:items.A1`]: {
      hash: '6',
      template: 'Ik volg de regels',
      segments: [{ file: 'rt/new.mp3' }],
    },
    [`${V2}:items.A2`]: {
      hash: '4',
      template: 'Regels zijn nuttig',
      segments: [{ file: 'a2.mp3' }],
    },
  },
  numbers: {},
  bytes: 0,
};

afterEach(() => vi.unstubAllGlobals());

describe('clips the server rendered after the build', () => {
  it('are cached with the pack and, offline, each wording plays its own clip and never a stale one', async () => {
    const built = ['a.mp3', 'u.mp3', 'old.mp3', 'a2.mp3'];
    const clips = joinBundle(new Map(built.map((f) => [f, clipBytes(f)]))).clips;
    const withBundle: AudioManifest = { ...served, bundle: { file: 'clips.bin', clips } };
    const server = fakeServer(new Map([['nl', withBundle]]));
    const cache = new MemoryCache();
    const r = await cachePacks(
      { fetch: server.fetch, cache: cache as unknown as Cache },
      ['nl'],
      [],
    );
    expect(r).toMatchObject({ problem: null, states: { nl: 'cached' } });
    expect(cache.paths()).toEqual(
      [
        '/audio/nl/clips.bin',
        '/audio/nl/manifest.json',
        '/audio/nl/rt/new.mp3',
        '/audio/nl/rt/w2.mp3',
      ].sort(),
    );

    server.state.offline = true;
    vi.stubGlobal('caches', { open: () => Promise.resolve(cache) });
    vi.stubGlobal('fetch', server.fetch);
    forgetManifest('nl');
    const played: string[] = [];
    const problems: string[] = [];
    const speaker = createSpeaker<never>({
      voiceFor: () => null,
      speakWithVoice: () => Promise.resolve(),
      cancelVoice: () => undefined,
      loadManifest,
      loadSound: (s) =>
        'file' in s ? loadPackSound(s.lng, s.file) : loadSound(serverAudioUrl(s.lng, s.text), true),
      playSound: async (blob) => {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const name = ['a.mp3', 'u.mp3', 'old.mp3', 'a2.mp3', 'rt/w2.mp3', 'rt/new.mp3'].find((f) =>
          Buffer.from(clipBytes(f)).equals(Buffer.from(bytes)),
        );
        played.push(name ?? 'unknown bytes');
      },
      report: (p) => problems.push(p),
    });
    const say = async (key: string, text: string) => {
      played.length = 0;
      await speaker.speak('nl', [{ key, text }]);
      return [...played];
    };

    // The new version's reworded item, its unchanged item (the build's clip of the same words), the new welcome text.
    expect(await say(`${V2}:items.A1`, 'Ik volg de regels')).toEqual(['rt/new.mp3']);
    expect(await say(`${V2}:items.A2`, 'Regels zijn nuttig')).toEqual(['a2.mp3']);
    expect(await say('kiosk:welcome.title', 'Welkom terug')).toEqual(['rt/w2.mp3']);
    // A client who started on version 1 keeps hearing the words on their screen.
    expect(await say(`${V1}:items.A1`, 'Ik houd me aan de regels')).toEqual(['old.mp3']);
    expect(await say('kiosk:welcome.title', 'Welkom')).toEqual(['a.mp3']);
    // A wording changed again, with no clip yet: the stand-in, never the clip of another wording.
    expect(await say(`${V2}:items.A1`, 'Ik volg de regels altijd')).toEqual(['u.mp3']);
    expect(problems.some((p) => p.includes('no audio for its wording'))).toBe(true);
  });
});
