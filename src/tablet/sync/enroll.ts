/** Enrolls this tablet with the agency's server once, online, with a one-time code from a coordinator. */
import { restoreSettings, type AgencySettings } from '../../shared/core/settings.ts';
import { saveEnrollment, updateSyncStatus } from '../storage/device.ts';
import { saveSettings } from '../storage/settings.ts';
import { saveOfficeStamp } from '../storage/officeConfig.ts';
import type { ApiError } from '../../shared/contract/protocol.ts';
import { routePath, type RouteAnswer, type RouteBody } from '../../shared/contract/client.ts';

const ENROLL = 'POST /api/devices/enroll';

/** Why enrollment failed, as a message key for staff mode. */
export type EnrollError = 'invalid_url' | 'network' | 'code_refused' | 'server_error';

/** The outcome: the settings the server sent, or why it failed. */
export type EnrollResult =
  | { readonly ok: true; readonly deviceName: string; readonly settings: AgencySettings }
  | { readonly ok: false; readonly error: EnrollError; readonly detail: string };

/** Normalises what staff typed ("intake.example.nl" → "https://intake.example.nl"), or null when it is no address. */
export function serverOrigin(input: string): string | null {
  const text = input.trim();
  if (!text) return null;
  try {
    const url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** Sends the code; on success stores the token, the server's key and the agency's settings on the tablet. */
export async function enrollTablet(
  serverInput: string,
  code: string,
  deps: { fetch: typeof fetch; now: () => number },
): Promise<EnrollResult> {
  const origin = serverOrigin(serverInput);
  if (!origin) return { ok: false, error: 'invalid_url', detail: serverInput };
  let response: Response;
  try {
    response = await deps.fetch(new URL(routePath(ENROLL), origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: code.trim() } satisfies RouteBody<typeof ENROLL>),
    });
  } catch (e) {
    return { ok: false, error: 'network', detail: e instanceof Error ? e.message : String(e) };
  }
  const body = (await response.json().catch(() => null)) as
    (RouteAnswer<typeof ENROLL> & Partial<ApiError>) | null;
  if (!response.ok || !body?.token) {
    const error: EnrollError = response.status >= 500 || !body ? 'server_error' : 'code_refused';
    return { ok: false, error, detail: body?.message ?? `http ${response.status}` };
  }
  const settings = await saveSettings(restoreSettings(body.settings));
  await saveEnrollment({
    serverUrl: origin,
    deviceId: body.deviceId,
    deviceName: body.name,
    token: body.token,
    serverKey: body.serverKey,
    enrolledAt: deps.now(),
  });
  await saveOfficeStamp({
    etag: null, // the first sync round fetches the config once more and learns its ETag
    settingsVersion: typeof body.settingsVersion === 'number' ? body.settingsVersion : 0,
    settingsUpdatedAt: typeof body.settingsUpdatedAt === 'string' ? body.settingsUpdatedAt : null,
    checkedAt: deps.now(),
  });
  await updateSyncStatus({ refused: false, lastError: null });
  return { ok: true, deviceName: body.name, settings };
}
