import { describe, expect, it } from 'vitest';
import {
  joinBundle,
  piecesFor,
  splitTemplate,
  type AudioManifest,
} from '../../src/shared/core/audioManifest.ts';
import { textHash } from '../../src/shared/core/textHash.ts';
import { verifyPacks, type BuiltPack } from '../../scripts/audio/buildPacks.ts';

const manifest = (lng: string, entries: AudioManifest['entries']): AudioManifest => ({
  lng,
  voice: lng,
  fallbackNote: null,
  entries,
  numbers: { '3': 'n3.mp3', '27': 'n27.mp3' },
  bytes: 0,
});
const pack = (
  m: AudioManifest,
  files = new Map(
    ['a.mp3', 'b.mp3', 'n3.mp3', 'n27.mp3'].map((f, i) => [f, new Uint8Array([i, i + 1])]),
  ),
): BuiltPack => {
  const { bytes, clips } = joinBundle(files);
  return {
    manifest: { ...m, bundle: { file: 'clips.bin', clips } },
    files,
    bundle: { name: 'clips.bin', bytes },
  };
};
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

describe('audio pack completeness: what makes the build fail', () => {
  const texts = [{ key: 'kiosk:item.progress', template: progress }];
  const full = (lng: string) => pack(manifest(lng, { 'kiosk:item.progress': entry(progress) }));

  it('fails when an enabled language has no pack at all', () => {
    expect(
      verifyPacks(
        new Map([
          ['nl', texts],
          ['ar', texts],
        ]),
        [full('nl')],
      ),
    ).toEqual(['ar: no audio pack']);
  });

  it('fails when a language lacks audio for a text Dutch has, even if its own locale lacks the text too', () => {
    const problems = verifyPacks(
      new Map([
        ['nl', texts],
        ['ti', []],
      ]),
      [full('nl'), pack(manifest('ti', {}))],
    );
    expect(problems).toEqual(['ti: no audio for kiosk:item.progress']);
  });

  it('accepts a plural form in place of the Dutch plural key', () => {
    const one = 'Over {{count}} seconde';
    const nl = [{ key: 'kiosk:idle.body_one', template: one }];
    const fa = [{ key: 'kiosk:idle.body_other', template: one }];
    const problems = verifyPacks(
      new Map([
        ['nl', nl],
        ['fa', fa],
      ]),
      [
        pack(manifest('nl', { 'kiosk:idle.body_one': entry(one) })),
        pack(manifest('fa', { 'kiosk:idle.body_other': entry(one) })),
      ],
    );
    expect(problems).toEqual([]);
  });

  it('fails when a file a manifest names is missing, for a text or a number', () => {
    const m = manifest('nl', { 'kiosk:item.progress': entry(progress) });
    const files = new Map([
      ['b.mp3', new Uint8Array(1)],
      ['n3.mp3', new Uint8Array(1)],
    ]);
    expect(verifyPacks(new Map([['nl', texts]]), [pack(m, files)])).toEqual([
      'nl: audio file a.mp3 for kiosk:item.progress is missing',
      'nl: audio file n27.mp3 for the number 27 is missing',
    ]);
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

describe('audio pack bundle', () => {
  it('holds every file at its offset, and the check names a file missing from it or changed in it', () => {
    const texts = [{ key: 'kiosk:item.progress', template: progress }];
    const full = pack(manifest('nl', { 'kiosk:item.progress': entry(progress) }));
    const { clips } = full.manifest.bundle!;
    for (const [f, bytes] of full.files) {
      const [at, len] = clips[f]!;
      expect([...full.bundle.bytes.subarray(at, at + len)]).toEqual([...bytes]);
    }
    expect(full.bundle.bytes.length).toBe(8);
    const rest = Object.fromEntries(Object.entries(clips).filter(([f]) => f !== 'b.mp3'));
    const missing = { ...full, manifest: { ...full.manifest, bundle: { file: 'x', clips: rest } } };
    expect(verifyPacks(new Map([['nl', texts]]), [missing])).toEqual([
      "nl: audio file b.mp3 is not in the pack's bundle as it is",
    ]);
    const changed = { ...full, bundle: { name: 'x', bytes: full.bundle.bytes.map((b) => b ^ 1) } };
    expect(verifyPacks(new Map([['nl', texts]]), [changed])).toHaveLength(4);
  });
});
