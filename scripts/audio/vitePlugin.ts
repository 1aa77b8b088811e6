// Vite plugin: renders the audio packs during `vite build` (beside bundling) and fails the build when one is incomplete.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildPacks } from './buildPacks.ts';
import { packProgress } from './progress.ts';

/** How often a build that is still rendering says how far it is (a warm cache finishes before the first time). */
const PROGRESS_EVERY_MS = 5_000;

/**
 * Where rendered clips are kept: outside the checkout, so a fresh clone on the same machine (CI, a new worktree)
 * reuses them. Keyed by engine version, voice and text (renderKey), so a stale clip is never reused.
 */
export function audioCacheDir(): string {
  if (process.env.AUDIO_CACHE_DIR) return process.env.AUDIO_CACHE_DIR;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'slimme-intake', 'audio-packs');
}

/** Emits dist/audio/<lng>/manifest.json, its MP3 files and their bundle; eSpeak NG runs here only, never in the app. */
export function audioPacks(root = resolve(import.meta.dirname, '../..')): Plugin {
  let building: ReturnType<typeof buildPacks> | null = null;
  let started = 0;
  return {
    name: 'slimme-intake-audio-packs',
    apply: 'build',
    buildStart() {
      started = performance.now();
      const progress = packProgress();
      // A first build renders for minutes on a small machine: say how far it is, on stderr beside vite's lines.
      const ticker = setInterval(
        () => process.stderr.write(`${progress.line()}\n`),
        PROGRESS_EVERY_MS,
      );
      building = buildPacks({
        root,
        cacheDir: audioCacheDir(),
        recordingsDir: join(root, 'recordings'),
        progress,
      });
      const stop = () => clearInterval(ticker);
      void building.then(stop, stop);
    },
    async generateBundle() {
      if (!building) return;
      const { packs, problems, stats } = await building;
      if (problems.length)
        this.error(`audio packs incomplete:\n  ${problems.slice(0, 40).join('\n  ')}`);
      for (const { manifest, files, bundle } of packs) {
        this.emitFile({
          type: 'asset',
          fileName: `audio/${manifest.lng}/${bundle.name}`,
          source: bundle.bytes,
        });
        for (const [name, bytes] of files)
          this.emitFile({
            type: 'asset',
            fileName: `audio/${manifest.lng}/${name}`,
            source: bytes,
          });
        this.emitFile({
          type: 'asset',
          fileName: `audio/${manifest.lng}/manifest.json`,
          source: JSON.stringify(manifest),
        });
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      this.info(
        `audio packs: ${packs.length} languages, ${stats.rendered} rendered, ${stats.cached} from cache, ${seconds} s`,
      );
    },
  };
}
