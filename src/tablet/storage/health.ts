/** The tablet's storage state: checked at start-up (storage/boot.ts); if it fails, the kiosk refuses new sessions. */
import type { StorageProblem } from './errors.ts';

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
