// Staff see each session the server refused for good, with the reason in their words, and when sync tries again.
import { render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../src/tablet/storage/db.ts';
import { updateSyncStatus } from '../../src/tablet/storage/device.ts';
import { enrollTestTablet, freshDatabase, sealedSession } from './fixtures.ts';

beforeEach(async () => {
  await freshDatabase();
  await enrollTestTablet('Tablet 3');
  const row = {
    createdAt: Date.parse('2026-11-30T09:15:00Z'),
    record: null,
    attempts: 1,
    lastError: null,
    nextAttemptAt: 0,
  };
  await database().outbox.bulkAdd([
    {
      ...row,
      sessionId: 'a',
      sealed: sealedSession('a'),
      rejected: { status: 422, error: 'invalid_record', message: 'completedAt is out of range' },
    },
    {
      ...row,
      sessionId: 'b',
      sealed: sealedSession('b'),
      rejected: { status: 409, error: 'conflict' },
    },
    { ...row, sessionId: 'c', sealed: sealedSession('c'), rejected: null },
  ]);
});

/** Imported late: like the staff chunk in the product, the panel registers its texts when it loads (after i18next). */
async function renderPanel() {
  const { SyncPanel } = await import('../../src/tablet/staff/SyncPanel.tsx');
  render(<SyncPanel onSettings={() => undefined} warnDays={3} />);
}

describe('sync panel', () => {
  it('lists each refused session with the reason, the server’s message, and that it is not sent again', async () => {
    await renderPanel();
    const box = await screen.findByTestId('sync-rejected');
    expect(box.textContent).toContain('2 vragenlijsten zijn door de server geweigerd.');
    expect(box.textContent).toContain(
      'De server kon deze vragenlijst niet lezen of niet controleren.',
    );
    expect(box.textContent).toContain(
      'Melding van de server (422 invalid_record): completedAt is out of range',
    );
    expect(box.textContent).toContain(
      'De server heeft al een andere vragenlijst met hetzelfde nummer.',
    );
    expect(box.textContent).toContain('worden niet opnieuw verstuurd');
    expect(screen.getByTestId('sync-queued').textContent).toBe(
      '1 vragenlijst wacht om verstuurd te worden.',
    );
  });

  it('says when the tablet tries again while it backs off', async () => {
    await updateSyncStatus({ lastError: 'http 503', failures: 3, retryAt: Date.now() + 60_000 });
    await renderPanel();
    await waitFor(() =>
      expect(screen.getByTestId('sync-next-attempt').textContent).toMatch(
        /^De server was niet bereikbaar\. Volgende poging: /,
      ),
    );
  });
});
