// Settings from the office reach every tablet: a conditional config (ETag, 304), versioned settings so tablet and
// server score a record with the same threshold, strict validation and an audit line that says who changed what.
import { describe, expect, it } from 'vitest';
import { rotateServerKey } from '../../src/server/crypto/keys.ts';
import { scoreAnswers } from '../../src/shared/core/scoring.ts';
import { DEFAULT_SETTINGS, type AgencySettings } from '../../src/shared/core/settings.ts';
import type { DeviceConfig, SyncResponse } from '../../src/shared/contract/protocol.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, PILOT, TEST_KEK, makeRecord, type Fixture } from './helpers.ts';
import { ws } from './workspaceHelpers.ts';
import { coordinatorFixture } from './coordinatorFixture.ts';

let f: Fixture;
let cookie: string;
let coordinatorName: string;
coordinatorFixture(
  (w) => {
    ({ f, cookie, coordinatorName } = w);
  },
  { cleanup: 'TRUNCATE measurements, tombstones, clients, dashboard_rollup CASCADE' },
);

const getConfig = (etag?: string) =>
  f.app.inject({
    url: '/api/devices/config',
    headers: {
      authorization: `Bearer ${f.tablet.token}`,
      ...(etag ? { 'if-none-match': etag } : {}),
    },
  });

const putSettings = (body: unknown) => ws(f.app, 'PUT', '/api/settings', { cookie, body });

const current = async (): Promise<AgencySettings> =>
  (await ws(f.app, 'GET', '/api/settings', { cookie })).json<AgencySettings>();

describe(`office settings to tablets (${DB_KIND})`, () => {
  it('answers an unchanged config with a bodiless 304, and a changed one with 200 and a new ETag', async () => {
    const first = await getConfig();
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const unchanged = await getConfig(etag);
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    expect(unchanged.headers.etag).toBe(etag);

    const before = first.json<DeviceConfig>();
    expect(
      (await putSettings({ ...(await current()), consentText: 'Nieuwe tekst' })).statusCode,
    ).toBe(200);
    const changed = await getConfig(etag);
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    const after = changed.json<DeviceConfig>();
    expect(after.settings.consentText).toBe('Nieuwe tekst');
    expect(after.settingsVersion).toBe(before.settingsVersion + 1);
    expect(after.settingsUpdatedAt).toBe(new Date(f.clock.now()).toISOString());
    expect((await getConfig(changed.headers.etag as string)).statusCode).toBe(304);
  });

  it("carries the agency's retention period to the tablets, so the consent screen says how long answers are kept", async () => {
    const first = await getConfig();
    expect(first.json<DeviceConfig>().settings.retentionDays).toBeNull();
    const put = await ws(f.app, 'PUT', '/api/retention', { cookie, body: { days: 180 } });
    expect(put.statusCode).toBeLessThan(300);
    const changed = await getConfig(first.headers.etag);
    expect(changed.statusCode).toBe(200);
    expect(changed.json<DeviceConfig>().settings.retentionDays).toBe(180);
    // The settings form cannot set it: the retention period is set in one place only.
    await putSettings({ ...(await current()), retentionDays: 30 });
    expect((await getConfig()).json<DeviceConfig>().settings.retentionDays).toBe(180);
    await ws(f.app, 'PUT', '/api/retention', { cookie, body: { days: null } });
    expect((await getConfig()).json<DeviceConfig>().settings.retentionDays).toBeNull();
  });

  it('audits who changed which settings, naming texts without copying them', async () => {
    f.clock.advance(1000);
    const s = await current();
    await putSettings({
      ...s,
      consentText: 'Geheime formulering',
      scoring: { ...s.scoring, dominantThreshold: 70 },
    });
    const audit = await f.db.query<{ actor_name: string; action: string; detail: string }>(
      `SELECT actor_name, action, detail FROM audit_log WHERE action = 'settings_change' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.rows[0]).toEqual({
      actor_name: coordinatorName,
      action: 'settings_change',
      detail: 'consentText changed; scoring.dominantThreshold 62 → 70',
    });
    await putSettings(DEFAULT_SETTINGS);
  });

  it('refuses a value the tablets would change, with 400, and keeps the settings', async () => {
    const before = (await getConfig()).json<DeviceConfig>();
    for (const bad of [
      { scoring: { dominantThreshold: 150 } },
      { idleCountdownSeconds: 5 },
      { idleSeconds: 45.5 },
      { offlineWarnDays: 0 },
      { previewRetention: 'forever' },
      { languages: ['nl', 'xx'] },
      { agencyName: '' },
      { unknownSetting: true },
    ]) {
      const r = await putSettings(bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect(r.json<{ error: string }>().error).toBe('invalid_setting');
    }
    expect((await getConfig()).json<DeviceConfig>().settingsVersion).toBe(before.settingsVersion);
  });

  it('a rotated key changes the config, and the tablet gets the new key', async () => {
    const first = await getConfig();
    const fresh = await rotateServerKey(f.db, TEST_KEK, f.clock.now());
    const next = await getConfig(first.headers.etag);
    expect(next.statusCode).toBe(200);
    expect(next.json<DeviceConfig>().serverKey).toEqual(fresh);
  });

  it('scores a record with the threshold of the settings version it ran under, even after a change', async () => {
    const s = await current();
    await putSettings({ ...s, scoring: { ...s.scoring, dominantThreshold: 20 } });
    const config = (await getConfig()).json<DeviceConfig>();
    // The tablet completes a session under this version...
    const answers = makeRecord().answers;
    const tabletProfile = scoreAnswers(PILOT, answers, config.settings.scoring);
    const record = makeRecord({
      answers,
      profile: tabletProfile,
      settingsVersion: config.settingsVersion,
    });
    // ...and before it syncs, the office raises the threshold.
    await putSettings({ ...s, scoring: { ...s.scoring, dominantThreshold: 95 } });
    const laterScoring = (await current()).scoring;
    expect(scoreAnswers(PILOT, answers, laterScoring).dominant).not.toEqual(tabletProfile.dominant);

    const key = (await getConfig()).json<DeviceConfig>().serverKey;
    const body = (await f.sync({ sessions: [await sealRecord(record, key)] })).json as SyncResponse;
    expect(body.receipts[0]?.status).toBe('stored');
    const row = (
      await f.db.query<{
        score_mismatch: boolean;
        server_profile: { threshold: number; dominant: string[] };
      }>('SELECT score_mismatch, server_profile FROM measurements WHERE session_id = $1', [
        record.sessionId,
      ])
    ).rows[0];
    expect(row?.score_mismatch).toBe(false);
    expect(row?.server_profile.threshold).toBe(20);
    expect(row?.server_profile.dominant).toEqual(tabletProfile.dominant);
    expect(tabletProfile.dominant.length).toBeGreaterThan(0);

    // A record from an older tablet (no version) is scored with today's settings, as before.
    const old = makeRecord({ answers });
    const body2 = (await f.sync({ sessions: [await sealRecord(old, key)] })).json as SyncResponse;
    expect(body2.receipts[0]?.status).toBe('stored');
    const row2 = (
      await f.db.query<{ server_profile: { threshold: number } }>(
        'SELECT server_profile FROM measurements WHERE session_id = $1',
        [old.sessionId],
      )
    ).rows[0];
    expect(row2?.server_profile.threshold).toBe(95);
    await putSettings(DEFAULT_SETTINGS);
  });
});
