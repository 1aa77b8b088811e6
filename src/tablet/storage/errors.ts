/** Storage failures the kiosk must tell staff about, instead of pretending an answer was saved. */

/** Why the tablet cannot store data: full disk, IndexedDB missing/blocked (private mode), or something else. */
export type StorageProblem = 'quota' | 'unavailable' | 'failed';

/** A storage failure with the reason staff are shown. */
export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    cause: unknown,
  ) {
    super(`Storage ${problem}: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'StorageError';
  }
}

/** Maps a Dexie/DOM error to the problem it means for staff. */
export function classifyStorageError(e: unknown): StorageProblem {
  const names: string[] = [];
  for (
    let x: unknown = e;
    x instanceof Error && names.length < 4;
    x = (x as { inner?: unknown }).inner ?? x.cause
  )
    names.push(x.name, x.message);
  const text = names.join(' ');
  if (/Quota/i.test(text)) return 'quota';
  if (
    /MissingAPI|InvalidState|SecurityError|UnknownError|OpenFailed|DatabaseClosed|not available/i.test(
      text,
    )
  )
    return 'unavailable';
  return 'failed';
}

/** Runs a storage operation and turns any failure into a StorageError. */
export async function guard<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw e instanceof StorageError ? e : new StorageError(classifyStorageError(e), e);
  }
}
