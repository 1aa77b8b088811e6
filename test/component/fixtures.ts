// Shared fixtures for component tests: the pilot instrument and a fresh database per test.
import { parseInstrument } from '../../src/shared/core/instrument.ts';
import instrumentJson from '../../src/shared/instruments/pilot-2019.v1.json';
import { closeDatabase, database } from '../../src/tablet/storage/db.ts';

/** The real pilot instrument. */
export const instrument = parseInstrument(instrumentJson);

/** Deletes and reopens the app database, so each test starts empty. */
export async function freshDatabase(): Promise<void> {
  const db = database();
  closeDatabase();
  await db.delete();
  await database().open();
}
