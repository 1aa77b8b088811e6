// Browser-test harness: runs the real server (`npm start`'s entry) on a free port and drives Debian's Chromium.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { untilServing } from '../serverProcess.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Fills a new server data folder from the run's seed (test/browser/globalSetup.ts): an initialised PGlite and the
 * default agency name already spoken, as a server has them after its first start. Without a seed, nothing.
 */
export function seedDataDir(dataDir: string): void {
  const seed = process.env.BROWSER_TEST_SEED;
  if (seed && existsSync(seed)) cpSync(seed, dataDir, { recursive: true });
}

/** Chromium flags for this closed network (see README). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Where Debian puts Chromium; CHROMIUM_PATH overrides. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

/** A running app server with its own data folder and its own copy of the built app. */
export interface AppServer {
  readonly url: string;
  readonly distDir: string;
  readonly dataDir: string;
  /** What the server printed so far (the start message, the setup code). */
  output(): string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  dispose(): Promise<void>;
}

/** True when `url` answers 2xx (once the server says it is serving); a self-signed certificate is accepted (the tests make throwaway ones). */
async function answers(url: string): Promise<boolean> {
  if (!url.startsWith('https:')) return (await fetch(url)).ok;
  return new Promise((res, rej) => {
    const req = httpsGet(url, { rejectUnauthorized: false }, (r) => {
      r.resume();
      res((r.statusCode ?? 500) < 300);
    });
    req.on('error', rej);
  });
}

/** The environment without DATABASE_URL. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const rest = { ...env };
  delete rest.DATABASE_URL;
  return rest;
}

/**
 * Starts `src/server/main.ts` on a free port, serving a private copy of dist/ (so a test can change it); over https
 * when `env` has TLS_CERT and TLS_KEY.
 */
export async function startApp(env: Record<string, string> = {}): Promise<AppServer> {
  const work = mkdtempSync(join(tmpdir(), 'si-app-'));
  const distDir = join(work, 'dist');
  const dataDir = join(work, 'data');
  cpSync(join(ROOT, 'dist'), distDir, { recursive: true });
  seedDataDir(dataDir);
  const port = await freePort();
  const url = `${env.TLS_CERT ? 'https' : 'http'}://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let log = '';
  const start = async () => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', process.env.SERVER_ENTRY ?? 'src/server/main.ts'],
      {
        cwd: ROOT,
        env: {
          // Its own embedded database in its own data folder: a DATABASE_URL of the caller's (a bench run on
          // PostgreSQL) is not inherited; `env` may still name one.
          ...withoutDatabaseUrl(process.env),
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          DIST_DIR: distDir,
          PASSWORD_HASH_COST: 'low',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    proc.stdout.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (log += d.toString()));
    try {
      await untilServing(proc, 'the server');
    } catch (e) {
      throw new Error(`${(e as Error).message}: ${log}`);
    }
    if (!(await answers(`${url}/`))) throw new Error(`the server does not serve the app: ${log}`);
  };
  const stop = async () => {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((res) => {
      c.once('exit', () => res());
      c.kill('SIGTERM');
      setTimeout(() => c.kill('SIGKILL'), 5_000);
    });
  };
  await start();
  return {
    url,
    distDir,
    dataDir,
    output: () => log,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    dispose: async () => {
      await stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** A fresh headless Chromium. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A Chromium with a profile on disk, so a test can close and reopen "the same tablet". */
export function launchPersistent(
  userDataDir: string,
  options: { readonly bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: { width: 800, height: 1100 },
    ...options,
  });
}

/** A temporary folder for a persistent browser profile. */
export const tempProfile = (): string => mkdtempSync(join(tmpdir(), 'si-profile-'));

/** The usual fixture of a browser test file: one app server and one Chromium, started before and closed after. */
export function appAndBrowser(env: Record<string, string> = {}): {
  readonly app: AppServer;
  readonly browser: Browser;
} {
  let app: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(env);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.dispose();
  });
  const started = <T>(v: T | undefined, what: string): T => {
    if (!v) throw new Error(`${what} is not started yet (use it inside a test or hook)`);
    return v;
  };
  return {
    get app() {
      return started(app, 'the app server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
  };
}

/** Waits until `check` answers true (polled, never a fixed sleep); fails naming `what` after `ms`. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  ms = 90_000,
): Promise<void> {
  await expect
    .poll(check, { timeout: ms, interval: 250, message: `timed out waiting for ${what}` })
    .toBe(true);
}
