// The office's answer to a tablet's configuration fetch, for kiosk component tests: a whole configuration with the
// parts a test changes, handed to the tablet's own config refresh as if the server had sent it.
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import type { DeviceConfig } from '../../src/shared/contract/protocol.ts';
import { refreshConfig } from '../../src/tablet/sync/config.ts';
import { instrument } from './fixtures.ts';

/** A configuration as the server sends it: the built-in version, default settings, and `over` on top. */
export const officeConfig = (over: Partial<DeviceConfig> = {}): DeviceConfig => ({
  deviceId: 'd1',
  name: 'Tablet',
  settings: DEFAULT_SETTINGS,
  settingsVersion: 1,
  settingsUpdatedAt: '2026-03-02T09:00:00.000Z',
  instruments: [instrument],
  serverKey: { keyId: 'k1', publicKeyJwk: {} },
  ...over,
});

/** The tablet fetches its configuration and gets `config` with this ETag (a new ETag is a changed configuration). */
export const officeSends = (config: DeviceConfig, etag: string) =>
  refreshConfig({
    fetch: () => Promise.resolve(Response.json(config, { headers: { etag } })),
    now: Date.now,
  });
