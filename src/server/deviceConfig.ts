/** What a tablet is configured with (settings and their version, instruments, the key to seal to) and its ETag. */
import { createHash } from 'node:crypto';
import type { DeviceConfig } from '../shared/contract/protocol.ts';
import { activeServerKey } from './crypto/keys.ts';
import type { Queryable } from './db.ts';
import type { InstrumentRegistry } from './instruments.ts';
import { loadVersionedSettings } from './settingsStore.ts';
import { tabletLanguages } from './languages/tabletTexts.ts';

/** The config for one device, read fresh from the database (another instance may have changed it). */
export async function deviceConfig(
  db: Queryable,
  instruments: InstrumentRegistry,
  device: { id: string; name: string },
): Promise<DeviceConfig> {
  const [versioned, serverKey, languages] = await Promise.all([
    loadVersionedSettings(db),
    activeServerKey(db),
    tabletLanguages(db),
  ]);
  if (!serverKey) throw new Error('no active server key');
  return {
    deviceId: device.id,
    name: device.name,
    settings: versioned.settings,
    settingsVersion: versioned.version,
    settingsUpdatedAt: versioned.updatedAt,
    instruments: [...instruments.current],
    serverKey,
    languageStatus: languages.languageStatus,
    languageTexts: languages.languageTexts,
  };
}

/** A strong ETag over the whole answer: any change (settings, instrument version, rotated key, name) changes it. */
export function configEtag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** True when `If-None-Match` names this ETag (a list, or `*`); weak prefixes are ignored, as RFC 9110 says for GET. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}
