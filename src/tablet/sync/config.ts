/**
 * Fetches the tablet's configuration from the office: at start, at every sync round and when staff open staff mode.
 * Conditional (`If-None-Match`): an unchanged config is a 304 of a few hundred bytes. A change is stored at once but
 * applies between clients: the kiosk picks it up on the welcome screen, a running session keeps its snapshot.
 */
import { parseInstrument } from '../../shared/core/instrument.ts';
import { restoreSettings, type AgencySettings } from '../../shared/core/settings.ts';
import { API, type DeviceConfig } from '../../shared/contract/protocol.ts';
import { loadEnrollment } from '../storage/device.ts';
import { announceOfficeSettings } from './officeEvents.ts';
import { SYNC_REQUEST_TIMEOUT_MS, requestJson } from './request.ts';
import { applyOfficeConfig, loadOfficeConfig, touchOfficeConfig } from '../storage/officeConfig.ts';

/** How one fetch ended. */
export type ConfigRefresh =
  | { readonly kind: 'not-enrolled' | 'unchanged' | 'failed' | 'refused' }
  | { readonly kind: 'changed'; readonly settings: AgencySettings; readonly bytes: number };

const isConfig = (v: unknown): v is DeviceConfig => {
  const c = v as Partial<DeviceConfig> | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    typeof c.settingsVersion === 'number' &&
    typeof c.name === 'string' &&
    typeof c.serverKey?.keyId === 'string' &&
    typeof c.serverKey.publicKeyJwk === 'object'
  );
};

/** The config's instruments that parse (a broken one is left out, the tablet keeps what it has) and their texts. */
function checkedInstruments(body: DeviceConfig) {
  const instruments = (Array.isArray(body.instruments) ? body.instruments : []).flatMap((i) => {
    try {
      return [parseInstrument(i)];
    } catch {
      return [];
    }
  });
  return instruments.length === 0
    ? {}
    : {
        instruments,
        instrumentTexts: Array.isArray(body.instrumentTexts) ? body.instrumentTexts : [],
      };
}

/** What a config fetch needs: the network, the clock, and optionally a deadline shorter than the sync default. */
export interface ConfigDeps {
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly timeoutMs?: number;
}

let inFlight: Promise<ConfigRefresh> | null = null;

/** Asks the server for the config if it changed; concurrent calls share one request. Never throws. */
export function refreshConfig(deps: ConfigDeps): Promise<ConfigRefresh> {
  inFlight ??= fetchConfig(deps).finally(() => (inFlight = null));
  return inFlight;
}

async function fetchConfig(deps: ConfigDeps): Promise<ConfigRefresh> {
  try {
    const enrollment = await loadEnrollment();
    if (!enrollment) return { kind: 'not-enrolled' };
    const known = await loadOfficeConfig();
    const headers: Record<string, string> = { authorization: `Bearer ${enrollment.token}` };
    if (known?.etag) headers['if-none-match'] = known.etag;
    // The same deadline as every sync request: a server that never answers must not hold the sync lock forever.
    const response = await requestJson(
      deps.fetch,
      new URL(API.config, enrollment.serverUrl),
      { headers, cache: 'no-store' },
      deps.timeoutMs ?? SYNC_REQUEST_TIMEOUT_MS,
    );
    if (response.status === 304) {
      await touchOfficeConfig(deps.now());
      return { kind: 'unchanged' };
    }
    if (response.status === 401) return { kind: 'refused' };
    if (!response.ok) return { kind: 'failed' };
    const body = response.body;
    if (!isConfig(body)) return { kind: 'failed' };
    const settings = await applyOfficeConfig({
      settings: restoreSettings(body.settings),
      deviceName: body.name,
      serverKey: body.serverKey,
      ...(body.languageStatus ? { languageStatus: body.languageStatus } : {}),
      ...(body.languageTexts ? { languageTexts: body.languageTexts } : {}),
      ...checkedInstruments(body),
      stamp: {
        etag: response.headers.get('etag'),
        settingsVersion: body.settingsVersion,
        settingsUpdatedAt: body.settingsUpdatedAt,
        checkedAt: deps.now(),
      },
    });
    announceOfficeSettings(settings);
    return { kind: 'changed', settings, bytes: JSON.stringify(body).length };
  } catch (e) {
    console.warn('config fetch failed', e);
    return { kind: 'failed' };
  }
}
