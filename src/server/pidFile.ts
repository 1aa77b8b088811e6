/** Embedded PGlite allows one process per data folder: the server marks the folder, the admin script checks it. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const file = (dataDir: string) => join(dataDir, 'server.pid');

/** Marks `dataDir` as in use by this process; returns the function that unmarks it. */
export function claimDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file(dataDir), String(process.pid));
  return () => rmSync(file(dataDir), { force: true });
}

/** The pid of a live server using `dataDir`, or null (a stale file from a crash counts as free). */
export function serverUsing(dataDir: string): number | null {
  if (!existsSync(file(dataDir))) return null;
  const pid = Number(readFileSync(file(dataDir), 'utf8'));
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}
