// Shared fixtures for component tests: the pilot instrument and a fresh database per test.
import { parseInstrument } from '../../src/shared/core/instrument.ts';
import instrumentJson from '../../src/shared/instruments/pilot-2019.v1.json';
import type { SealedSession } from '../../src/shared/contract/wire.ts';
import { closeDatabase, database } from '../../src/tablet/storage/db.ts';
import { saveEnrollment } from '../../src/tablet/storage/device.ts';

/** The real pilot instrument. */
export const instrument = parseInstrument(instrumentJson);

/** Deletes and reopens the app database, so each test starts empty. */
export async function freshDatabase(): Promise<void> {
  const db = database();
  closeDatabase();
  await db.delete();
  await database().open();
}

/** Enrolls the tablet with server.test (device d1, token `secret`), as the staff sync panel would. */
export function enrollTestTablet(deviceName = 'Tablet'): Promise<void> {
  return saveEnrollment({
    serverUrl: 'http://server.test',
    deviceId: 'd1',
    deviceName,
    token: 'secret',
    serverKey: { keyId: 'k1', publicKeyJwk: {} },
    enrolledAt: 0,
  });
}

/** A sealed session for `sessionId` with placeholder crypto: the server fakes of these tests never open it. */
export const sealedSession = (sessionId: string): SealedSession => ({
  sessionId,
  instrumentId: 'pilot-2019',
  instrumentVersion: 1,
  keyId: 'k1',
  epk: 'AAAA',
  iv: 'AAAA',
  ciphertext: 'AAAA',
});

/** An outbox row for `sessionId`, never tried, with the given sealed record and rejection. */
export function outboxRow(
  sessionId: string,
  options: {
    sealed?: SealedSession | null;
    rejected?: { status: number; error: string } | null;
  } = {},
) {
  return {
    sessionId,
    createdAt: 1,
    record: null,
    sealed: options.sealed ?? null,
    attempts: 0,
    lastError: null,
    nextAttemptAt: 0,
    rejected: options.rejected ?? null,
  };
}
