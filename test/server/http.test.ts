// Static serving of the built PWA and the headers every response carries, over real HTTP on a free port.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/server/headers.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';

let f: Fixture;
let base: string;
const dist = mkdtempSync(join(tmpdir(), 'si-dist-'));
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Slimme Intake</title>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1);');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{}');
  f = await fixture({ distDir: dist });
  base = await f.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await f.close();
  rmSync(dist, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe(`HTTP (${DB_KIND})`, () => {
  it('serves index.html, sw.js without caching and hashed assets immutable', async () => {
    const index = await fetch(`${base}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('Slimme Intake');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const sw = await fetch(`${base}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    expect(sw.headers.get('content-type')).toMatch(/javascript/);
    const asset = await fetch(`${base}/assets/index-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('falls back to index.html for navigation but not for files or the API', async () => {
    const nav = await fetch(`${base}/staff/settings`, { headers: html });
    expect(nav.status).toBe(200);
    expect(await nav.text()).toContain('Slimme Intake');
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${base}/api/nothing`, { headers: html });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not_found' });
  });

  it('puts the security headers on every response, errors included', async () => {
    const responses = [
      await fetch(`${base}/`),
      await fetch(`${base}/sw.js`),
      await fetch(`${base}/api/health`),
      await fetch(`${base}/api/nothing`),
      await fetch(`${base}/api/sync/sessions`, { method: 'POST', body: '{' }),
      await fetch(`${base}/api/devices/config`),
    ];
    for (const r of responses) {
      expect(r.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    }
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it('logs method, route, status and duration only', async () => {
    const lines: string[] = [];
    const { createServer } = await import('../../src/server/app.ts');
    const app = await createServer({ db: f.db, log: (l) => lines.push(l), distDir: dist });
    await app.inject({
      method: 'POST',
      url: '/api/devices/enroll?name=Fatima',
      payload: { code: 'FATIMA-DE-VRIES' },
    });
    await app.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^POST \/api\/devices\/enroll 401 \d+\.\dms$/);
  });
});
