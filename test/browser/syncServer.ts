// An in-process server for sync tests: the test can create enrollment codes, count rows and restart the server.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createServer } from '../../src/server/app.ts';
import { createSetupCode } from '../../src/server/auth/setupCode.ts';
import type { Db } from '../../src/server/db.ts';
import { openPglite } from '../../src/server/dbPglite.ts';
import { createEnrollCode } from '../../src/server/devices.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, seedDataDir } from './harness.ts';

/** A server whose database the test can read, on a fixed port so it can be restarted under the tablet. */
export interface SyncServer {
  readonly url: string;
  readonly db: Db;
  /** A fresh enrollment for a tablet: what `POST /api/devices/enroll` answered. */
  enroll(name: string): Promise<Record<string, unknown>>;
  /**
   * Creates the first coordinator through the setup route (once per server) and returns its session cookie; sign in
   * in the browser with COORDINATOR's username and password.
   */
  coordinator(): Promise<string>;
  /** session ids stored, with how often each occurs. */
  stored(): Promise<string[]>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** The first coordinator every browser test signs in as. */
export const COORDINATOR = {
  name: 'Cora',
  username: 'cora',
  password: 'een lange zin als wachtwoord',
} as const;

/** Starts the real server (PGlite in a temp folder) in this process. */
export async function startSyncServer(): Promise<SyncServer> {
  const work = mkdtempSync(join(tmpdir(), 'si-sync-'));
  const distDir = join(work, 'dist');
  cpSync(resolve(import.meta.dirname, '../../dist'), distDir, { recursive: true });
  seedDataDir(work);
  const db = await openPglite(join(work, 'pglite'));
  let app: FastifyInstance = await createServer({ db, distDir, dataDir: work, log: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  let coordinatorCookie: Promise<string> | null = null;
  return {
    url,
    db,
    async enroll(name) {
      const code = await createEnrollCode(db, name, Date.now());
      const r = await fetch(`${url}/api/devices/enroll`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      if (!r.ok) throw new Error(`enroll failed: ${r.status} ${await r.text()}`);
      return (await r.json()) as Record<string, unknown>;
    },
    coordinator() {
      coordinatorCookie ??= (async () => {
        const setupCode = await createSetupCode(db, Date.now());
        const r = await fetch(`${url}/api/auth/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ setupCode, ...COORDINATOR }),
        });
        if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${await r.text()}`);
        return (r.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      })();
      return coordinatorCookie;
    },
    async stored() {
      const r = await db.query<{ session_id: string }>(
        'SELECT session_id FROM measurements ORDER BY session_id',
      );
      return r.rows.map((x) => x.session_id);
    },
    async restart() {
      await app.close();
      app = await createServer({ db, distDir, dataDir: work, log: false });
      await app.listen({ port, host: '127.0.0.1' });
    },
    async dispose() {
      await app.close();
      await db.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/**
 * The set-up most workspace browser tests share: a sync server with the coordinator set up and a Chromium, started
 * before the file's tests and closed after them. Read `server` and `browser` inside tests or hooks.
 */
export function syncServerAndBrowser(): { readonly server: SyncServer; readonly browser: Browser } {
  let server: SyncServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startSyncServer();
    browser = await launchBrowser();
    await server.coordinator();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  const started = <T>(v: T | undefined, what: string): T => {
    if (!v) throw new Error(`${what} is not started yet (use it inside a test or hook)`);
    return v;
  };
  return {
    get server() {
      return started(server, 'the sync server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}
