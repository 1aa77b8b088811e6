/**
 * Drains the outbox: seals what waits in plaintext, sends sealed sessions in batches, and removes a session only
 * after a 2xx receipt naming its id. Network faults and 5xx back off with jitter; nothing expires silently.
 */
import { backoffDelay } from '../../shared/core/backoff.ts';
import type { CompletedRecord } from '../../shared/core/session.ts';
import type { SealedSession } from '../../shared/contract/wire.ts';
import type { ApiError } from '../../shared/contract/protocol.ts';
import { routePath, type RouteAnswer, type RouteBody } from '../../shared/contract/client.ts';

const SYNC = 'POST /api/sync/sessions';
import { isOnline } from '../platform/network.ts';
import { loadEnrollment, updateSyncStatus, type DeviceEnrollment } from '../storage/device.ts';
import {
  dropErased,
  markDelivered,
  markRejected,
  markRetry,
  nextOutboxBatch,
  sealPending,
  type PreviewRetention,
} from '../storage/outbox.ts';

/** Everything the sender needs from the outside world, passed in so tests control it. */
export interface SenderDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly random: () => number;
  readonly seal: (
    record: CompletedRecord,
    key: DeviceEnrollment['serverKey'],
  ) => Promise<SealedSession>;
  readonly retention: PreviewRetention;
  readonly batchSize?: number;
  /** False when the device knows it has no network; defaults to `navigator.onLine`. */
  readonly online?: () => boolean;
}

/** How one drain ended. */
export type DrainResult =
  | { readonly kind: 'not-enrolled' }
  | { readonly kind: 'done'; readonly sent: number }
  | { readonly kind: 'retry-later'; readonly sent: number; readonly error: string }
  | { readonly kind: 'refused'; readonly error: string };

/** Sends batches until the outbox has nothing due, or the network or server says stop. */
export async function drainOutbox(deps: SenderDeps): Promise<DrainResult> {
  const enrollment = await loadEnrollment();
  if (!enrollment) return { kind: 'not-enrolled' };
  await sealPending((r) => deps.seal(r, enrollment.serverKey));
  let sent = 0;
  // Offline is not a failed attempt: counting it would stretch the backoff over a whole offline meeting, and the
  // 'online' event starts a drain anyway.
  if (!(deps.online ?? isOnline)()) {
    await updateSyncStatus({ lastAttemptAt: deps.now(), lastError: 'offline' });
    return { kind: 'retry-later', sent, error: 'offline' };
  }
  for (;;) {
    const batch = await nextOutboxBatch(deps.batchSize ?? 50);
    if (batch.length === 0) {
      await updateSyncStatus({
        lastAttemptAt: deps.now(),
        lastSuccessAt: deps.now(),
        lastError: null,
        refused: false,
      });
      return { kind: 'done', sent };
    }
    const ids = batch.map((r) => r.sessionId);
    const retry = async (error: string): Promise<DrainResult> => {
      const attempts = Math.max(...batch.map((r) => r.attempts));
      await markRetry(ids, error, deps.now() + backoffDelay(attempts, deps.random()));
      await updateSyncStatus({ lastAttemptAt: deps.now(), lastError: error });
      return { kind: 'retry-later', sent, error };
    };
    let response: Response;
    try {
      response = await deps.fetch(new URL(routePath(SYNC), enrollment.serverUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${enrollment.token}`,
        },
        body: JSON.stringify({
          sessions: batch.flatMap((r) => (r.sealed ? [r.sealed] : [])),
        } satisfies RouteBody<typeof SYNC>),
      });
    } catch (e) {
      return retry(`network: ${e instanceof Error ? e.message : String(e)}`);
    }
    const body = (await response.json().catch(() => null)) as
      (Partial<RouteAnswer<typeof SYNC>> & Partial<ApiError>) | null;
    if (response.status === 401 || response.status === 403) {
      const error = body?.error ?? `http ${response.status}`;
      await updateSyncStatus({ lastAttemptAt: deps.now(), lastError: error, refused: true });
      return { kind: 'refused', error };
    }
    if (response.status === 413 && batch.length > 1) {
      deps = { ...deps, batchSize: Math.max(1, Math.floor(batch.length / 2)) };
      continue;
    }
    if (!response.ok) {
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 429 &&
        batch.length === 1
      ) {
        await markRejected(
          ids[0]!,
          response.status,
          body?.message ?? body?.error ?? `http ${response.status}`,
        );
        continue;
      }
      return retry(`http ${response.status}`);
    }
    const confirmed = (body?.receipts ?? [])
      .map((r) => r.sessionId)
      .filter((id) => ids.includes(id));
    if (confirmed.length) await markDelivered(confirmed, deps.now(), deps.retention);
    sent += confirmed.length;
    for (const r of body?.rejected ?? []) {
      if (!ids.includes(r.sessionId)) continue;
      if (r.status === 410) await dropErased([r.sessionId]);
      else await markRejected(r.sessionId, r.status, r.message || r.error);
    }
    const answered = new Set([...confirmed, ...(body?.rejected ?? []).map((r) => r.sessionId)]);
    const unanswered = ids.filter((id) => !answered.has(id));
    if (unanswered.length) return retry('server did not confirm every session');
  }
}
