/**
 * What the kiosk reads before its first screen, in one IndexedDB transaction instead of eight: a probe write that
 * proves the tablet can store answers, the agency settings, the sweep of sessions left open too long (a power cut,
 * a closed tab) and the session a client is still busy with. Persistence and free space are asked alongside.
 * It runs on plain IndexedDB (bootRead.ts) so Dexie is not part of the first load.
 */
import { restoreSettings } from '../../shared/core/settings.ts';
import { requestPersistence, storageEstimate } from '../platform/storageManager.ts';
import { readWithoutDexie, type BootRead } from './bootRead.ts';
import { classifyStorageError } from './errors.ts';
import { MIN_FREE_BYTES, type StorageHealth } from './health.ts';
import { INSTRUMENT_PACKS_KEY, restorePacks } from './instrumentPacks.ts';
import { OFFICE_TEXTS_IN_USE_KEY, OFFICE_TEXTS_KEY, bootTexts } from './officeTexts.ts';
import { restoreLoaded } from './restore.ts';
import type { LoadedSession } from './sessions.ts';

/** The database the kiosk uses (db.ts's default). */
const DB_NAME = 'slimme-intake';

/** The kiosk's starting point: storage health, and when storage works, the settings and the open session. */
export type KioskStart =
  | { readonly ok: false; readonly health: StorageHealth & { ok: false } }
  | {
      readonly ok: true;
      readonly health: StorageHealth & { ok: true };
      readonly settings: BootRead['settings'];
      readonly open: LoadedSession | null;
      readonly officeTexts: BootRead['officeTexts'];
      /** Absent in tests that start without any version from the office. */
      readonly instrumentPacks?: BootRead['instrumentPacks'];
    };

/** The same read through Dexie: on the first start (it creates the schema), and whenever the plain read fails. */
async function readWithDexie(at: number): Promise<BootRead> {
  const { database } = await import('./db.ts');
  const db = database();
  await db.open();
  return db.transaction('rw', db.settings, db.sessions, db.answers, async () => {
    await db.settings.put({ key: 'probe', value: at });
    const settings = restoreSettings((await db.settings.get('agency'))?.value);
    const received = (await db.settings.get(OFFICE_TEXTS_KEY))?.value;
    const inUse = await db.settings.get(OFFICE_TEXTS_IN_USE_KEY);
    const instrumentPacks = restorePacks((await db.settings.get(INSTRUMENT_PACKS_KEY))?.value);
    const staleMs = (settings.idleSeconds + settings.idleCountdownSeconds) * 1000;
    let open: LoadedSession | null = null;
    const rows = await db.sessions.where('status').equals('open').sortBy('updatedAt');
    for (const row of rows) {
      const answers = await db.answers.where('sessionId').equals(row.id).toArray();
      const last = Math.max(row.updatedAt, ...answers.map((a) => a.at));
      if (last < at - staleMs) await db.sessions.update(row.id, { status: 'interrupted' });
      else open = restoreLoaded(row, answers);
    }
    return {
      settings,
      open,
      officeTexts: bootTexts(received, inUse?.value, open !== null),
      instrumentPacks,
    };
  });
}

/** Plain IndexedDB first (no Dexie before the first screen); Dexie when that cannot do it, and its error counts. */
const readAndSweep = (at: number): Promise<BootRead> =>
  readWithoutDexie(DB_NAME, at).catch(() => readWithDexie(at));

/** Opens storage for the kiosk at time `at`; never rejects: a failure is reported as the health's problem. */
export async function openKiosk(at: number): Promise<KioskStart> {
  const [read, persisted, estimate] = await Promise.all([
    readAndSweep(at).then(
      (r) => ({ ok: true as const, ...r }),
      (error: unknown) => ({ ok: false as const, error }),
    ),
    requestPersistence(),
    storageEstimate(),
  ]);
  if (!read.ok) {
    const e = read.error;
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, health: { ok: false, problem: classifyStorageError(e), detail } };
  }
  if (estimate && estimate.quota > 0 && estimate.quota - estimate.usage < MIN_FREE_BYTES) {
    const detail = `${estimate.quota - estimate.usage} bytes free`;
    return { ok: false, health: { ok: false, problem: 'quota', detail } };
  }
  const usage = estimate?.usage ?? null;
  const quota = estimate?.quota ?? null;
  return {
    ok: true,
    health: { ok: true, persisted, usage, quota },
    settings: read.settings,
    open: read.open,
    officeTexts: read.officeTexts,
    instrumentPacks: read.instrumentPacks,
  };
}
