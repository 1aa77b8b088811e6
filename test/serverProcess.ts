// Tests that start the real server as a process (test/browser/harness.ts, test/instances/cluster.ts) wait for its
// start message instead of polling a URL.
import type { ChildProcess } from 'node:child_process';
import { SERVING } from '../src/server/deploy/addresses.ts';

/**
 * Resolves when `proc` prints that it is serving (it listens by then); rejects, naming `what`, when it exits first or
 * has not started after `ms` (a loaded machine starts PGlite slowly).
 */
export function untilServing(proc: ChildProcess, what: string, ms = 240_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let printed = '';
    const finish = (error?: Error) => {
      clearTimeout(timer);
      proc.stdout?.off('data', onData);
      proc.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onData = (d: Buffer) => {
      printed += d.toString();
      if (printed.includes(SERVING)) finish();
    };
    const onExit = () => finish(new Error(`${what} exited before it was serving`));
    const timer = setTimeout(
      () => finish(new Error(`${what} was not serving after ${ms / 1000} s`)),
      ms,
    );
    proc.stdout?.on('data', onData);
    proc.once('exit', onExit);
    if (proc.exitCode !== null) onExit();
  });
}
