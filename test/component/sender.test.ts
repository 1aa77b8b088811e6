// The sender's decisions on fake-indexeddb: only a receipt removes a session; 410 drops, 409 keeps, 401 stops.
import { beforeEach, describe, expect, it } from 'vitest';
import type { CompletedRecord } from '../../src/shared/core/session.ts';
import type { SealedSession } from '../../src/shared/contract/wire.ts';
import { database } from '../../src/tablet/storage/db.ts';
import { loadSyncStatus } from '../../src/tablet/storage/device.ts';
import { drainOutbox, type SenderDeps } from '../../src/tablet/sync/sender.ts';
import { enrollTestTablet, freshDatabase, outboxRow, sealedSession } from './fixtures.ts';

const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

async function queue() {
  await enrollTestTablet();
  for (const id of ids) await database().outbox.add(outboxRow(id, { sealed: sealedSession(id) }));
}

function deps(
  respond: (body: { sessions: SealedSession[] }) => Response | Promise<Response>,
): SenderDeps {
  return {
    fetch: async (_url, init) =>
      respond(JSON.parse(init?.body as string) as { sessions: SealedSession[] }),
    now: () => 1_000,
    random: () => 0.5,
    seal: (_r: CompletedRecord) => Promise.reject(new Error('nothing to seal')),
    retention: 'until-synced',
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeEach(async () => {
  await freshDatabase();
  await queue();
});

describe('drainOutbox', () => {
  it('removes only the sessions the receipt names', async () => {
    const result = await drainOutbox(
      deps(() =>
        json(200, {
          receipts: [{ sessionId: ids[0], status: 'stored', receivedAt: 'x' }],
          rejected: [],
        }),
      ),
    );
    expect(result.kind).toBe('retry-later');
    expect((await database().outbox.toArray()).map((r) => r.sessionId)).toEqual([ids[1]]);
    expect((await database().outbox.get(ids[1]!))?.attempts).toBe(1);
  });

  it('drops a session the server erased (410) and keeps one in conflict (409) for staff', async () => {
    await drainOutbox(
      deps(() =>
        json(200, {
          receipts: [],
          rejected: [
            { sessionId: ids[0], status: 410, error: 'erased', message: 'erased' },
            {
              sessionId: ids[1],
              status: 409,
              error: 'conflict',
              message: 'other record with this id',
            },
          ],
        }),
      ),
    );
    const rows = await database().outbox.toArray();
    expect(rows.map((r) => r.sessionId)).toEqual([ids[1]]);
    expect(rows[0]?.rejected).toEqual({
      status: 409,
      error: 'conflict',
      message: 'other record with this id',
    });
  });

  it('stops and tells staff when the device is revoked', async () => {
    const result = await drainOutbox(
      deps(() => json(401, { error: 'device_revoked', message: 'revoked' })),
    );
    expect(result).toEqual({ kind: 'refused', error: 'device_revoked' });
    expect((await loadSyncStatus()).refused).toBe(true);
    expect(await database().outbox.count()).toBe(2);
  });

  it('keeps everything and backs off when the network fails or the server errs', async () => {
    const down = await drainOutbox(deps(() => Promise.reject(new TypeError('Failed to fetch'))));
    expect(down.kind).toBe('retry-later');
    let calls = 0;
    const busy = () => {
      calls++;
      return json(503, { error: 'busy', message: 'busy' });
    };
    // Still within the backoff: no request at all.
    expect((await drainOutbox(deps(busy))).kind).toBe('backing-off');
    expect(calls).toBe(0);
    const { retryAt } = await loadSyncStatus();
    const err = await drainOutbox({ ...deps(busy), now: () => retryAt });
    expect(err.kind).toBe('retry-later');
    expect(calls).toBe(1);
    const rows = await database().outbox.toArray();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.attempts === 2 && r.nextAttemptAt > retryAt)).toBe(true);
    const status = await loadSyncStatus();
    expect(status.lastError).toBe('http 503');
    expect(status.failures).toBe(2);
  });

  it('does not try, nor count an attempt, while the device knows it is offline', async () => {
    let calls = 0;
    const offline = await drainOutbox({
      ...deps(() => {
        calls++;
        return json(200, { receipts: [], rejected: [] });
      }),
      online: () => false,
    });
    expect(offline.kind).toBe('retry-later');
    expect(calls).toBe(0);
    const rows = await database().outbox.toArray();
    expect(rows.every((r) => r.attempts === 0)).toBe(true);
    expect((await loadSyncStatus()).lastError).toBe('offline');
  });
});
