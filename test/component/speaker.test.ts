import { describe, expect, it } from 'vitest';
import type { AudioManifest } from '../../src/shared/core/audioManifest.ts';
import { createSpeaker } from '../../src/tablet/speech/speaker.ts';

const manifest: AudioManifest = {
  lng: 'ar',
  voice: 'ar',
  fallbackNote: null,
  entries: {
    'kiosk:welcome.title': { hash: 'x', template: 'مرحبا', segments: [{ file: 'w.mp3' }] },
    'kiosk:welcome.intro': { hash: 'y', template: 'نص', segments: [{ file: 'i.mp3' }] },
  },
  numbers: {},
  bytes: 0,
};

function device(voices: Record<string, string>) {
  const log: string[] = [];
  const speaker = createSpeaker<string>({
    voiceFor: (lng) => voices[lng] ?? null,
    speakWithVoice: (text, voice) => (log.push(`voice ${voice}: ${text}`), Promise.resolve()),
    cancelVoice: () => undefined,
    loadManifest: (lng) => Promise.resolve(lng === 'ar' ? manifest : null),
    loadSound: (s) => Promise.resolve('file' in s ? new Blob([s.file]) : null),
    playSound: async (blob) => void log.push(`pack: ${await blob.text()}`),
    report: (p) => log.push(`problem: ${p}`),
  });
  return { speaker, log };
}

const texts = [
  { key: 'kiosk:welcome.title', text: 'مرحبا' },
  { key: 'kiosk:welcome.intro', text: 'نص' },
];

describe('read-aloud path choice and sequence', () => {
  it('plays the audio pack in order when the device has no voice, marking each sentence', async () => {
    const { speaker, log } = device({});
    const marked: number[] = [];
    await speaker.speak('ar', texts, (i) => marked.push(i));
    expect(log).toEqual(['pack: w.mp3', 'pack: i.mp3']);
    expect(marked).toEqual([0, 1]);
    expect(speaker.pathFor('ar')).toEqual({ kind: 'pack' });
  });

  it('uses the device voice when it has one for the language', async () => {
    const { speaker, log } = device({ ar: 'Maged' });
    await speaker.speak('ar', texts);
    expect(log).toEqual(['voice Maged: مرحبا', 'voice Maged: نص']);
  });

  it('a new call stops the previous one', async () => {
    const { speaker, log } = device({});
    const first = speaker.speak('ar', texts);
    await speaker.speak('ar', [texts[1]!]);
    await first;
    expect(log.filter((l) => l === 'pack: w.mp3').length).toBeLessThanOrEqual(1);
    expect(log.at(-1)).toBe('pack: i.mp3');
  });

  it('says when a language has no pack instead of skipping silently', async () => {
    const { speaker, log } = device({});
    await speaker.speak('fa', texts);
    expect(log[0]).toMatch(/problem: no audio pack for fa/);
  });
});
