// Opens this worker's shared PGlite before the first test file's hooks, with a start-up allowance of its own (initdb
// in WASM is slow on a loaded machine), so no test's own timeout pays for it.
import { beforeAll } from 'vitest';
import { testDb } from './helpers.ts';

beforeAll(async () => {
  await (await testDb()).close();
}, 180_000);
