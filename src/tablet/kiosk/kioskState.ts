/**
 * The kiosk's state as a pure reducer: which screen shows and what the client chose so far. Every transition is a
 * named action, so each can be unit-tested without a browser; `KioskApp` only renders the state and dispatches.
 */
import type { FunctionComponent } from 'preact';
import type { AgencySettings } from '../../shared/core/settings.ts';
import type { PackStatus } from '../speech/offline.ts';
import type { StorageProblem } from '../storage/errors.ts';
import type { StorageHealth } from '../storage/health.ts';
import type { LoadedSession } from '../storage/sessions.ts';
import type { Handover, StaffAppProps } from './staffBridge.ts';

/** The screen the kiosk shows. */
export type KioskView =
  | { readonly kind: 'loading' }
  | { readonly kind: 'storage-error'; readonly problem: StorageProblem }
  | { readonly kind: 'welcome' }
  | { readonly kind: 'session'; readonly loaded: LoadedSession }
  | { readonly kind: 'thanks' }
  | { readonly kind: 'declined' }
  | { readonly kind: 'staff'; readonly App: FunctionComponent<StaffAppProps> };

/** Everything the root view renders from. */
export interface KioskState {
  readonly view: KioskView;
  /** The settings the screen works with: a running session keeps the snapshot it started with. */
  readonly settings: AgencySettings | null;
  /** The tablet's current settings (stored, or just sent by the office): the next client gets these. */
  readonly tabletSettings: AgencySettings | null;
  readonly health: StorageHealth | null;
  /** A session is being started: the start button waits. */
  readonly busy: boolean;
  readonly pictograms: boolean;
  /** Read-everything lasts as long as the session (stored with it, so a reload keeps it); the next client starts without. */
  readonly readAll: boolean;
  readonly language: string;
  /** Counts the clients since start: read-aloud preparation starts over for each (see ReadAloudProvider's `scope`). */
  readonly client: number;
  /** A new app version waits for the welcome screen; `offlineReady` once after the first install. */
  readonly update: { readonly waiting: boolean; readonly offlineReady: boolean };
  /** The read-aloud audio of every enabled language is on the tablet (src/tablet/speech/offline.ts says so). */
  readonly packsReady: boolean;
}

/** What can happen to the kiosk. */
export type KioskAction =
  | { readonly type: 'boot' }
  | {
      readonly type: 'storage-failed';
      readonly problem: StorageProblem;
      readonly health?: StorageHealth;
    }
  | {
      readonly type: 'booted';
      readonly health: StorageHealth;
      readonly settings: AgencySettings;
      readonly open: LoadedSession | null;
    }
  | { readonly type: 'language'; readonly code: string }
  | { readonly type: 'welcome' }
  | { readonly type: 'starting'; readonly handover: Handover }
  | { readonly type: 'started'; readonly loaded: LoadedSession }
  | { readonly type: 'finished'; readonly how: 'completed' | 'declined' }
  | { readonly type: 'staff'; readonly App: FunctionComponent<StaffAppProps> }
  | { readonly type: 'settings'; readonly settings: AgencySettings }
  | { readonly type: 'office-settings'; readonly settings: AgencySettings }
  | { readonly type: 'read-all'; readonly on: boolean }
  | { readonly type: 'pictograms'; readonly on: boolean }
  | { readonly type: 'update'; readonly waiting: boolean; readonly offlineReady: boolean }
  | { readonly type: 'packs'; readonly ready: boolean };

/** The state before boot: a loading line in the language i18n starts with. */
export function initialKioskState(language: string): KioskState {
  return {
    view: { kind: 'loading' },
    settings: null,
    tabletSettings: null,
    health: null,
    busy: false,
    pictograms: false,
    readAll: false,
    language,
    client: 0,
    update: { waiting: false, offlineReady: false },
    packsReady: false,
  };
}

/** The transitions. Pure: no storage, no clock, no speech; the effects around them live in boot.ts and KioskApp. */
export function kioskReducer(s: KioskState, a: KioskAction): KioskState {
  switch (a.type) {
    case 'boot':
      return { ...s, view: { kind: 'loading' } };
    case 'storage-failed':
      return {
        ...s,
        busy: false,
        health: a.health ?? s.health,
        view: { kind: 'storage-error', problem: a.problem },
      };
    case 'booted':
      return {
        ...s,
        health: a.health,
        settings: a.open?.session.settings ?? a.settings,
        tabletSettings: a.settings,
        readAll: a.open ? a.open.session.readAloud : a.settings.defaultReadAloud,
        pictograms: a.open ? a.open.session.pictograms : a.settings.defaultPictograms,
        view: a.open ? { kind: 'session', loaded: a.open } : { kind: 'welcome' },
        client: s.client + 1,
      };
    case 'language':
      return { ...s, language: a.code };
    case 'welcome': {
      const settings = s.tabletSettings ?? s.settings;
      return {
        ...s,
        view: { kind: 'welcome' },
        settings,
        pictograms: settings?.defaultPictograms ?? false,
        readAll: settings?.defaultReadAloud ?? false,
        client: s.client + 1,
      };
    }
    case 'starting':
      return { ...s, busy: true, pictograms: a.handover.pictograms, readAll: a.handover.readAloud };
    case 'started':
      return {
        ...s,
        busy: false,
        settings: a.loaded.session.settings ?? s.settings,
        view: { kind: 'session', loaded: a.loaded },
      };
    case 'finished':
      return { ...s, view: { kind: a.how === 'completed' ? 'thanks' : 'declined' } };
    case 'staff':
      return { ...s, readAll: false, view: { kind: 'staff', App: a.App } };
    case 'settings':
      return { ...s, settings: a.settings, tabletSettings: a.settings };
    case 'office-settings':
      // Between clients only: on the welcome screen at once, otherwise when the next welcome screen shows.
      return s.view.kind === 'welcome'
        ? {
            ...s,
            settings: a.settings,
            tabletSettings: a.settings,
            pictograms: a.settings.defaultPictograms,
            readAll: a.settings.defaultReadAloud,
          }
        : { ...s, tabletSettings: a.settings };
    case 'read-all':
      return { ...s, readAll: a.on };
    case 'pictograms':
      return { ...s, pictograms: a.on };
    case 'update':
      return { ...s, update: { waiting: a.waiting, offlineReady: a.offlineReady } };
    case 'packs':
      return { ...s, packsReady: a.ready };
  }
}

/**
 * True when the welcome screen may say the tablet now works without internet: the app is installed and the read-aloud
 * audio of every enabled language is on the tablet. Saying it while audio still downloads would be untrue offline.
 */
export const worksOffline = (s: KioskState): boolean => s.update.offlineReady && s.packsReady;

/** True when every language in `languages` has its whole pack cached and no run is busy or ended with a problem. */
export function packsComplete(s: PackStatus, languages: readonly string[]): boolean {
  return !s.running && s.problem === null && languages.every((l) => s.states[l] === 'cached');
}

/** The first language of this tablet: the welcome screen returns to it after each client. */
export const firstLanguage = (s: KioskState): string => s.settings?.languages[0] ?? 'nl';
