// The speaker button with the real read-aloud sequence (createSpeaker) on injected deps: a device without a voice whose
// sounds end only when the test says so, so "playing" and "stopped" can be checked at each step.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { AudioManifest } from '../../src/shared/core/audioManifest.ts';
import type { Speech, SpokenLine } from '../../src/tablet/kiosk/readAloud.ts';
import { ReadAloudProvider } from '../../src/tablet/kiosk/ReadAloudProvider.tsx';
import { SpeakerButton } from '../../src/tablet/kiosk/SpeakerButton.tsx';
import { useReadAloud } from '../../src/tablet/kiosk/useReadAloud.ts';
import { createSpeaker } from '../../src/tablet/speech/speaker.ts';

const manifest = (lng: string): AudioManifest => ({
  lng,
  voice: lng,
  fallbackNote: null,
  entries: {
    'kiosk:welcome.title': { hash: 'a', template: 'Welkom', segments: [{ file: 'title.mp3' }] },
    'kiosk:welcome.intro': { hash: 'b', template: 'Hallo', segments: [{ file: 'intro.mp3' }] },
  },
  numbers: {},
  bytes: 0,
});

/** One sound the device was asked to play: which file, and its stop signal; `end` finishes it. */
interface Sound {
  readonly file: string;
  readonly signal: AbortSignal;
  readonly end: () => void;
}

function device() {
  const sounds: Sound[] = [];
  const loaded: string[] = [];
  const speaker = createSpeaker<string>({
    voiceFor: () => null,
    speakWithVoice: () => Promise.resolve(),
    cancelVoice: () => undefined,
    loadManifest: (lng) => Promise.resolve(manifest(lng)),
    loadSound: (s) => {
      if ('file' in s) loaded.push(`${s.lng}/${s.file}`);
      return Promise.resolve('file' in s ? new Blob([`${s.lng}/${s.file}`]) : null);
    },
    playSound: async (blob, signal) => {
      const file = await blob.text();
      return new Promise<void>((resolve) => {
        sounds.push({ file, signal, end: resolve });
        signal.addEventListener('abort', () => resolve());
      });
    },
    report: () => undefined,
  });
  // Every read and preparation asked of the device, so a test can wait until all have run their course.
  const pending: Promise<void>[] = [];
  const prepared: string[] = [];
  const track = (p: Promise<void>) => {
    pending.push(p);
    return p;
  };
  const speech: Speech = {
    speakParts: (parts, onSentence) => track(speaker.speakParts(parts, onSentence)),
    stop: speaker.stop,
    prepare: (lng, first) => {
      prepared.push(`${lng}/${first?.key ?? ''}`);
      void track(speaker.prepare(lng, first));
    },
  };
  /** Resolves when every read and preparation started so far has ended: after that nothing more plays or loads. */
  const settled = () =>
    act(async () => {
      for (let seen = -1; seen !== pending.length;) {
        seen = pending.length;
        await Promise.all(pending);
      }
    });
  return { speech, sounds, loaded, prepared, settled };
}

const LINES: SpokenLine[] = [
  { id: 'title', key: 'kiosk:welcome.title', text: 'Welkom' },
  { id: 'intro', key: 'kiosk:welcome.intro', text: 'Hallo' },
];

function Page({ owner = 'welcome' }: { owner?: string }) {
  const reading = useReadAloud(owner, LINES);
  return (
    <main>
      <SpeakerButton reading={reading} />
      <h1 {...reading.mark('title')}>Welkom</h1>
      <p {...reading.mark('intro')}>Hallo</p>
    </main>
  );
}

function App(p: { speech: Speech; language?: string; readAll?: boolean; owner?: string }) {
  return (
    <ReadAloudProvider
      speech={p.speech}
      language={p.language ?? 'nl'}
      readAll={p.readAll ?? false}
      onReadAll={() => undefined}
    >
      <Page owner={p.owner ?? 'welcome'} />
    </ReadAloudProvider>
  );
}

const button = () => screen.getByRole('button', { name: 'Lees voor' });
const marked = () => document.querySelector('[aria-current="true"]')?.getAttribute('data-say');

describe('speaker button', () => {
  it('has a translated name and is not pressed until tapped', () => {
    const { speech } = device();
    render(<App speech={speech} />);
    expect(button().getAttribute('aria-pressed')).toBe('false');
    expect(marked()).toBeUndefined();
  });

  it('a tap reads the lines in order, pressed while reading, marking the line being said', async () => {
    const { speech, sounds } = device();
    render(<App speech={speech} />);
    fireEvent.click(button());
    expect(button().getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(sounds.map((s) => s.file)).toEqual(['nl/title.mp3']));
    expect(marked()).toBe('title');
    await act(() => sounds[0]!.end());
    await waitFor(() =>
      expect(sounds.map((s) => s.file)).toEqual(['nl/title.mp3', 'nl/intro.mp3']),
    );
    await waitFor(() => expect(marked()).toBe('intro'));
    await act(() => sounds[1]!.end());
    await waitFor(() => expect(button().getAttribute('aria-pressed')).toBe('false'));
    expect(marked()).toBeUndefined();
  });

  it('a second tap stops the sound at once and nothing more is said', async () => {
    const { speech, sounds, settled } = device();
    render(<App speech={speech} />);
    fireEvent.click(button());
    await waitFor(() => expect(sounds).toHaveLength(1));
    fireEvent.click(button());
    expect(sounds[0]!.signal.aborted).toBe(true);
    expect(button().getAttribute('aria-pressed')).toBe('false');
    expect(marked()).toBeUndefined();
    await settled(); // the stopped sequence has ended: had it gone on to the next line, that sound would be here
    expect(sounds).toHaveLength(1);
  });

  it('stops when the screen goes away (unmount) or is replaced by another screen', async () => {
    const { speech, sounds } = device();
    const view = render(<App speech={speech} />);
    fireEvent.click(button());
    await waitFor(() => expect(sounds).toHaveLength(1));
    view.rerender(<App speech={speech} owner="consent" />);
    expect(sounds[0]!.signal.aborted).toBe(true);
    expect(button().getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button());
    await waitFor(() => expect(sounds).toHaveLength(2));
    view.unmount();
    expect(sounds[1]!.signal.aborted).toBe(true);
  });

  it('in read-everything mode reads the screen by itself, and again in the new language after a switch', async () => {
    const { speech, sounds } = device();
    const view = render(<App speech={speech} readAll />);
    await waitFor(() => expect(sounds.map((s) => s.file)).toEqual(['nl/title.mp3']));
    expect(button().getAttribute('aria-pressed')).toBe('true');
    view.rerender(<App speech={speech} readAll language="ar" />);
    expect(sounds[0]!.signal.aborted).toBe(true);
    await waitFor(() =>
      expect(sounds.map((s) => s.file)).toEqual(['nl/title.mp3', 'ar/title.mp3']),
    );
    view.rerender(<App speech={speech} language="ar" />);
    expect(sounds[1]!.signal.aborted).toBe(true);
    expect(button().getAttribute('aria-pressed')).toBe('false');
  });

  it('prepares nothing for a client who has not used read-aloud: no sound is fetched ahead of a tap', async () => {
    const { speech, loaded, prepared, settled } = device();
    const view = render(<App speech={speech} />);
    view.rerender(<App speech={speech} owner="consent" />);
    await settled(); // any preparation the new screen asked for has loaded by now
    expect(prepared).toEqual([]);
    expect(loaded).toEqual([]);
  });

  it('once read-aloud is in use, a new screen fetches its first sound when it appears, so a tap plays without loading it again', async () => {
    const { speech, sounds, loaded } = device();
    const view = render(<App speech={speech} />);
    fireEvent.click(button());
    await waitFor(() => expect(sounds).toHaveLength(1));
    fireEvent.click(button()); // stop
    view.rerender(<App speech={speech} owner="consent" />);
    await waitFor(() => expect(loaded).toEqual(['nl/title.mp3', 'nl/title.mp3']));
    fireEvent.click(button());
    await waitFor(() => expect(sounds).toHaveLength(2));
    expect(loaded).toEqual(['nl/title.mp3', 'nl/title.mp3']);
  });

  it('a new client (scope) starts without preparation again', async () => {
    const { speech, loaded, prepared, settled } = device();
    const Scoped = (p: { scope: number; owner: string }) => (
      <ReadAloudProvider
        speech={speech}
        language="nl"
        readAll={false}
        onReadAll={() => undefined}
        scope={p.scope}
      >
        <Page owner={p.owner} />
      </ReadAloudProvider>
    );
    const view = render(<Scoped scope={1} owner="welcome" />);
    fireEvent.click(button());
    fireEvent.click(button());
    await settled();
    const before = { loaded: loaded.length, prepared: prepared.length };
    expect(before.loaded).toBeGreaterThan(0);
    view.rerender(<Scoped scope={2} owner="consent" />);
    await settled(); // any preparation the new client's first screen asked for has loaded by now
    // The sound is warm from the first client, so a preparation would load nothing: check it was not asked for.
    expect(prepared).toHaveLength(before.prepared);
    expect(loaded).toHaveLength(before.loaded);
  });
});
