/**
 * Drains the outbox: seals what waits in plaintext, sends sealed sessions in batches, and removes a session only
 * after a 2xx receipt naming its id. Network faults, timeouts, 5xx and 429 back off for the whole tablet (honouring
 * `Retry-After`), and no round sends before that time; a session the server refused for good leaves the retry loop
 * and waits for staff. Nothing expires silently.
 */
import { parseRetryAfter, retryDelay } from '../../shared/core/backoff.ts';
import type { CompletedRecord } from '../../shared/core/session.ts';
import type { SealedSession } from '../../shared/contract/wire.ts';
import type { ApiError } from '../../shared/contract/protocol.ts';
import { routePath, type RouteAnswer, type RouteBody } from '../../shared/contract/client.ts';

const SYNC = 'POST /api/sync/sessions';
import { isOnline } from '../platform/network.ts';
import {
  loadEnrollment,
  loadSyncStatus,
  updateSyncStatus,
  type DeviceEnrollment,
} from '../storage/device.ts';
import {
  dropErased,
  markDelivered,
  markRejected,
  markRetry,
  nextOutboxBatch,
  sealPending,
  type PreviewRetention,
} from '../storage/outbox.ts';
import { requestJson, SYNC_REQUEST_TIMEOUT_MS } from './request.ts';

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
  /** Deadline of one request (ms); defaults to `SYNC_REQUEST_TIMEOUT_MS`. */
  readonly timeoutMs?: number;
}

/** How one drain ended. */
export type DrainResult =
  | { readonly kind: 'not-enrolled' }
  | { readonly kind: 'done'; readonly sent: number }
  | { readonly kind: 'retry-later'; readonly sent: number; readonly error: string }
  | { readonly kind: 'backing-off'; readonly until: number }
  | { readonly kind: 'refused'; readonly error: string };

/** Options of one drain. */
export interface DrainOptions {
  /** Staff pressed "send now": one round even while backing off (a person, not a loop, so no storm). */
  readonly force?: boolean;
}

type Answer = (Partial<RouteAnswer<typeof SYNC>> & Partial<ApiError>) | null;

/** Statuses that say "not now" rather than "never": retried after the backoff. */
const isPassing = (status: number): boolean => status >= 500 || status === 429 || status === 408;

/** Sends batches until the outbox has nothing due, or the network or server says stop. */
export async function drainOutbox(
  deps: SenderDeps,
  options: DrainOptions = {},
): Promise<DrainResult> {
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
  // Every trigger (start, online, visible, completion, Background Sync, timer) passes here: while backing off, none
  // of them sends.
  const status = await loadSyncStatus();
  if (!options.force && status.retryAt > deps.now())
    return { kind: 'backing-off', until: status.retryAt };
  let batchSize = deps.batchSize ?? 50;
  for (;;) {
    const batch = await nextOutboxBatch(batchSize);
    if (batch.length === 0) {
      await updateSyncStatus({
        lastAttemptAt: deps.now(),
        lastSuccessAt: deps.now(),
        lastError: null,
        refused: false,
        failures: 0,
        retryAt: 0,
      });
      return { kind: 'done', sent };
    }
    const ids = batch.map((r) => r.sessionId);
    const retry = async (
      error: string,
      retryAfterMs: number | null = null,
    ): Promise<DrainResult> => {
      const failures = (await loadSyncStatus()).failures + 1;
      const retryAt = deps.now() + retryDelay(failures, deps.random(), retryAfterMs);
      await markRetry(ids, error, retryAt);
      await updateSyncStatus({ lastAttemptAt: deps.now(), lastError: error, failures, retryAt });
      return { kind: 'retry-later', sent, error };
    };
    let answer;
    try {
      answer = await requestJson(
        deps.fetch,
        new URL(routePath(SYNC), enrollment.serverUrl),
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${enrollment.token}`,
          },
          body: JSON.stringify({
            sessions: batch.flatMap((r) => (r.sealed ? [r.sealed] : [])),
          } satisfies RouteBody<typeof SYNC>),
        },
        deps.timeoutMs ?? SYNC_REQUEST_TIMEOUT_MS,
      );
    } catch (e) {
      const timedOut = e instanceof Error && e.name === 'RequestTimeout';
      return retry(timedOut ? 'timeout' : `network: ${e instanceof Error ? e.message : String(e)}`);
    }
    const body = answer.body as Answer;
    if (answer.status === 401 || answer.status === 403) {
      const error = body?.error ?? `http ${answer.status}`;
      await updateSyncStatus({ lastAttemptAt: deps.now(), lastError: error, refused: true });
      return { kind: 'refused', error };
    }
    if (!answer.ok) {
      // Only the server's own refusal (the documented `{error, message}`) is final; a proxy's 404 page is not.
      if (isPassing(answer.status) || typeof body?.error !== 'string') {
        const retryAfter =
          answer.status === 503 || answer.status === 429
            ? parseRetryAfter(answer.headers.get('retry-after'), deps.now())
            : null;
        return retry(`http ${answer.status}`, retryAfter);
      }
      // A refusal of the whole batch (413 too large, 400 one malformed envelope): halve until the one at fault is
      // alone, then keep that one aside for staff and send the rest.
      if (batch.length > 1) {
        batchSize = Math.max(1, Math.floor(batch.length / 2));
        continue;
      }
      await markRejected(ids[0]!, answer.status, body.error, body.message ?? '');
      continue;
    }
    const confirmed = (body?.receipts ?? [])
      .map((r) => r.sessionId)
      .filter((id) => ids.includes(id));
    if (confirmed.length) await markDelivered(confirmed, deps.now(), deps.retention);
    sent += confirmed.length;
    for (const r of body?.rejected ?? []) {
      if (!ids.includes(r.sessionId)) continue;
      if (r.status === 410) await dropErased([r.sessionId]);
      else await markRejected(r.sessionId, r.status, r.error, r.message);
    }
    const answered = new Set([...confirmed, ...(body?.rejected ?? []).map((r) => r.sessionId)]);
    const unanswered = ids.filter((id) => !answered.has(id));
    if (unanswered.length) return retry('server did not confirm every session');
  }
}
