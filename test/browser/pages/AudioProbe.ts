// Watches read-aloud in the page: every sound the app plays, which audio-pack file it is (by its bytes) and what the
// screen showed then. The page has no speech voice, so every sound must come from a pack.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

const AUDIO = resolve(import.meta.dirname, '../../../dist/audio');

/** One sound the app started, as recorded in the page. */
export interface Play {
  readonly screen: string | null;
  readonly dialog: string | null;
  /** The `data-say` of the element marked `aria-current` when the sound started. */
  readonly line: string | null;
  readonly lang: string;
  readonly at: number;
  readonly hash: string | null;
  readonly playingAt: number | null;
  readonly error: string | null;
}

/** A pack file: its language, name and the manifest keys it speaks (part of). */
export interface PackFile {
  readonly lng: string;
  readonly file: string;
  readonly keys: readonly string[];
}

/** Every file of every built pack, by the SHA-256 of its bytes. */
export function packIndex(): Map<string, PackFile> {
  const out = new Map<string, PackFile>();
  for (const lng of readdirSync(AUDIO)) {
    const manifest = JSON.parse(readFileSync(join(AUDIO, lng, 'manifest.json'), 'utf8')) as {
      entries: Record<string, { segments: { file?: string }[] }>;
      numbers: Record<string, string>;
    };
    const keys = new Map<string, string[]>();
    const add = (file: string, key: string) => keys.set(file, [...(keys.get(file) ?? []), key]);
    for (const [key, e] of Object.entries(manifest.entries))
      for (const s of e.segments) if (s.file) add(s.file, key);
    for (const [n, file] of Object.entries(manifest.numbers)) add(file, `number:${n}`);
    for (const [file, ks] of keys) {
      const hash = createHash('sha256')
        .update(readFileSync(join(AUDIO, lng, file)))
        .digest('hex');
      out.set(hash, { lng, file, keys: ks });
    }
  }
  return out;
}

/**
 * The script that runs in the page before the app: no voices, and a record of every play() with the played bytes'
 * hash. `rate` plays every sound that many times faster (the order, marks and files stay what the app chose; a long
 * read-everything run then takes a fraction of its spoken length).
 */
function probe(rate: number): void {
  Object.defineProperty(speechSynthesis, 'getVoices', { value: () => [] });
  const w = window as unknown as { __plays: Record<string, unknown>[]; __audio?: HTMLMediaElement };
  w.__plays = [];
  const blobs = new Map<string, Blob>();
  const create = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (o: Blob | MediaSource) => {
    const url = create(o);
    if (o instanceof Blob) blobs.set(url, o);
    return url;
  };
  const play = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'play')?.value as (
    this: HTMLMediaElement,
  ) => Promise<void>;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    w.__audio = this;
    const entry: Record<string, unknown> = {
      screen: document.querySelector('main[data-screen]')?.getAttribute('data-screen') ?? null,
      dialog: document.querySelector('.dialog[data-screen]')?.getAttribute('data-screen') ?? null,
      line:
        document.querySelector('[data-say][aria-current="true"]')?.getAttribute('data-say') ?? null,
      lang: document.documentElement.lang,
      at: performance.now(),
      hash: null,
      playingAt: null,
      error: null,
    };
    w.__plays.push(entry);
    const blob = blobs.get(this.src);
    if (blob)
      void blob
        .arrayBuffer()
        .then((b) => crypto.subtle.digest('SHA-256', b))
        .then((d) => {
          entry.hash = [...new Uint8Array(d)].map((x) => x.toString(16).padStart(2, '0')).join('');
        });
    else entry.hash = '';
    this.addEventListener('playing', () => (entry.playingAt = performance.now()), { once: true });
    // A new source resets the rate to the default rate, so both are set.
    this.defaultPlaybackRate = rate;
    this.playbackRate = rate;
    const p = play.call(this);
    p.catch((e: unknown) => (entry.error = String(e)));
    return p;
  };
}

/** Attaches the probe to every page of a browser context; `rate` > 1 plays sounds faster (see `probe`). */
export async function attachAudioProbe(ctx: BrowserContext, rate = 1): Promise<void> {
  await ctx.addInitScript(probe, rate);
}

/** Reads what the probe recorded in a page, with each sound's pack file. */
export class AudioProbe {
  private readonly index = packIndex();
  constructor(readonly page: Page) {}

  /** Every play so far (hashes resolved), with the pack file it was, if any. */
  async plays(): Promise<(Play & { pack: PackFile | null })[]> {
    await this.page.waitForFunction(() =>
      (window as unknown as { __plays: { hash: unknown }[] }).__plays.every((p) => p.hash !== null),
    );
    const plays = await this.page.evaluate(
      () => (window as unknown as { __plays: Play[] }).__plays,
    );
    return plays.map((p) => ({ ...p, pack: (p.hash && this.index.get(p.hash)) || null }));
  }

  /** Waits until a play fits `test` (polled, no fixed sleep); returns all plays then. */
  async waitFor(
    what: string,
    test: (p: Play & { pack: PackFile | null }) => boolean,
    timeout = 20_000,
  ): Promise<(Play & { pack: PackFile | null })[]> {
    let plays: (Play & { pack: PackFile | null })[] = [];
    try {
      await expect
        .poll(async () => (plays = await this.plays()).some(test), { timeout, interval: 100 })
        .toBe(true);
    } catch {
      throw new Error(`no play of ${what}; plays: ${JSON.stringify(plays.slice(-8))}`);
    }
    return plays;
  }

  /**
   * Also knows the server's rendering of `text` (the agency name, which the build cannot know): fetched from
   * `GET /api/speech` like the app does, and recognised as file `api/speech` with key `agency`.
   */
  async learnServerSpeech(serverUrl: string, lng: string, text: string): Promise<void> {
    const url = `${serverUrl}/api/speech?lng=${encodeURIComponent(lng)}&text=${encodeURIComponent(text)}`;
    const r = await fetch(url);
    if (!r.ok) throw new Error(`server speech for ${lng} failed: ${r.status}`);
    const hash = createHash('sha256')
      .update(Buffer.from(await r.arrayBuffer()))
      .digest('hex');
    this.index.set(hash, { lng, file: 'api/speech', keys: ['agency'] });
  }

  /** Whether the app's audio element is playing now. */
  async playingNow(): Promise<boolean> {
    return this.page.evaluate(() => {
      const a = (window as unknown as { __audio?: HTMLMediaElement }).__audio;
      return !!a && !a.paused && !a.ended;
    });
  }

  /** How many plays were recorded. */
  async count(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as { __plays: unknown[] }).__plays.length);
  }
}
