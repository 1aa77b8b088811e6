// Enrollment: a one-time code becomes a device token once; expired and reused codes are refused; revoked tokens stop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnrollCode, listDevices, revokeDevice } from '../../src/server/devices.ts';
import type { EnrollResponse } from '../../src/shared/contract/protocol.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});
afterAll(() => f.close());

const enroll = (code: string) =>
  f.app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code } });
const config = (token: string) =>
  f.app.inject({ url: '/api/devices/config', headers: { authorization: `Bearer ${token}` } });

describe(`enrollment (${DB_KIND})`, () => {
  it('gives a token, settings, the pilot instrument and the server key', async () => {
    const code = await createEnrollCode(f.db, 'Tablet 3', f.clock.now());
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const r = await enroll(code.toLowerCase().replace(/-/g, ' '));
    expect(r.statusCode).toBe(200);
    expect(r.headers['cache-control']).toBe('no-store');
    const body = r.json<EnrollResponse>();
    expect(body.name).toBe('Tablet 3');
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.settings.agencyName).toBe('Werkplein Drentsche Aa');
    expect(body.instruments.map((i) => `${i.id}@${i.version}`)).toEqual(['pilot-2019@1']);
    expect(body.serverKey.publicKeyJwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(body.serverKey.publicKeyJwk).not.toHaveProperty('d');
    const stored = await f.db.query<{ token_hash: string }>(
      'SELECT token_hash FROM devices WHERE id = $1',
      [body.deviceId],
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const codes = await f.db.query<{ code_hash: string }>('SELECT code_hash FROM enroll_codes');
    expect(codes.rows.map((c) => c.code_hash)).not.toContain(code.replace(/-/g, ''));
    const c = await config(body.token);
    expect(c.statusCode).toBe(200);
    expect(c.json<{ deviceId: string }>().deviceId).toBe(body.deviceId);
  });

  it('refuses a code the second time', async () => {
    const code = await createEnrollCode(f.db, 'Tablet 4', f.clock.now());
    expect((await enroll(code)).statusCode).toBe(200);
    const again = await enroll(code);
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ error: 'code_used' });
  });

  it('refuses an expired code and an unknown one', async () => {
    const code = await createEnrollCode(f.db, 'Tablet 5', f.clock.now());
    f.clock.advance(24 * 60 * 60 * 1000 + 1);
    const r = await enroll(code);
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ error: 'code_expired' });
    expect((await enroll('AAAA-BBBB-CCCC')).json()).toMatchObject({ error: 'code_invalid' });
    expect((await enroll('')).statusCode).toBe(400);
  });

  it('stops a revoked device with device_revoked', async () => {
    const tablet = await f.enroll('Tablet 6');
    expect(await revokeDevice(f.db, tablet.deviceId, f.clock.now())).toBe(true);
    expect(await revokeDevice(f.db, tablet.deviceId, f.clock.now())).toBe(false);
    const synced = await f.sync({ sessions: [] }, tablet.token);
    expect(synced.status).toBe(401);
    expect(synced.json).toMatchObject({ error: 'device_revoked' });
    const c = await config(tablet.token);
    expect(c.statusCode).toBe(401);
    expect(c.json()).toMatchObject({ error: 'device_revoked' });
    const devices = await listDevices(f.db);
    expect(devices.find((d) => d.id === tablet.deviceId)?.revokedAt).toBeInstanceOf(Date);
  });

  it('gives a device token nothing but config and sync', async () => {
    const r = await f.app.inject({
      url: '/api/devices',
      headers: { authorization: `Bearer ${f.tablet.token}` },
    });
    // The coordinator's device list needs a signed-in session; a bearer token is not one.
    expect(r.statusCode).toBe(401);
    expect(r.json()).toMatchObject({ error: 'signed_out' });
    expect((await config('not-a-token')).statusCode).toBe(401);
  });
});
