// Reads and seeds the tablet's IndexedDB from a test, with raw IndexedDB (what is really on the device).
import type { Page } from 'playwright-core';

/** Every object store of the kiosk database, dumped as JSON text. */
export async function dumpTablet(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('slimme-intake');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names);
          const out: Record<string, unknown[]> = {};
          for (const n of names) {
            const req = tx.objectStore(n).getAll();
            req.onsuccess = () => (out[n] = req.result as unknown[]);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

/** Stores an enrollment (as the staff sync panel does after the server accepted a code). */
export async function seedEnrollment(
  page: Page,
  serverUrl: string,
  e: Record<string, unknown>,
): Promise<void> {
  const value = {
    serverUrl,
    deviceId: e.deviceId,
    deviceName: e.name,
    token: e.token,
    serverKey: e.serverKey,
    enrolledAt: Date.now(),
  };
  await putSetting(page, 'enrollment', value);
}

/** Stores agency settings on the tablet (as enrollment would) before the app reads them. */
export function seedAgencySettings(page: Page, value: Record<string, unknown>): Promise<void> {
  return putSetting(page, 'agency', value);
}

/** Writes one row of the tablet's `settings` table straight into its IndexedDB. */
function putSetting(page: Page, key: string, value: unknown): Promise<void> {
  return page.evaluate(
    ([k, v]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('slimme-intake');
        open.onerror = () => reject(new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: k, value: v });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
        };
      }),
    [key, value] as const,
  );
}
