// The kiosk's transitions as a pure reducer: what each action does to the screen and the client's choices.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import {
  packsComplete,
  worksOffline,
  firstLanguage,
  initialKioskState,
  kioskReducer,
  type KioskAction,
  type KioskState,
} from '../../src/tablet/kiosk/kioskState.ts';
import type { SessionRow } from '../../src/tablet/storage/db.ts';

const health = { ok: true as const, persisted: true, usage: 0, quota: 1e9 };
const row = (over: Partial<SessionRow> = {}): SessionRow => ({
  id: 's1',
  instrumentId: 'pilot-2019',
  instrumentVersion: 1,
  language: 'ar',
  languagesUsed: ['ar'],
  pictograms: true,
  status: 'open',
  step: { kind: 'consent' },
  startedAt: 0,
  updatedAt: 0,
  stepAt: 0,
  completedAt: null,
  reference: null,
  details: {},
  consentAt: null,
  profile: null,
  readAloud: true,
  ...over,
});
const run = (...actions: KioskAction[]): KioskState =>
  actions.reduce(kioskReducer, initialKioskState('nl'));
const settings = { ...DEFAULT_SETTINGS, languages: ['tr', 'nl'] };

describe('kiosk reducer', () => {
  it('starts loading, and boots to the welcome screen without a session', () => {
    expect(run().view.kind).toBe('loading');
    const s = run({ type: 'boot' }, { type: 'booted', health, settings, open: null });
    expect(s.view).toEqual({ kind: 'welcome' });
    expect(s.settings).toBe(settings);
    expect([s.readAll, s.pictograms]).toEqual([false, false]);
    expect(firstLanguage(s)).toBe('tr');
  });

  it('boots into the open session with its read-aloud and pictogram modes', () => {
    const open = { session: row(), answers: {}, answeredAt: {} };
    const s = run({ type: 'booted', health, settings, open });
    expect(s.view).toEqual({ kind: 'session', loaded: open });
    expect([s.readAll, s.pictograms]).toEqual([true, true]);
  });

  it('a storage failure shows the error screen and releases the start button', () => {
    const s = run(
      { type: 'booted', health, settings, open: null },
      {
        type: 'starting',
        handover: { reference: null, language: 'nl', pictograms: false, readAloud: false },
      },
      { type: 'storage-failed', problem: 'quota' },
    );
    expect(s.view).toEqual({ kind: 'storage-error', problem: 'quota' });
    expect(s.busy).toBe(false);
    expect(s.settings).toBe(settings);
  });

  it('a handover sets the modes at once and shows the session once it is stored', () => {
    const handover = { reference: 'K1', language: 'nl', pictograms: true, readAloud: true };
    const starting = run(
      { type: 'booted', health, settings, open: null },
      { type: 'starting', handover },
    );
    expect([starting.busy, starting.pictograms, starting.readAll]).toEqual([true, true, true]);
    expect(starting.view.kind).toBe('welcome');
    const loaded = { session: row(), answers: {}, answeredAt: {} };
    const started = kioskReducer(starting, { type: 'started', loaded });
    expect(started.busy).toBe(false);
    expect(started.view).toEqual({ kind: 'session', loaded });
  });

  it('after a session the welcome screen greets the next client without the previous modes', () => {
    const open = { session: row(), answers: {}, answeredAt: {} };
    const done = run(
      { type: 'booted', health, settings, open },
      { type: 'finished', how: 'completed' },
    );
    expect(done.view).toEqual({ kind: 'thanks' });
    expect(run({ type: 'finished', how: 'declined' }).view).toEqual({ kind: 'declined' });
    const next = kioskReducer(done, { type: 'welcome' });
    expect(next.view).toEqual({ kind: 'welcome' });
    expect([next.readAll, next.pictograms]).toEqual([false, false]);
    expect(next.client).toBe(done.client + 1);
  });

  it('says the tablet works offline only when the app is installed and every enabled language has its audio', () => {
    const st = {
      running: false,
      done: 9,
      total: 9,
      problem: null,
      states: { nl: 'cached', ar: 'cached' },
    } as const;
    expect(packsComplete(st, ['nl', 'ar'])).toBe(true);
    expect(packsComplete(st, ['nl', 'ar', 'ti'])).toBe(false);
    expect(packsComplete({ ...st, running: true }, ['nl'])).toBe(false);
    expect(packsComplete({ ...st, problem: 'offline' }, ['nl'])).toBe(false);
    const installed = { type: 'update', waiting: false, offlineReady: true } as const;
    expect(worksOffline(run(installed))).toBe(false);
    expect(worksOffline(run({ type: 'packs', ready: true }))).toBe(false);
    expect(worksOffline(run(installed, { type: 'packs', ready: true }))).toBe(true);
  });

  it('staff mode turns read-everything off; settings, language, modes and update flags are plain updates', () => {
    const App = () => null;
    const s = run({ type: 'read-all', on: true }, { type: 'staff', App });
    expect(s.readAll).toBe(false);
    expect(s.view).toEqual({ kind: 'staff', App });
    expect(run({ type: 'settings', settings }).settings).toBe(settings);
    expect(run({ type: 'language', code: 'fa' }).language).toBe('fa');
    expect(run({ type: 'pictograms', on: true }).pictograms).toBe(true);
    expect(run({ type: 'update', waiting: true, offlineReady: false }).update).toEqual({
      waiting: true,
      offlineReady: false,
    });
  });
});
