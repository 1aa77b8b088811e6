// The kiosk's services for component tests: the real storage (on fake-indexeddb), texts and lazy chunks; sync, packs,
// fonts and updates record what they were asked instead of reaching a network; read-aloud is silent unless given.
import { beforeAll } from 'vitest';
import type { Speech } from '../../src/tablet/kiosk/readAloud.ts';
import { onOfficeSettings } from '../../src/tablet/sync/officeEvents.ts';
import type { KioskServices } from '../../src/tablet/kiosk/services.ts';
import { SESSION_SCREENS } from '../../src/tablet/kiosk/sessionScreens.ts';
import { loadStaffApp } from '../../src/tablet/kiosk/staffBridge.ts';
import { openKiosk } from '../../src/tablet/storage/boot.ts';
import { tabletLanguages } from '../../src/tablet/languageServices.ts';
import {
  interruptSession,
  saveLanguage,
  saveReadAloud,
  startSession,
} from '../../src/tablet/storage/sessions.ts';

// The lazy chunks are loaded once up front, as a tablet has them precached: the first test's waits then measure the
// kiosk, not the transform of a chunk on a busy machine.
// (After setup.ts has started i18n: the staff chunk adds its texts when it loads.)
beforeAll(() => Promise.all([SESSION_SCREENS.load(), loadStaffApp()]), 30_000);

/** A read-aloud engine that says nothing and finishes at once. */
export const SILENT: Speech = {
  speakParts: () => Promise.resolve(),
  stop: () => undefined,
  prepare: () => undefined,
};

/** Services for one test, with a log of what was asked of sync, packs, fonts and updates. */
export function testServices(over: Partial<KioskServices> = {}): KioskServices & { log: string[] } {
  const log: string[] = [];
  let id = 0;
  return {
    log,
    clock: { now: () => Date.now() },
    newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}`,
    storage: { open: openKiosk, startSession, interruptSession, saveLanguage, saveReadAloud },
    languages: tabletLanguages,
    fonts: { loadFor: (codes) => log.push(`fonts ${codes.join(',')}`) },
    sync: {
      start: () => log.push('sync start'),
      request: () => log.push('sync request'),
      onOfficeSettings,
    },
    packs: { keep: () => log.push('packs keep'), subscribe: () => () => undefined },
    updates: {
      register: () => log.push('updates register'),
      waiting: () => false,
      offlineReady: () => false,
      subscribe: () => () => undefined,
      apply: () => log.push('updates apply'),
      check: () => log.push('updates check'),
    },
    speech: SILENT,
    screens: SESSION_SCREENS,
    staff: { load: loadStaffApp },
    afterPaint: (fn) => setTimeout(fn, 0),
    ...over,
  };
}
