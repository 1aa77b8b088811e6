/** What the office last sent this tablet: settings version, when they were set, the ETag to ask with next time. */
import { restoreSettings, type AgencySettings } from '../../shared/core/settings.ts';
import type { ServerKey } from './device.ts';
import { database } from './db.ts';
import { guard } from './errors.ts';
import type { Instrument } from '../../shared/core/instrument.ts';
import {
  INSTRUMENT_PACKS_KEY,
  mergePacks,
  restorePacks,
  type InstrumentPack,
} from './instrumentPacks.ts';
import {
  OFFICE_TEXTS_IN_USE_KEY,
  OFFICE_TEXTS_KEY,
  restoreOfficeTexts,
  type OfficeLanguageTexts,
} from './officeTexts.ts';

/** The office's stamp on the tablet's settings; absent on a tablet configured only by hand. */
export interface OfficeConfig {
  /** The server's `ETag` of the last config, sent back as `If-None-Match`. */
  readonly etag: string | null;
  readonly settingsVersion: number;
  /** When the office saved these settings (ISO); null while the office never changed the defaults. */
  readonly settingsUpdatedAt: string | null;
  /** When the tablet last heard from the server about its config (200 or 304), for the "not reached" warning. */
  readonly checkedAt: number;
}

/** The office's stamp, or null when the office never configured this tablet. */
export async function loadOfficeConfig(): Promise<OfficeConfig | null> {
  const row = await guard(() => database().settings.get('officeConfig'));
  const v = row?.value as Partial<OfficeConfig> | undefined;
  return v && typeof v.settingsVersion === 'number' && typeof v.checkedAt === 'number'
    ? {
        etag: typeof v.etag === 'string' ? v.etag : null,
        settingsVersion: v.settingsVersion,
        settingsUpdatedAt: typeof v.settingsUpdatedAt === 'string' ? v.settingsUpdatedAt : null,
        checkedAt: v.checkedAt,
      }
    : null;
}

/** What a changed config brings: the settings, their stamp, the device name and the key to seal to. */
export interface OfficeConfigUpdate {
  readonly settings: AgencySettings;
  readonly stamp: OfficeConfig;
  readonly deviceName: string;
  readonly serverKey: ServerKey;
  /** Each language's review verdict ('draft' shows in staff mode). */
  readonly languageStatus?: Readonly<Record<string, string>>;
  /** Texts the office imported, per language; they replace the built-in ones from the next client on. */
  readonly languageTexts?: readonly OfficeLanguageTexts[];
  /** The current questionnaire version(s); new clients get them, a running session keeps its own. */
  readonly instruments?: readonly Instrument[];
  /** Translations of the versions a coordinator loaded (shipped versions have theirs in the build). */
  readonly instrumentTexts?: readonly {
    id: string;
    version: number;
    texts: InstrumentPack['texts'];
  }[];
}

/**
 * Stores a changed config in one transaction: the settings, the stamp, and the name and key in the enrollment.
 * Open sessions keep the snapshot they started with (see `startSession`), so this never changes a running session.
 */
export async function applyOfficeConfig(u: OfficeConfigUpdate): Promise<AgencySettings> {
  const db = database();
  const settings = restoreSettings(u.settings);
  await guard(() =>
    db.transaction('rw', db.settings, async () => {
      const enrollment = await db.settings.get('enrollment');
      if (!enrollment) return; // unenrolled meanwhile: nothing to apply to
      if (u.instruments && u.instruments.length > 0) {
        const stored = restorePacks((await db.settings.get(INSTRUMENT_PACKS_KEY))?.value);
        const merged = mergePacks(stored, u.instruments, u.instrumentTexts ?? []);
        await db.settings.put({ key: INSTRUMENT_PACKS_KEY, value: merged });
      }
      await db.settings.put({
        key: 'enrollment',
        value: {
          ...(enrollment.value as object),
          deviceName: u.deviceName,
          serverKey: u.serverKey,
        },
      });
      await db.settings.put({ key: 'agency', value: settings });
      await db.settings.put({ key: 'officeConfig', value: u.stamp });
      if (u.languageStatus)
        await db.settings.put({ key: 'languageStatus', value: u.languageStatus });
      if (u.languageTexts) await db.settings.put({ key: OFFICE_TEXTS_KEY, value: u.languageTexts });
    }),
  );
  return settings;
}

/** Remembers the texts the kiosk took between clients: a reload during the next session restores these. */
export async function saveTextsInUse(texts: readonly OfficeLanguageTexts[]): Promise<void> {
  await guard(() => database().settings.put({ key: OFFICE_TEXTS_IN_USE_KEY, value: texts }));
}

/** The questionnaire versions the office sent (see instrumentPacks.ts). */
export async function loadInstrumentPacks() {
  const row = await guard(() => database().settings.get(INSTRUMENT_PACKS_KEY));
  return restorePacks(row?.value);
}

/** The office's texts per language, as last stored (empty when the office imported none). */
export async function loadOfficeTexts(): Promise<OfficeLanguageTexts[]> {
  const row = await guard(() => database().settings.get(OFFICE_TEXTS_KEY));
  return restoreOfficeTexts(row?.value);
}

/** Each language's review verdict from the office, or an empty record before the office sent one. */
export async function loadLanguageStatus(): Promise<Record<string, string>> {
  const row = await guard(() => database().settings.get('languageStatus'));
  const v = row?.value;
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? Object.fromEntries(
        Object.entries(v as Record<string, unknown>).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      )
    : {};
}

/** The server said "unchanged" (304): only remember that it was reached. */
export async function touchOfficeConfig(at: number): Promise<void> {
  const db = database();
  await guard(() =>
    db.transaction('rw', db.settings, async () => {
      const row = await db.settings.get('officeConfig');
      if (row)
        await db.settings.put({
          key: 'officeConfig',
          value: { ...(row.value as object), checkedAt: at },
        });
    }),
  );
}

/** Stores the office's stamp alone (at enrollment, where the settings come with the enrollment answer). */
export async function saveOfficeStamp(stamp: OfficeConfig): Promise<void> {
  await guard(() => database().settings.put({ key: 'officeConfig', value: stamp }));
}

/** Forgets the office's stamp (the tablet was unenrolled): its settings are the staff's to change again. */
export async function clearOfficeConfig(): Promise<void> {
  await guard(() => database().settings.delete('officeConfig'));
}
