// Read-everything across the kiosk on fake-indexeddb, with a read-aloud engine injected that records what it is asked to
// say and whether that was stopped: each new screen is read by itself, the mode is stored with the session, and
// nothing keeps talking after the session ends or staff take the tablet.
import { act, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { KioskApp } from '../../src/tablet/kiosk/KioskApp.tsx';
import type { Speech } from '../../src/tablet/kiosk/readAloud.ts';
import type { SpokenPart } from '../../src/tablet/speech/speaker.ts';
import { database } from '../../src/tablet/storage/db.ts';
import { freshDatabase, instrument } from './fixtures.ts';
import { testServices } from './kioskServices.ts';
import { click, onScreen } from './kioskDriver.ts';

interface Said {
  readonly parts: readonly SpokenPart[];
  stopped: boolean;
}

/** An engine with the real contract (a new reading stops the previous one) that never finishes by itself. */
function recorder() {
  const said: Said[] = [];
  const ends = new Map<Said, () => void>();
  const stop = () => {
    for (const s of said)
      if (!s.stopped) {
        s.stopped = true;
        ends.get(s)?.();
      }
  };
  const speech: Speech = {
    speakParts: (parts) => {
      stop();
      const s: Said = { parts, stopped: false };
      said.push(s);
      return new Promise<void>((resolve) => ends.set(s, resolve));
    },
    stop,
    prepare: () => undefined,
  };
  const last = () => said.at(-1);
  const keys = (s: Said | undefined) => s?.parts.map((p) => `${p.lng} ${p.text.key}`) ?? [];
  return { speech, said, last, keys };
}

const readAll = () => screen.getByRole('button', { name: 'Alles voorlezen' });

beforeEach(freshDatabase);

describe('read everything', () => {
  it('reads each new screen by itself, says "choose your language" in every language, stores the mode with the session and ends with it', async () => {
    const r = recorder();
    render(<KioskApp instrument={instrument} services={testServices({ speech: r.speech })} />);
    await onScreen('welcome');
    expect(r.said).toHaveLength(0);
    click('Alles voorlezen');
    await waitFor(() =>
      expect(r.keys(r.last()).slice(0, 2)).toEqual([
        'nl kiosk:welcome.title',
        'nl kiosk:welcome.intro',
      ]),
    );
    const prompts = r.keys(r.last()).filter((k) => k.endsWith('meta:prompt'));
    expect([...prompts].sort()).toEqual(
      ['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'].map((l) => `${l} meta:prompt`).sort(),
    );
    const welcome = r.last()!;

    click('Beginnen');
    await onScreen('consent');
    await waitFor(() => expect(r.keys(r.last())[0]).toBe('nl kiosk:consent.title'));
    expect(welcome.stopped).toBe(true);
    const [row] = await database().sessions.toArray();
    expect(row?.readAloud).toBe(true);
    expect(readAll().getAttribute('aria-pressed')).toBe('true');

    click('Ik doe niet mee');
    await onScreen('declined');
    await waitFor(() => expect(r.keys(r.last())[0]).toBe('nl kiosk:declined.title'));
    const declined = r.last()!;
    click('Klaar');
    await onScreen('welcome');
    expect(declined.stopped).toBe(true);
    expect(readAll().getAttribute('aria-pressed')).toBe('false');
    // Every effect of the welcome screen has run (act flushes them): none of them started a reading.
    const before = r.said.length;
    await act(() => Promise.resolve());
    expect(r.said.length).toBe(before);
    expect(r.said.every((s) => s.stopped)).toBe(true);
  });

  it('turning it off mid-session stops the reading and is stored', async () => {
    const r = recorder();
    render(<KioskApp instrument={instrument} services={testServices({ speech: r.speech })} />);
    await onScreen('welcome');
    click('Alles voorlezen');
    click('Beginnen');
    await onScreen('consent');
    await waitFor(() => expect(r.keys(r.last())[0]).toBe('nl kiosk:consent.title'));
    click('Alles voorlezen');
    await waitFor(() => expect(r.last()?.stopped).toBe(true));
    await waitFor(async () =>
      expect((await database().sessions.toArray())[0]?.readAloud).toBe(false),
    );
  });

  it('stops at once when staff take the tablet', async () => {
    const r = recorder();
    render(<KioskApp instrument={instrument} services={testServices({ speech: r.speech })} />);
    await onScreen('welcome');
    click('Alles voorlezen');
    await waitFor(() => expect(r.said).toHaveLength(1));
    click('Medewerker');
    await waitFor(() => expect(r.said[0]?.stopped).toBe(true));
    await waitFor(() =>
      expect(document.querySelector('main[data-screen^="staff"]')).not.toBeNull(),
    );
    expect(r.said.every((s) => s.stopped)).toBe(true);
  });
});
