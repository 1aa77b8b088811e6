// Build time: renders every language's audio pack (or takes the agency's recordings) and checks it is complete.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  joinBundle,
  slotKind,
  splitTemplate,
  type AudioManifest,
  type ManifestEntry,
  type ManifestSegment,
} from '../../src/shared/core/audioManifest.ts';
import { textHash } from '../../src/shared/core/textHash.ts';
import { createRenderPool } from '../../src/shared/speechRender/renderPool.ts';
import type { PackProgress } from './progress.ts';
import { buildLanguages, clientTexts, covers, requiredKeys, type PackText } from './texts.ts';
import { MAX_NUMBER, VOICES } from '../../src/shared/speechRender/voices.ts';

/** One language's pack as files to write under audio/<lng>/: each clip, and all of them joined in one bundle. */
export interface BuiltPack {
  readonly manifest: AudioManifest;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly bundle: { readonly name: string; readonly bytes: Uint8Array };
}

/** Where an agency puts a recording of `key` in `lng`: recordings/<lng>/<namespace>/<key>.mp3. */
export const recordingPath = (dir: string, lng: string, key: string): string =>
  join(dir, lng, ...key.split(':', 2)) + '.mp3';

/** recordings/<lng>/recordings.json: key → the textHash of the wording that was recorded. */
function readRecordings(dir: string, lng: string): Record<string, string> {
  const file = join(dir, lng, 'recordings.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {};
}

const fileName = (bytes: Uint8Array, prefix: string) =>
  `${prefix}${textHash(Buffer.from(bytes).toString('base64'))}${bytes.length.toString(36)}.mp3`;

/**
 * Renders (or reuses) every pack; returns the packs, what the completeness check found, and render counts. `progress`
 * learns how many clips each language needs before rendering starts, and each clip as it is ready.
 */
export async function buildPacks(opts: {
  readonly root: string;
  readonly cacheDir: string;
  readonly recordingsDir: string;
  readonly progress?: PackProgress;
}) {
  const pool = createRenderPool(opts.cacheDir);
  opts.progress?.renders(() => ({ rendered: pool.stats.rendered, waiting: pool.waiting() }));
  const problems: string[] = [];
  const expected = new Map<string, PackText[]>();
  const packs: BuiltPack[] = [];
  try {
    const built = await Promise.all(
      buildLanguages(opts.root).map(async (lng) => {
        const texts = clientTexts(opts.root, lng);
        expected.set(lng, texts);
        const voice = VOICES[lng];
        if (!voice) {
          problems.push(
            `${lng}: no eSpeak NG voice is configured (src/shared/speechRender/voices.ts)`,
          );
          return null;
        }
        const files = new Map<string, Uint8Array>();
        const add = (bytes: Uint8Array, prefix = '') => {
          const name = fileName(bytes, prefix);
          files.set(name, bytes);
          return name;
        };
        const say = async (text: string) => {
          const name = add(await pool.render(voice.voice, text));
          opts.progress?.done(lng);
          return name;
        };
        const recorded = readRecordings(opts.recordingsDir, lng);
        const isRecorded = (t: PackText) =>
          recorded[t.key] === textHash(t.template) &&
          existsSync(recordingPath(opts.recordingsDir, lng, t.key));
        const spoken = (t: PackText) => splitTemplate(t.template).filter((p) => 'text' in p).length;
        opts.progress?.expect(
          lng,
          texts.reduce((n, t) => n + (isRecorded(t) ? 0 : spoken(t)), MAX_NUMBER + 1),
        );
        for (const [key, hash] of Object.entries(recorded)) {
          const text = texts.find((t) => t.key === key);
          if (!text) problems.push(`${lng}: recording ${key} is for a text that does not exist`);
          else if (hash !== textHash(text.template))
            problems.push(
              `${lng}: recording ${key} is stale: the text changed since it was recorded`,
            );
          else if (!existsSync(recordingPath(opts.recordingsDir, lng, key)))
            problems.push(`${lng}: recording ${key} is listed but its .mp3 file is missing`);
          else if (/\{\{/.test(text.template))
            problems.push(
              `${lng}: recording ${key} has placeholders; record texts without them only`,
            );
        }
        const entries: Record<string, ManifestEntry> = {};
        const numbers: Record<string, string> = {};
        // Texts and numbers are asked for at once, so the pool knows everything left to render from the start (the
        // build's progress line estimates the time left from it).
        const sayNumbers = Promise.all(
          Array.from({ length: MAX_NUMBER + 1 }, async (_, n) => {
            numbers[String(n)] = await say(String(n));
          }),
        );
        await Promise.all(
          texts.map(async (t) => {
            if (isRecorded(t)) {
              const file = add(readFileSync(recordingPath(opts.recordingsDir, lng, t.key)), 'r-');
              entries[t.key] = {
                hash: textHash(t.template),
                template: t.template,
                segments: [{ file }],
                recorded: true,
              };
              return;
            }
            const segments: ManifestSegment[] = await Promise.all(
              splitTemplate(t.template).map(async (p) =>
                'text' in p
                  ? { file: await say(p.text) }
                  : { slot: p.slot, kind: slotKind(p.slot) },
              ),
            );
            entries[t.key] = { hash: textHash(t.template), template: t.template, segments };
          }),
        );
        await sayNumbers;
        let bytes = 0;
        for (const b of files.values()) bytes += b.length;
        const joined = joinBundle(files);
        // Named by content like the clips, so a tablet never keeps an old bundle under a current name.
        const bundle = {
          name: `clips-${createHash('sha256').update(joined.bytes).digest('hex').slice(0, 20)}.bin`,
          bytes: joined.bytes,
        };
        const sorted = Object.fromEntries(
          Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)),
        );
        const manifest: AudioManifest = {
          lng,
          voice: voice.voice,
          fallbackNote: voice.fallbackNote,
          entries: sorted,
          numbers,
          bytes,
          bundle: { file: bundle.name, clips: joined.clips },
        };
        return { manifest, files, bundle };
      }),
    );
    for (const p of built) if (p) packs.push(p);
  } finally {
    await pool.close();
  }
  problems.push(...verifyPacks(expected, packs));
  return { packs, problems, stats: pool.stats };
}

/**
 * The completeness check: every language has audio for every text Dutch has, every file a manifest names exists
 * (and sits unchanged in the bundle), and no manifest entry is stale (its text hash differs from the text now in the locale).
 */
export function verifyPacks(
  expected: ReadonlyMap<string, readonly PackText[]>,
  packs: readonly BuiltPack[],
): string[] {
  const problems: string[] = [];
  const required = requiredKeys(expected.get('nl') ?? []);
  for (const [lng, texts] of expected) {
    const pack = packs.find((p) => p.manifest.lng === lng);
    if (!pack) {
      problems.push(`${lng}: no audio pack`);
      continue;
    }
    const keys = Object.keys(pack.manifest.entries);
    for (const key of required)
      if (!covers(keys, key)) problems.push(`${lng}: no audio for ${key}`);
    for (const t of texts) {
      const e = pack.manifest.entries[t.key];
      if (!e) problems.push(`${lng}: no audio for ${t.key}`);
      else if (e.hash !== textHash(t.template))
        problems.push(
          `${lng}: audio for ${t.key} is stale (text hash ${e.hash}, text now ${textHash(t.template)})`,
        );
    }
    for (const [key, e] of Object.entries(pack.manifest.entries))
      for (const s of e.segments)
        if ('file' in s && !pack.files.has(s.file))
          problems.push(`${lng}: audio file ${s.file} for ${key} is missing`);
    for (const [n, f] of Object.entries(pack.manifest.numbers))
      if (!pack.files.has(f))
        problems.push(`${lng}: audio file ${f} for the number ${n} is missing`);
    const clips = pack.manifest.bundle?.clips ?? {};
    for (const [f, bytes] of pack.files) {
      const at = clips[f];
      const same =
        at !== undefined &&
        at[1] === bytes.length &&
        Buffer.compare(pack.bundle.bytes.subarray(at[0], at[0] + at[1]), bytes) === 0;
      if (!same) problems.push(`${lng}: audio file ${f} is not in the pack's bundle as it is`);
    }
  }
  return problems;
}
