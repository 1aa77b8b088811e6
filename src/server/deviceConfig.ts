/** What a tablet is configured with (settings and their version, instruments, the key to seal to) and its ETag. */
import { createHash } from 'node:crypto';
import type { DeviceConfig } from '../shared/contract/protocol.ts';
import { activeServerKey } from './crypto/keys.ts';
import { loadRetention } from './clients/erasure.ts';
import type { Queryable } from './db.ts';
import type { InstrumentRegistry } from './instruments.ts';
import { loadVersionedSettings } from './settingsStore.ts';
import { tabletLanguages } from './languages/tabletTexts.ts';
import { clipsRevision } from './speech/clipStore.ts';

/** The config for one device, read fresh from the database (another instance may have changed it). */
export async function deviceConfig(
  db: Queryable,
  instruments: InstrumentRegistry,
  device: { id: string; name: string },
): Promise<DeviceConfig> {
  await instruments.refresh(db); // a version loaded through another instance reaches this instance's tablets too
  const [versioned, serverKey, languages, retentionDays, audioClips] = await Promise.all([
    loadVersionedSettings(db),
    activeServerKey(db),
    tabletLanguages(db),
    loadRetention(db),
    clipsRevision(db),
  ]);
  if (!serverKey) throw new Error('no active server key');
  return {
    deviceId: device.id,
    name: device.name,
    // The retention period lives in its own table; the consent screen says it, so it travels with the settings.
    settings: { ...versioned.settings, retentionDays },
    settingsVersion: versioned.version,
    settingsUpdatedAt: versioned.updatedAt,
    instruments: [...instruments.current],
    instrumentTexts: instruments.current.flatMap((i) => {
      const texts = instruments.translations(i.id, i.version);
      return texts ? [{ id: i.id, version: i.version, texts }] : [];
    }),
    serverKey,
    languageStatus: languages.languageStatus,
    languageTexts: languages.languageTexts,
    audioClips,
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
