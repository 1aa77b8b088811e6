/**
 * The boot read without Dexie: plain IndexedDB on the database Dexie made (db.ts names the stores and indexes used
 * here: settings by `key`, sessions by `status`, answers by `sessionId`), so the first screen does not wait for
 * Dexie's 30 kB. It only reads what exists; a missing database or store rejects, and boot.ts then takes the Dexie
 * path, which creates and upgrades the schema. Dexie itself loads right after the first screen, for every write.
 */
import { restoreSettings, type AgencySettings } from '../../shared/core/settings.ts';
import type { AnswerRow, SessionRow } from './db.ts';
import { INSTRUMENT_PACKS_KEY, restorePacks, type StoredPacks } from './instrumentPacks.ts';
import {
  OFFICE_TEXTS_IN_USE_KEY,
  OFFICE_TEXTS_KEY,
  bootTexts,
  type OfficeLanguageTexts,
} from './officeTexts.ts';
import { restoreLoaded } from './restore.ts';
import type { LoadedSession } from './sessions.ts';

/** What the kiosk reads before its first screen. */
export interface BootRead {
  readonly settings: AgencySettings;
  readonly open: LoadedSession | null;
  /** The texts the office imported, applied before the first screen. */
  readonly officeTexts: OfficeLanguageTexts[];
  /** The questionnaire versions the office sent, and which one new clients get. */
  readonly instrumentPacks: StoredPacks;
}

const done = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/** Opens the existing database at its current version; never creates one (the Dexie path does that). */
function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.open(name);
    r.onupgradeneeded = () => r.transaction?.abort(); // no database yet: leave creating it to Dexie
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB open failed'));
    r.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
}

/**
 * In one read-write transaction: a probe write (proves answers can be stored), the settings, the sweep of open sessions
 * nobody touched for the idle time plus the countdown, and the newest session still open with its answers.
 */
export async function readWithoutDexie(name: string, at: number): Promise<BootRead> {
  const db = await openExisting(name);
  try {
    const tx = db.transaction(['settings', 'sessions', 'answers'], 'readwrite');
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const settingsStore = tx.objectStore('settings');
    const sessions = tx.objectStore('sessions');
    const answers = tx.objectStore('answers').index('sessionId');
    const read = (async () => {
      settingsStore.put({ key: 'probe', value: at });
      const row = (await done(settingsStore.get('agency'))) as { value?: unknown } | undefined;
      const settings = restoreSettings(row?.value);
      type Row = { value?: unknown } | undefined;
      const texts = (await done(settingsStore.get(OFFICE_TEXTS_KEY))) as Row;
      const inUse = (await done(settingsStore.get(OFFICE_TEXTS_IN_USE_KEY))) as Row;
      const packs = (await done(settingsStore.get(INSTRUMENT_PACKS_KEY))) as Row;
      const staleMs = (settings.idleSeconds + settings.idleCountdownSeconds) * 1000;
      const rows = (await done(sessions.index('status').getAll('open'))) as SessionRow[];
      rows.sort((a, b) => a.updatedAt - b.updatedAt);
      let open: LoadedSession | null = null;
      for (const s of rows) {
        const given = (await done(answers.getAll(s.id))) as AnswerRow[];
        const last = Math.max(s.updatedAt, ...given.map((a) => a.at));
        if (last < at - staleMs) sessions.put({ ...s, status: 'interrupted' });
        else open = restoreLoaded(s, given); // sorted by updatedAt: the last fresh one wins
      }
      return {
        settings,
        open,
        officeTexts: bootTexts(texts?.value, inUse?.value, open !== null),
        instrumentPacks: restorePacks(packs?.value),
      };
    })();
    read.catch(() => tx.abort());
    const [result] = await Promise.all([read, committed]);
    return result;
  } finally {
    db.close(); // Dexie opens its own connection; this one must not hold up a later schema upgrade
  }
}
