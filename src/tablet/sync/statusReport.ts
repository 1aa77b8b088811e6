/**
 * After each sync round the tablet tells the server how it is doing (queued and rejected sessions, storage), so the
 * coordinator's device list shows a tablet that is filling up or stuck. A failed report never disturbs sending.
 */
import type { DeviceStatusReport } from '../../shared/contract/workspaceApi.ts';
import { routePath, type RouteBody } from '../../shared/contract/client.ts';
import { isPersisted, storageEstimate } from '../platform/storageManager.ts';
import { loadEnrollment } from '../storage/device.ts';
import { loadSettings } from '../storage/settings.ts';
import { outboxCounts } from '../storage/outbox.ts';
import { requestJson, STATUS_REQUEST_TIMEOUT_MS } from './request.ts';

/** The running app's version, set by vite's `define`; 'dev' under tests without it. */
const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';

/** Per enabled language how it is read aloud here (device voice, cached audio pack, or nothing offline). */
async function readAloud(): Promise<DeviceStatusReport['readAloud']> {
  try {
    const { readAloudModes } = await import('../speech/offline.ts');
    return await readAloudModes(await loadSettings());
  } catch {
    return undefined;
  }
}

/** Builds the report from local storage only: counts, storage and read-aloud facts, never a client's data. */
export async function buildStatusReport(): Promise<DeviceStatusReport> {
  let counts = { queued: 0, rejected: 0 };
  let error: string | null = null;
  try {
    counts = await outboxCounts();
  } catch (e) {
    error = e instanceof Error ? e.name : 'storage error';
  }
  const [persisted, estimate, modes] = await Promise.all([
    isPersisted(),
    storageEstimate(),
    readAloud(),
  ]);
  return {
    queued: counts.queued,
    rejected: counts.rejected,
    storage: {
      persisted,
      usageBytes: estimate?.usage ?? null,
      quotaBytes: estimate?.quota ?? null,
      error,
    },
    appVersion: APP_VERSION,
    ...(modes ? { readAloud: modes } : {}),
  };
}

/**
 * Sends the report with the tablet's token; true when the server took it. Errors and timeouts are swallowed on
 * purpose.
 */
export async function sendStatusReport(
  fetchFn: typeof fetch,
  timeoutMs = STATUS_REQUEST_TIMEOUT_MS,
): Promise<boolean> {
  try {
    const enrollment = await loadEnrollment();
    if (!enrollment) return false;
    const answer = await requestJson(
      fetchFn,
      new URL(routePath('POST /api/devices/status'), enrollment.serverUrl),
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${enrollment.token}`,
        },
        body: JSON.stringify(
          (await buildStatusReport()) satisfies RouteBody<'POST /api/devices/status'>,
        ),
      },
      timeoutMs,
    );
    return answer.ok;
  } catch {
    return false;
  }
}
