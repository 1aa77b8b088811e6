// The office workspace is served at /werkplek/ with its own page; its deep links fall back to it, never to the kiosk.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';

let f: Fixture;
let base: string;
const dist = mkdtempSync(join(tmpdir(), 'si-dist-ws-'));
beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  mkdirSync(join(dist, 'werkplek', 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Kiosk</title>');
  writeFileSync(join(dist, 'werkplek', 'index.html'), '<!doctype html><title>Werkplek</title>');
  writeFileSync(join(dist, 'werkplek', 'assets', 'workspace-abc.js'), 'console.log(2);');
  f = await fixture({ distDir: dist });
  base = await f.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await f.close();
  rmSync(dist, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml' };

describe(`workspace pages (${DB_KIND})`, () => {
  it('serves the workspace page at /werkplek/ and for every deep link under it', async () => {
    for (const url of [
      '/werkplek/',
      '/werkplek',
      '/werkplek/clients/6f1c2a9e-4b7d-4c1a-9f3e-2d5b8a7c6e10',
      '/werkplek/clients/6f1c2a9e-4b7d-4c1a-9f3e-2d5b8a7c6e10/samenvatting',
      '/werkplek/dashboard',
    ]) {
      const res = await fetch(`${base}${url}`, { headers: html });
      expect(res.status, url).toBe(200);
      expect(await res.text(), url).toContain('Werkplek');
      expect(res.headers.get('cache-control'), url).toBe('no-cache');
    }
  });

  it('keeps the kiosk fallback for other paths and caches workspace assets as immutable', async () => {
    const kiosk = await fetch(`${base}/staff/settings`, { headers: html });
    expect(await kiosk.text()).toContain('Kiosk');
    const asset = await fetch(`${base}/werkplek/assets/workspace-abc.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/werkplek/assets/missing.js`)).status).toBe(404);
  });
});
