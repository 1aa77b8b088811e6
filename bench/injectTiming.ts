// What the in-process server benches (dashboard, quality) share: enrolling tablets, signing in a coordinator and
// timing repeated GETs through app.inject, wall time and this process's CPU time (PGlite runs in it).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { createUser } from '../src/server/auth/users.ts';
import type { Db } from '../src/server/db.ts';
import { createEnrollCode } from '../src/server/devices.ts';
import { percentile } from './databases.ts';

/** Enrolls `n` tablets named "Bench 0" … and returns their device ids, for seeded measurements to point at. */
export async function enrollBenchTablets(
  app: FastifyInstance,
  db: Db,
  n: number,
): Promise<string[]> {
  const devices: string[] = [];
  for (let d = 0; d < n; d++) {
    const code = await createEnrollCode(db, `Bench ${d}`, Date.now());
    const r = await app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code } });
    devices.push(r.json<{ deviceId: string }>().deviceId);
  }
  return devices;
}

/** Creates a coordinator and signs in; the cookie header the timed requests send. */
export async function coordinatorCookie(app: FastifyInstance, db: Db): Promise<string> {
  const u = await createUser(
    db,
    {
      name: 'Bench',
      username: `bench${randomBytes(3).toString('hex')}`,
      role: 'coordinator',
      passwordHash: await hashPassword('bench password 1'),
    },
    Date.now(),
  );
  if (!u) throw new Error('no user');
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: u.username, password: 'bench password 1' },
  });
  const cookie = login.cookies.find((c) => c.name === 'si_session');
  return `si_session=${cookie?.value}`;
}

/** Wall and CPU milliseconds of each run, ascending. */
export interface Timings {
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly number[];
}

/** GETs `url` `runs` times with `cookie`; `check` throws on a wrong answer so a fast error is never a figure. */
export async function timeGets(
  app: FastifyInstance,
  url: string,
  cookie: string,
  runs: number,
  check: (r: LightMyRequestResponse) => void,
): Promise<Timings> {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const s = performance.now();
    const r = await app.inject({ method: 'GET', url, headers: { cookie } });
    wallMs.push(performance.now() - s);
    const used = process.cpuUsage(c);
    cpuMs.push((used.user + used.system) / 1000);
    check(r);
  }
  return {
    wallMs: wallMs.sort((a, b) => a - b),
    cpuMs: cpuMs.sort((a, b) => a - b),
  };
}

/** "p50 … ms, p95 … ms" of the wall times. */
export const wallFigure = (t: Timings): string =>
  `p50 ${percentile(t.wallMs, 50).toFixed(0)} ms, p95 ${percentile(t.wallMs, 95).toFixed(0)} ms`;
