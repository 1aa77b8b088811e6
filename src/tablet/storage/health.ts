/** Checks at start-up that the tablet can really store answers; if not, the kiosk refuses new sessions. */
import { requestPersistence, storageEstimate } from '../platform/storageManager.ts';
import { database } from './db.ts';
import { classifyStorageError, type StorageProblem } from './errors.ts';

/** The tablet's storage state, shown to staff. */
export type StorageHealth =
  | {
      readonly ok: true;
      readonly persisted: boolean;
      readonly usage: number | null;
      readonly quota: number | null;
    }
  | { readonly ok: false; readonly problem: StorageProblem; readonly detail: string };

/** Bytes that must be free before a new session may start (a session needs a few kB; this leaves room for many). */
export const MIN_FREE_BYTES = 5 * 1024 * 1024;

/** Opens the database, writes and deletes a probe row, asks for persistence and checks free space. */
export async function checkStorage(): Promise<StorageHealth> {
  try {
    const db = database();
    await db.open();
    await db.settings.put({ key: 'probe', value: Date.now() });
    await db.settings.delete('probe');
  } catch (e) {
    return {
      ok: false,
      problem: classifyStorageError(e),
      detail: e instanceof Error ? e.message : String(e),
    };
  }
  const persisted = await requestPersistence();
  const estimate = await storageEstimate();
  if (estimate && estimate.quota > 0 && estimate.quota - estimate.usage < MIN_FREE_BYTES)
    return { ok: false, problem: 'quota', detail: `${estimate.quota - estimate.usage} bytes free` };
  return { ok: true, persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}
