/** Outbox verbs for sync: seal what waits in plaintext, hand out batches, and record what the server said. */
import type { CompletedRecord } from '../../shared/core/session.ts';
import type { SealedSession } from '../../shared/contract/wire.ts';
import { database, type OutboxRow } from './db.ts';
import { guard } from './errors.ts';

/** How long a completed session's preview (name or reference, scores) stays on the tablet for staff. */
export type PreviewRetention = 'until-synced' | 'end-of-day';

/** What staff mode shows about sync. */
export interface OutboxCounts {
  readonly queued: number;
  readonly unsealed: number;
  readonly rejected: number;
}

/** Counts for staff mode. */
export async function outboxCounts(): Promise<OutboxCounts> {
  const rows = await guard(() => database().outbox.toArray());
  return {
    queued: rows.filter((r) => !r.rejected).length,
    unsealed: rows.filter((r) => r.record !== null).length,
    rejected: rows.filter((r) => r.rejected).length,
  };
}

/** Rows rejected by the server, for staff to see. */
export async function rejectedRows(): Promise<OutboxRow[]> {
  return guard(() =>
    database()
      .outbox.filter((r) => r.rejected !== null)
      .toArray(),
  );
}

/**
 * Seals every outbox row that still holds plaintext, then, per row in one transaction: stores the sealed envelope,
 * deletes the answers and reduces the session to a preview (reference or first name, scores).
 */
export async function sealPending(
  seal: (r: CompletedRecord) => Promise<SealedSession>,
): Promise<number> {
  const db = database();
  const pending = await guard(() => db.outbox.filter((r) => r.record !== null).toArray());
  for (const row of pending) {
    if (!row.record) continue;
    const sealed = await seal(row.record);
    await guard(() =>
      db.transaction('rw', db.outbox, db.answers, db.sessions, async () => {
        const current = await db.outbox.get(row.sessionId);
        if (!current?.record) return;
        await db.outbox.put({ ...current, record: null, sealed });
        await db.answers.where('sessionId').equals(row.sessionId).delete();
        const session = await db.sessions.get(row.sessionId);
        if (session) {
          // The preview keeps what staff recognise the session by: the first name, and its Latin form from the ID.
          const { firstName, documentName } = session.details;
          await db.sessions.put({
            ...session,
            details: session.reference
              ? {}
              : {
                  ...(firstName ? { firstName } : {}),
                  ...(firstName && documentName ? { documentName } : {}),
                },
          });
        }
      }),
    );
  }
  return pending.length;
}

/**
 * The next sealed rows to send, oldest first, leaving out those the server refused for good. When a round may send
 * at all is the tablet-wide backoff's decision (`SyncStatus.retryAt`), checked by the sender before every round.
 */
export async function nextOutboxBatch(limit: number): Promise<OutboxRow[]> {
  const rows = await guard(() => database().outbox.orderBy('createdAt').toArray());
  return rows.filter((r) => r.sealed !== null && r.rejected === null).slice(0, limit);
}

/** The server confirmed these sessions: they leave the outbox; the preview goes now or at the end of the day. */
export async function markDelivered(
  ids: readonly string[],
  at: number,
  retention: PreviewRetention,
): Promise<void> {
  const db = database();
  await guard(() =>
    db.transaction('rw', db.outbox, db.sessions, db.answers, async () => {
      await db.outbox.bulkDelete([...ids]);
      await db.answers
        .where('sessionId')
        .anyOf([...ids])
        .delete();
      if (retention === 'until-synced') await db.sessions.bulkDelete([...ids]);
      else
        await db.sessions
          .where('id')
          .anyOf([...ids])
          .modify({ syncedAt: at });
    }),
  );
}

/** The server refused these for good as erased (410): the tablet must not keep them either. */
export async function dropErased(ids: readonly string[]): Promise<void> {
  await markDelivered(ids, 0, 'until-synced');
}

/** A send failed for a passing reason: count the attempt and set when to try again. */
export async function markRetry(
  ids: readonly string[],
  error: string,
  retryAt: number,
): Promise<void> {
  const db = database();
  await guard(() =>
    db.outbox
      .where('sessionId')
      .anyOf([...ids])
      .modify(
        (r: OutboxRow & { attempts: number; lastError: string | null; nextAttemptAt: number }) => {
          r.attempts += 1;
          r.lastError = error;
          r.nextAttemptAt = retryAt;
        },
      ),
  );
}

/**
 * The server refused a session for good (409, 422, 400): it leaves the retry loop, is kept and shown to staff with
 * the server's reason (`error` a stable code, `message` a sentence).
 */
export async function markRejected(
  id: string,
  status: number,
  error: string,
  message: string,
): Promise<void> {
  await guard(() =>
    database().outbox.update(id, { rejected: { status, error, message }, lastError: error }),
  );
}

/**
 * Deletes previews of synced sessions completed before `startOfToday` (retention "end of day"): a preview stays only
 * the day its client answered, so never more than 24 hours. Unsynced sessions keep theirs until the server has them.
 */
export async function purgeSyncedPreviews(startOfToday: number): Promise<number> {
  return guard(() =>
    database()
      .sessions.filter(
        (s) => typeof s.syncedAt === 'number' && (s.completedAt ?? s.syncedAt) < startOfToday,
      )
      .delete(),
  );
}
