// Issue 13, read-aloud after the build: when the office's configuration changes (a new questionnaire version, imported
// texts, or clips the server rendered for them, which change the config's audioClips), the kiosk brings its audio
// packs up to date at once, in the background, instead of at the next start; the client on screen is not disturbed.
import { render, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { KioskApp } from '../../src/tablet/kiosk/KioskApp.tsx';
import { enrollTestTablet, freshDatabase, instrument } from './fixtures.ts';
import { testServices } from './kioskServices.ts';
import { officeConfig, officeSends } from './officeSends.ts';
import { onScreen, toDetails } from './kioskDriver.ts';

const config = (audioClips: string) => officeConfig({ audioClips });

beforeEach(async () => {
  await freshDatabase();
  await enrollTestTablet();
});

describe('audio packs after a configuration change', () => {
  it('are kept up to date again when the office sends a changed configuration', async () => {
    const services = testServices();
    render(<KioskApp instrument={instrument} services={services} />);
    const keeps = () => services.log.filter((l) => l === 'packs keep').length;
    await waitFor(() => expect(keeps()).toBe(1)); // at boot
    expect((await officeSends(config('0'), '"a"')).kind).toBe('changed');
    await waitFor(() => expect(keeps()).toBe(2));
    // The server rendered clips of changed texts: the config says so, and the packs are fetched again.
    expect((await officeSends(config('16@2026-03-02T09:01:00.000Z'), '"b"')).kind).toBe('changed');
    await waitFor(() => expect(keeps()).toBe(3));
  });
});

describe('audio packs while a client answers', () => {
  it("keep the running session's languages when the office switches one off, and drop it only between clients", async () => {
    const kept: string[][] = [];
    const services = testServices({
      packs: {
        keep: (s) => void kept.push([...s.languages]),
        subscribe: () => () => undefined,
      },
    });
    render(<KioskApp instrument={instrument} services={services} />);
    await waitFor(() => expect(kept).toHaveLength(1)); // at boot: every language
    await toDetails(); // a client is answering; the language menu still offers Arabic
    const fewer = { ...DEFAULT_SETTINGS, languages: ['nl', 'en'] };
    expect((await officeSends({ ...config('0'), settings: fewer }, '"c"')).kind).toBe('changed');
    await waitFor(() => expect(kept).toHaveLength(2));
    expect(kept[1]).toEqual(expect.arrayContaining(['nl', 'en', 'ar', 'ti']));
    // The client walks away: the idle countdown (90 s, then 30 s) ends the session, and the next client's tablet
    // keeps only what the office wants.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 91_000);
      await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).not.toBeNull(), {
        timeout: 5_000,
      });
      vi.setSystemTime(Date.now() + 31_000);
      await onScreen('welcome');
      await waitFor(() => expect(kept).toHaveLength(3));
      expect(kept[2]).toEqual(['nl', 'en']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('follow the office exactly on the welcome screen', async () => {
    const kept: string[][] = [];
    const services = testServices({
      packs: {
        keep: (s) => void kept.push([...s.languages]),
        subscribe: () => () => undefined,
      },
    });
    render(<KioskApp instrument={instrument} services={services} />);
    await onScreen('welcome');
    await waitFor(() => expect(kept).toHaveLength(1));
    const fewer = { ...DEFAULT_SETTINGS, languages: ['nl', 'en'] };
    expect((await officeSends({ ...config('0'), settings: fewer }, '"d"')).kind).toBe('changed');
    await waitFor(() => expect(kept).toHaveLength(2));
    expect(kept[1]).toEqual(['nl', 'en']);
  });
});
