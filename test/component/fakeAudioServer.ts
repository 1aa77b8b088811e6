// A Cache Storage cache and a server with audio packs, in memory: enough for the tablet's pack caching to run in tests.
import { joinBundle, type AudioManifest } from '../../src/shared/core/audioManifest.ts';

const BASE = 'http://tablet.test/';
const abs = (u: RequestInfo | URL): string =>
  new URL(typeof u === 'string' || u instanceof URL ? u : u.url, BASE).href;

/** A Cache that keeps responses in a Map; `quotaAfter` makes the n-th put onward fail as a full disk does. */
export class MemoryCache {
  readonly store = new Map<string, Response>();
  quotaAfter = Infinity;
  puts = 0;
  match(u: RequestInfo | URL): Promise<Response | undefined> {
    return Promise.resolve(this.store.get(abs(u))?.clone());
  }
  async put(u: RequestInfo | URL, res: Response): Promise<void> {
    if (++this.puts > this.quotaAfter)
      throw Object.assign(new Error('disk full'), { name: 'QuotaExceededError' });
    this.store.set(abs(u), new Response(await res.arrayBuffer(), { headers: res.headers }));
  }
  delete(u: RequestInfo | URL): Promise<boolean> {
    return Promise.resolve(this.store.delete(abs(u)));
  }
  keys(): Promise<Request[]> {
    return Promise.resolve([...this.store.keys()].map((k) => new Request(k)));
  }
  /** Paths with query, sorted: what a test compares. */
  paths(): string[] {
    return [...this.store.keys()].map((k) => new URL(k).pathname + new URL(k).search).sort();
  }
}

/** The bytes the fake server has for a pack file: ten bytes from its name, so each file differs. */
export const clipBytes = (name: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from({ length: 10 }, (_, i) => name.charCodeAt(i % name.length));

/** The bundle of `files` as the build joins it. */
const bundleOf = (files: readonly string[]) =>
  joinBundle(new Map(files.map((f) => [f, clipBytes(f)])));

/**
 * A pack whose texts are "Welkom" (one file) and an item that says the agency's name; `bundled` joins its files in
 * a bundle (clips.bin) as the build does, and may leave some out (as a recording is).
 */
export function manifestFor(
  lng: string,
  files: readonly string[] = ['a.mp3', 'b.mp3'],
  bundled: readonly string[] = [],
) {
  const bundle = bundled.length ? { file: 'clips.bin', clips: bundleOf(bundled).clips } : undefined;
  const m: AudioManifest = {
    lng,
    voice: lng,
    fallbackNote: null,
    entries: {
      'kiosk:welcome.title': { hash: '1', template: 'Welkom', segments: [{ file: files[0]! }] },
      'pilot:items.x': {
        hash: '2',
        template: '{{agency}} helpt',
        segments: [{ slot: 'agency', kind: 'agency' }, { file: files[1]! }],
      },
    },
    numbers: { '1': 'n1.mp3' },
    bytes: 30,
    ...(bundle ? { bundle } : {}),
  };
  return m;
}

/** A fetch that answers like the server: manifests, pack files and /api/speech; `offline` makes every call fail. */
export function fakeServer(manifests: Map<string, AudioManifest>) {
  const state = { offline: false, speechStatus: 200, calls: [] as string[] };
  const fetch = (u: RequestInfo | URL): Promise<Response> => {
    const url = new URL(abs(u));
    state.calls.push(url.pathname + url.search);
    if (state.offline) return Promise.reject(new TypeError('Failed to fetch'));
    const pack = /^\/audio\/([^/]+)\/(.+)$/.exec(url.pathname);
    const mp3 = (bytes = new Uint8Array(10)) =>
      new Response(bytes, {
        headers: { 'content-type': 'audio/mpeg', 'content-length': String(bytes.length) },
      });
    if (pack) {
      const m = manifests.get(pack[1]!);
      if (!m) return Promise.resolve(new Response('', { status: 404 }));
      if (pack[2] === 'manifest.json')
        return Promise.resolve(
          new Response(JSON.stringify(m), { headers: { 'content-type': 'application/json' } }),
        );
      if (m.bundle && pack[2] === m.bundle.file)
        return Promise.resolve(mp3(bundleOf(Object.keys(m.bundle.clips)).bytes));
      return Promise.resolve(mp3(clipBytes(pack[2]!)));
    }
    if (url.pathname === '/api/speech')
      return Promise.resolve(
        state.speechStatus === 200 ? mp3() : new Response('{}', { status: state.speechStatus }),
      );
    return Promise.resolve(new Response('', { status: 404 }));
  };
  return { fetch, state };
}

/** The paths a pack needs on the tablet, sorted. */
export const packPaths = (lng: string, agency: string, files = ['a.mp3', 'b.mp3']) =>
  [
    `/audio/${lng}/manifest.json`,
    ...files.map((f) => `/audio/${lng}/${f}`),
    `/audio/${lng}/n1.mp3`,
    `/api/speech?lng=${lng}&text=${encodeURIComponent(agency)}`,
  ].sort();
