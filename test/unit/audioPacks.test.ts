import { describe, expect, it } from 'vitest';
import { piecesFor, splitTemplate, type AudioManifest } from '../../src/core/audioManifest.ts';
import { textHash } from '../../src/core/textHash.ts';
import { verifyPacks, type BuiltPack } from '../../scripts/audio/buildPacks.ts';

const manifest = (lng: string, entries: AudioManifest['entries']): AudioManifest => ({
  lng,
  voice: lng,
  fallbackNote: null,
  entries,
  numbers: { '3': 'n3.mp3', '27': 'n27.mp3' },
  bytes: 0,
});
const pack = (m: AudioManifest): BuiltPack => ({
  manifest: m,
  files: new Map(['a.mp3', 'b.mp3', 'n3.mp3', 'n27.mp3'].map((f) => [f, new Uint8Array(1)])),
});
const progress = 'Vraag {{current}} van {{total}}';
const entry = (template: string) => ({
  hash: textHash(template),
  template,
  segments: splitTemplate(template).map((p) =>
    'text' in p
      ? { file: p.text === 'Vraag' ? 'a.mp3' : 'b.mp3' }
      : { slot: p.slot, kind: 'number' as const },
  ),
});

describe('audio pack completeness check', () => {
  it('passes a complete pack and names a text without audio', () => {
    const texts = [{ key: 'kiosk:item.progress', template: progress }];
    const full = pack(manifest('nl', { 'kiosk:item.progress': entry(progress) }));
    expect(verifyPacks(new Map([['nl', texts]]), [full])).toEqual([]);
    const empty = pack(manifest('nl', {}));
    expect(verifyPacks(new Map([['nl', texts]]), [empty])).toContain(
      'nl: no audio for kiosk:item.progress',
    );
  });

  it('fails a stale entry whose text changed', () => {
    const texts = [{ key: 'kiosk:item.progress', template: 'Vraag {{current}} uit {{total}}' }];
    const old = pack(manifest('nl', { 'kiosk:item.progress': entry(progress) }));
    expect(verifyPacks(new Map([['nl', texts]]), [old]).join()).toMatch(/stale/);
  });
});

describe('playing a text from the pack', () => {
  it('splits at placeholders and says the numbers from the pack', () => {
    const m = manifest('nl', { 'kiosk:item.progress': entry(progress) });
    expect(piecesFor(m, 'kiosk:item.progress', 'Vraag 3 van 27')).toEqual([
      { kind: 'file', file: 'a.mp3' },
      { kind: 'number', file: 'n3.mp3' },
      { kind: 'file', file: 'b.mp3' },
      { kind: 'number', file: 'n27.mp3' },
    ]);
    expect(piecesFor(m, 'kiosk:item.progress', 'Iets anders')).toBeNull();
  });
});
