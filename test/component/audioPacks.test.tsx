// The tablet's pack caching on an in-memory cache and server: what it fetches, what it drops, and what staff see.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { cachePacks } from '../../src/tablet/speech/packCache.ts';
import { forgetManifest, loadPackSound } from '../../src/tablet/speech/packs.ts';
import { freshDatabase } from './fixtures.ts';
import { clipBytes, fakeServer, manifestFor, MemoryCache, packPaths } from './fakeAudioServer.ts';
import { openStaff } from './staffHarness.tsx';

const packs = () =>
  new Map([
    ['nl', manifestFor('nl')],
    ['ar', manifestFor('ar')],
    ['tr', manifestFor('tr')],
  ]);

describe('cachePacks', () => {
  it('caches every file of the enabled packs and the agency name, then drops what is no longer wanted', async () => {
    const manifests = packs();
    const server = fakeServer(manifests);
    const cache = new MemoryCache();
    const io = { fetch: server.fetch, cache: cache as unknown as Cache };
    const first = await cachePacks(io, ['nl', 'ar'], ['Werkplein  X']);
    expect(first).toMatchObject({
      problem: null,
      states: { nl: 'cached', ar: 'cached' },
      files: 8,
    });
    expect(cache.paths()).toEqual(
      [...packPaths('nl', 'Werkplein X'), ...packPaths('ar', 'Werkplein X')].sort(),
    );

    // Again: nothing fetched twice (only the manifests are asked for, to notice a new app version).
    server.state.calls.length = 0;
    await cachePacks(io, ['nl', 'ar'], ['Werkplein X']);
    expect(server.state.calls.sort()).toEqual([
      '/audio/ar/manifest.json',
      '/audio/nl/manifest.json',
    ]);

    // Arabic switched off and the agency renamed: Arabic and the old name go, the new name comes.
    const second = await cachePacks(io, ['nl'], ['Nieuw Loket']);
    expect(second.states).toEqual({ nl: 'cached' });
    expect(cache.paths()).toEqual(packPaths('nl', 'Nieuw Loket'));

    // A new app version renames a file: the new one is fetched, the old one dropped.
    manifests.set('nl', manifestFor('nl', ['a.mp3', 'c.mp3']));
    await cachePacks(io, ['nl'], ['Nieuw Loket']);
    expect(cache.paths()).toEqual(packPaths('nl', 'Nieuw Loket', ['a.mp3', 'c.mp3']));
  });

  it('stops on a full disk, says so, and caches no manifest that points at missing files', async () => {
    const cache = new MemoryCache();
    cache.quotaAfter = 3;
    const r = await cachePacks(
      { fetch: fakeServer(packs()).fetch, cache: cache as unknown as Cache },
      ['nl', 'ar'],
      ['Werkplein X'],
    );
    expect(r.problem).toBe('quota');
    expect(r.states).toEqual({ nl: 'missing', ar: 'missing' });
    expect(cache.paths().filter((p) => p.endsWith('manifest.json'))).toEqual([]);
  });

  it('offline: fetches nothing, keeps what is cached, and says it is offline', async () => {
    const server = fakeServer(packs());
    const cache = new MemoryCache();
    const io = { fetch: server.fetch, cache: cache as unknown as Cache };
    await cachePacks(io, ['nl'], ['Werkplein X']);
    server.state.offline = true;
    const r = await cachePacks(io, ['nl', 'ar'], ['Werkplein X']);
    expect(r).toMatchObject({ problem: 'offline', states: { nl: 'cached', ar: 'missing' } });
    expect(cache.paths()).toEqual(packPaths('nl', 'Werkplein X'));
  });
});

describe('a pack with a bundle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is kept as one download (and the files outside it), and each clip plays as its slice of the bundle', async () => {
    // b.mp3 stands for a recording: not in the bundle, fetched on its own.
    const manifests = new Map([['nl', manifestFor('nl', ['a.mp3', 'b.mp3'], ['a.mp3', 'n1.mp3'])]]);
    const server = fakeServer(manifests);
    const cache = new MemoryCache();
    const r = await cachePacks(
      { fetch: server.fetch, cache: cache as unknown as Cache },
      ['nl'],
      ['Werkplein X'],
    );
    expect(r).toMatchObject({ problem: null, states: { nl: 'cached' }, files: 3 });
    expect(cache.paths()).toEqual(
      [
        '/api/speech?lng=nl&text=Werkplein%20X',
        '/audio/nl/b.mp3',
        '/audio/nl/clips.bin',
        '/audio/nl/manifest.json',
      ].sort(),
    );
    expect(server.state.calls.filter((c) => /a\.mp3|n1\.mp3/.test(c))).toEqual([]);

    // Offline now: every clip still plays, from the bundle or from its own file.
    server.state.offline = true;
    vi.stubGlobal('caches', { open: () => Promise.resolve(cache) });
    vi.stubGlobal('fetch', server.fetch);
    forgetManifest('nl');
    for (const f of ['a.mp3', 'n1.mp3', 'b.mp3']) {
      const blob = await loadPackSound('nl', f);
      expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(clipBytes(f));
    }
  });
});

describe('cachePacks without the agency name', () => {
  it('keeps the pack usable offline when the server cannot say the name, and reports it incomplete', async () => {
    const server = fakeServer(packs());
    server.state.speechStatus = 503;
    const cache = new MemoryCache();
    const r = await cachePacks(
      { fetch: server.fetch, cache: cache as unknown as Cache },
      ['nl'],
      ['Werkplein X'],
    );
    expect(r).toMatchObject({ problem: 'failed', states: { nl: 'missing' } });
    expect(cache.paths()).toEqual(
      packPaths('nl', 'Werkplein X').filter((p) => !p.startsWith('/api/')),
    );
  });
});

describe('read-aloud in staff mode', () => {
  beforeEach(freshDatabase);
  afterEach(() => vi.unstubAllGlobals());

  it('shows a full disk to staff instead of hiding it, and each language without audio', async () => {
    const cache = new MemoryCache();
    cache.quotaAfter = 2;
    vi.stubGlobal('caches', { open: () => Promise.resolve(cache) });
    vi.stubGlobal('fetch', fakeServer(packs()).fetch);
    await openStaff({ settings: { ...DEFAULT_SETTINGS, languages: ['nl', 'ar'] } });
    const panel = screen.getByTestId('readaloud-panel');
    await waitFor(() =>
      expect(panel.querySelector('tr[data-lng="ar"]')?.getAttribute('data-path')).toBe('none'),
    );
    expect(panel.querySelector('tr[data-lng="ar"] td')?.textContent).toBe(
      'geluidspakket ontbreekt: zonder internet geen voorlezen',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Geluid opnieuw downloaden' }));
    const problem = await screen.findByTestId('readaloud-problem');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toContain('de opslag van deze tablet is vol');

    // Room again: the next download completes and both languages show the pack.
    cache.quotaAfter = Infinity;
    fireEvent.click(screen.getByRole('button', { name: 'Geluid opnieuw downloaden' }));
    await waitFor(() =>
      expect(
        [...panel.querySelectorAll('tbody tr')].map((r) => r.getAttribute('data-path')),
      ).toEqual(['audio', 'audio']),
    );
    expect(screen.queryByTestId('readaloud-problem')).toBeNull();
  });
});
