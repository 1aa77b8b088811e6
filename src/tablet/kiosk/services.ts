/**
 * What the kiosk needs from the world, handed in by the entry point (src/tablet/services.ts builds the real ones;
 * component tests build their own without network): storage, texts, sync, audio packs, updates, the clock, the
 * read-aloud engine and the lazily loaded chunks. The kiosk never reaches for these itself.
 */
import type { FunctionComponent } from 'preact';
import type { Instrument } from '../../shared/core/instrument.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';
import type { PackStatus } from '../speech/offline.ts';
import type { KioskStart } from '../storage/boot.ts';
import type { NewSession } from '../storage/sessions.ts';
import type { SessionRow } from '../storage/db.ts';
import type { OfficeLanguageTexts } from '../storage/officeTexts.ts';
import type { InstrumentPack } from '../storage/instrumentPacks.ts';
import type { Speech } from './readAloud.ts';
import type { SessionScreens } from './sessionScreens.ts';
import type { StaffAppProps } from './staffBridge.ts';

/** The storage verbs the root view uses (the session screens use src/tablet/storage/sessions.ts themselves). */
export interface KioskStorage {
  /** One read at boot: health, settings and the open session (stale ones swept); never rejects. */
  readonly open: (at: number) => Promise<KioskStart>;
  readonly startSession: (n: NewSession) => Promise<SessionRow>;
  readonly interruptSession: (sessionId: string, at: number) => Promise<void>;
  readonly saveLanguage: (sessionId: string, language: string, at: number) => Promise<void>;
  readonly saveReadAloud: (sessionId: string, on: boolean, at: number) => Promise<void>;
}

/** The service-worker lifecycle (src/tablet/pwa/updates.ts), loaded after the first screen. */
export interface KioskUpdates {
  /** Registers the service worker once; later calls do nothing. */
  readonly register: () => void;
  readonly waiting: () => boolean;
  readonly offlineReady: () => boolean;
  /** Calls `l` whenever `waiting` or `offlineReady` change; returns the unsubscribe. */
  readonly subscribe: (l: () => void) => () => void;
  /** Activates a waiting version (only between clients); the page reloads when it takes over. */
  readonly apply: () => void;
  readonly check: () => void;
}

/** A chunk loaded on demand: `loaded()` is null until `load()` has resolved once. */
export interface LazyChunk<T> {
  readonly load: () => Promise<T>;
  readonly loaded: () => T | null;
}

/** Everything the kiosk gets from its host. */
export interface KioskServices {
  readonly clock: { readonly now: () => number };
  readonly newId: () => string;
  readonly storage: KioskStorage;
  /** Switches every text and `<html lang dir>`; `current` is the language i18n shows now. */
  readonly languages: {
    readonly switch: (code: string, instrument: Instrument) => Promise<void>;
    readonly current: () => string;
    /** Takes the texts the office imported, as the boot read found them (before the first screen). */
    readonly takeTexts: (
      texts: readonly OfficeLanguageTexts[],
      instrument: Instrument,
    ) => Promise<void>;
    /** Reads the texts the office imported (stored by the config fetch) and takes them; only between clients. */
    readonly refreshTexts: (instrument: Instrument) => Promise<void>;
    /** Makes a questionnaire version's texts (Dutch and the office's translations) available; synchronous. */
    readonly registerInstrument: (pack: InstrumentPack) => void;
    /** Reads the version the office made current (stored by the config fetch); only between clients. */
    readonly currentInstrument: (bundled: Instrument) => Promise<InstrumentPack>;
  };
  /** Fetches the fonts of the enabled languages, so they are cached before the tablet goes offline. */
  readonly fonts: { readonly loadFor: (codes: readonly string[]) => void };
  /** The outbox to the server (src/tablet/sync): started after the first screen, asked again after each completion. */
  readonly sync: {
    readonly start: (settings: AgencySettings) => void;
    readonly request: () => void;
    /** Hears settings the office sent (src/tablet/sync/officeEvents.ts); returns the unsubscribe. */
    readonly onOfficeSettings: (l: (settings: AgencySettings) => void) => () => void;
  };
  /** Keeps the audio packs of the enabled languages offline (src/tablet/speech/offline.ts). */
  readonly packs: {
    readonly keep: (settings: AgencySettings) => void;
    /** Calls `l` with where keeping the packs stands, now and on every change; returns the unsubscribe. */
    readonly subscribe: (l: (status: PackStatus) => void) => () => void;
  };
  readonly updates: KioskUpdates;
  readonly speech: Speech;
  /** The session's screens (consent to review, thanks, idle warning): not part of the first load. */
  readonly screens: LazyChunk<SessionScreens>;
  /** Staff mode (its own chunk). */
  readonly staff: { readonly load: () => Promise<FunctionComponent<StaffAppProps>> };
  /** Runs `fn` once the current screen has been painted: work the first screen does not need waits for this. */
  readonly afterPaint: (fn: () => void) => void;
}
