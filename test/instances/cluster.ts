// Several real server processes (`src/server/main.ts`) on one PostgreSQL database, and a round-robin proxy in front.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, createServer, type Server } from 'node:http';
import { createServer as netServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { untilServing } from '../serverProcess.ts';

const ROOT = resolve(import.meta.dirname, '../..');

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = netServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

/** A fresh database next to the one DATABASE_URL names, dropped by `drop()`. */
export async function freshDatabase(
  baseUrl: string,
  prefix = 'si_two',
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: baseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** One server process. */
export interface Instance {
  readonly url: string;
  output(): string;
  /** Resolves once it answers, rejects (with its output) when it exits first. */
  ready(): Promise<void>;
  stop(): Promise<void>;
}

/** Spawns `src/server/main.ts` on its own port and data folder (its speech cache), on database `url`. */
/** The key-encryption key every test instance shares: 32 bytes, hex. */
const CLUSTER_KEK = 'a1'.repeat(32);

export async function spawnInstance(databaseUrl: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'si-inst-'));
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: join(dataDir, 'no-dist'),
      // Every instance on one PostgreSQL shares the key that encrypts the sealing keys (the server refuses without it).
      KEY_ENCRYPTION_KEY: CLUSTER_KEK,
      PASSWORD_HASH_COST: 'low',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Listened for from the start, so a quick start message is not missed before ready() is called.
  const serving = untilServing(proc, `instance on ${port}`, 120_000);
  void serving.catch(() => undefined); // ready() reports it
  proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const instance: Instance = {
    url,
    output: () => log,
    async ready() {
      await serving.catch((e: unknown) => {
        throw new Error(`${(e as Error).message}:\n${log}`);
      });
      // "Signed out" is the answer of a live server on this database.
      const me = await fetch(`${url}/api/auth/me`);
      if (me.status !== 401) throw new Error(`instance on ${port} answers ${me.status}:\n${log}`);
    },
    async stop() {
      if (proc.exitCode === null)
        await new Promise<void>((res) => {
          proc.once('exit', () => res());
          proc.kill('SIGTERM');
          setTimeout(() => proc.kill('SIGKILL'), 5_000).unref();
        });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return instance;
}

/** A round-robin HTTP proxy: request n goes to upstream n mod k; `served` lists which upstream took each request. */
export async function roundRobinProxy(upstreams: () => readonly string[]) {
  let next = 0;
  const served: number[] = [];
  const server: Server = createServer((req, res) => {
    const list = upstreams();
    const i = next++ % list.length;
    served.push(i);
    const target = new URL(req.url ?? '/', list[i]);
    const forwarded = req.socket.remoteAddress ?? '';
    const up = httpRequest(
      target,
      {
        method: req.method,
        agent: false, // a fresh connection per request: no kept-alive socket the upstream may have closed
        headers: {
          ...req.headers,
          host: target.host,
          'x-forwarded-for': forwarded,
          'x-forwarded-proto': 'http',
        },
      },
      (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      },
    );
    up.on('error', () => res.writeHead(502).end());
    req.pipe(up);
  });
  // Longer than any pause in a test, so the client never reuses a connection the proxy is just closing (ECONNRESET).
  server.keepAliveTimeout = 120_000;
  const port = await freePort();
  await new Promise<void>((res) => server.listen(port, '127.0.0.1', () => res()));
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise<void>((res) => server.close(() => res())),
  };
}
