// The boot read on fake-indexeddb: plain IndexedDB on Dexie's database before the first screen, Dexie when there is
// no database yet; one transaction that sweeps stale sessions, keeps the fresh one and leaves Dexie's data intact.
import { beforeEach, describe, expect, it } from 'vitest';
import { openKiosk } from '../../src/tablet/storage/boot.ts';
import { readWithoutDexie } from '../../src/tablet/storage/bootRead.ts';
import { closeDatabase, database } from '../../src/tablet/storage/db.ts';
import { loadSettings, saveSettings } from '../../src/tablet/storage/settings.ts';
import { saveAnswer, startSession } from '../../src/tablet/storage/sessions.ts';
import { freshDatabase, instrument } from './fixtures.ts';

const session = (id: string, at: number) =>
  startSession({
    id,
    at,
    instrument,
    language: 'tr',
    reference: null,
    modes: { pictograms: true },
  });

beforeEach(freshDatabase);

describe('boot read', () => {
  it('reads settings and the open session with its answers without Dexie, and writes the probe', async () => {
    const at = Date.now();
    await saveSettings({ ...(await openKioskSettings()), languages: ['tr', 'nl'] });
    await session('s1', at);
    await saveAnswer('s1', 'A1', 4, at + 1);
    const read = await readWithoutDexie('slimme-intake', at + 2);
    expect(read.settings).toEqual(await loadSettings());
    expect(read.settings.languages).toContain('tr');
    expect(read.open?.session.id).toBe('s1');
    expect(read.open?.answers).toEqual({ A1: 4 });
    expect(read.open?.session.pictograms).toBe(true);
    expect((await database().settings.get('probe'))?.value).toBe(at + 2);
  });

  it('interrupts a session nobody touched for the idle time, and Dexie sees the change', async () => {
    const at = Date.now();
    await session('old', at - 3_600_000);
    const start = await openKiosk(at);
    expect(start.ok && start.open).toBe(null);
    expect((await database().sessions.get('old'))?.status).toBe('interrupted');
  });

  it('without any database (first start) it takes the Dexie path, which creates the schema', async () => {
    const db = database();
    closeDatabase();
    await db.delete();
    await expect(readWithoutDexie('slimme-intake', Date.now())).rejects.toBeTruthy();
    const start = await openKiosk(Date.now());
    expect(start.ok).toBe(true);
    expect(await database().sessions.count()).toBe(0);
    expect((await database().settings.get('probe'))?.value).toBeTypeOf('number');
  });
});

async function openKioskSettings() {
  const start = await openKiosk(Date.now());
  if (!start.ok) throw new Error('storage failed');
  return start.settings;
}
