// The kiosk's boot order with recording services: storage and the language before the first screen; fonts, packs,
// sync, the service worker, the session screens and the read-aloud engine only after it is painted; nothing prepared.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AgencySettings } from '../../src/shared/core/settings.ts';
import { bootKiosk } from '../../src/tablet/kiosk/boot.ts';
import type { KioskAction } from '../../src/tablet/kiosk/kioskState.ts';
import type { KioskServices } from '../../src/tablet/kiosk/services.ts';
import type { KioskStart } from '../../src/tablet/storage/boot.ts';
import type { LoadedSession } from '../../src/tablet/storage/sessions.ts';
import { pilot } from './support.ts';

const health = { ok: true as const, persisted: true, usage: 0, quota: 1e9 };

function recording(start: KioskStart) {
  const log: string[] = [];
  let painted: (() => void) | null = null;
  const rec =
    (name: string) =>
    (...args: unknown[]) => {
      log.push(args.length ? `${name} ${args.map((a) => JSON.stringify(a)).join(' ')}` : name);
    };
  const services = {
    clock: { now: () => 1000 },
    newId: () => 'id',
    storage: {
      open: (at: number) => {
        log.push(`storage.open ${at}`);
        return Promise.resolve(start);
      },
    },
    languages: {
      switch: (code: string) => {
        log.push(`language ${code}`);
        return Promise.resolve();
      },
      current: () => 'nl',
      takeTexts: (texts: readonly { code: string; version: number }[]) => {
        log.push(`texts ${texts.map((t) => `${t.code}@${t.version}`).join(',')}`);
        return Promise.resolve();
      },
      refreshTexts: rec('texts.refresh'),
      registerInstrument: () => undefined,
    },
    fonts: { loadFor: rec('fonts') },
    sync: { start: () => log.push('sync.start'), request: rec('sync.request') },
    packs: { keep: () => log.push('packs.keep'), subscribe: () => () => undefined },
    updates: { register: rec('updates.register') },
    speech: { stop: rec('speech.stop'), prepare: rec('speech.prepare'), warm: rec('speech.warm') },
    screens: {
      load: () => {
        log.push('screens.load');
        return Promise.resolve({});
      },
    },
    afterPaint: (fn: () => void) => {
      log.push('afterPaint');
      painted = fn;
    },
  } as unknown as KioskServices;
  const dispatch = (a: KioskAction) => log.push(`dispatch ${a.type}`);
  return { services, log, dispatch, paint: () => painted?.() };
}

const settings: AgencySettings = { ...DEFAULT_SETTINGS, languages: ['ar', 'nl'] };

describe('kiosk boot order', () => {
  it('shows the welcome screen after one storage read and the language, and starts the rest after the first paint', async () => {
    const officeTexts = [{ code: 'ar', version: 2, texts: { 'kiosk:welcome.title': 'مرحبا' } }];
    const r = recording({ ok: true, health, settings, open: null, officeTexts });
    await bootKiosk(r.services, pilot, r.dispatch);
    expect(r.log).toEqual([
      'speech.stop',
      'dispatch boot',
      'storage.open 1000',
      'texts ar@2', // the office's texts come with the one storage read: no second read before the first screen
      'language ar',
      'dispatch language',
      'dispatch booted',
      'afterPaint',
    ]);
    r.log.length = 0;
    r.paint();
    expect(r.log).toEqual([
      'screens.load',
      'sync.start',
      'updates.register',
      'fonts ["ar","nl"]',
      'packs.keep',
      'speech.warm',
    ]);
    expect(r.log.some((l) => l.startsWith('speech.prepare'))).toBe(false);
  });

  it('a reload mid-session loads the session screens before showing the session, in its language', async () => {
    const open = { session: { language: 'fa' } } as unknown as LoadedSession;
    const r = recording({ ok: true, health, settings, open, officeTexts: [] });
    await bootKiosk(r.services, pilot, r.dispatch);
    expect(r.log.slice(0, 7)).toEqual([
      'speech.stop',
      'dispatch boot',
      'storage.open 1000',
      'texts ',
      'language fa',
      'screens.load',
      'dispatch language',
    ]);
    expect(r.log.indexOf('dispatch booted')).toBeLessThan(r.log.indexOf('afterPaint'));
  });

  it('when storage fails it shows the error and starts nothing else', async () => {
    const r = recording({
      ok: false,
      health: { ok: false, problem: 'unavailable', detail: 'private mode' },
    });
    await bootKiosk(r.services, pilot, r.dispatch);
    r.paint();
    expect(r.log).toEqual([
      'speech.stop',
      'dispatch boot',
      'storage.open 1000',
      'dispatch storage-failed',
    ]);
  });
});
