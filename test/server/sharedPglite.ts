// One in-memory PGlite per test worker, a fresh schema per test database: starting PGlite runs initdb in WASM
// (about 10 s of CPU), a new schema with the migrations takes a fraction of that. Same SQL, same migrations.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/server/db.ts';
import { openPglite } from '../../src/server/dbPglite.ts';

let shared: Promise<Db> | undefined;
/** The schema the shared session's search_path points at now. */
let current = '';
/** Every use of the shared session runs in turn, so a `SET search_path` and its statement are never split. */
let queue: Promise<unknown> = Promise.resolve();

function inTurn<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/** A database in its own new schema of this worker's PGlite; `close` drops the schema (the PGlite stays open). */
export async function schemaOnSharedPglite(): Promise<Db> {
  shared ??= openPglite();
  const base = await shared;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const use = async () => {
    if (current === schema) return;
    await base.exec(`SET search_path TO "${schema}"`);
    current = schema;
  };
  await inTurn(() => base.exec(`CREATE SCHEMA "${schema}"`));
  return {
    kind: 'pglite',
    query: (sql, params) =>
      inTurn(async () => {
        await use();
        return base.query(sql, params);
      }),
    exec: (sql) =>
      inTurn(async () => {
        await use();
        await base.exec(sql);
      }),
    transaction: (fn) =>
      inTurn(async () => {
        await use();
        return base.transaction(fn);
      }),
    close: () =>
      inTurn(async () => {
        await base.exec(`DROP SCHEMA "${schema}" CASCADE`);
        if (current === schema) current = '';
      }),
  };
}
