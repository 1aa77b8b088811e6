// Test layers: pure units, components on fake-indexeddb, server, and browser tests in real Chromium.
// Where the time goes, and why each setting is what it is: test/README.md.
import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';

/**
 * Environment of every test worker, and so of every server a browser test starts. Password hashing at the cheap
 * test cost (the production cost is pinned by the password unit tests); nothing else differs from production.
 */
const env = { PASSWORD_HASH_COST: 'low' };

/** Workers for the two process-heavy layers: one per core on this 2-core machine; TEST_WORKERS to change. */
const workers = Number(process.env.TEST_WORKERS ?? 2);

export default defineConfig({
  test: {
    allowOnly: false,
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', env } },
      {
        plugins: [preact()],
        test: {
          name: 'component',
          include: ['test/component/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          setupFiles: ['test/component/setup.ts'],
          env,
        },
      },
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/server/setup.ts'],
          env,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: workers,
          // Its own group: run together with unit and component (other worker counts), vitest needs an order.
          sequence: { groupOrder: 1 },
          // Files of a worker run in one process, so they share its PGlite (test/server/sharedPglite.ts): each test
          // database is a fresh schema in it instead of a fresh initdb (~10 s of CPU each).
          isolate: false,
        },
      },
      {
        // Several real server processes on one PostgreSQL (DATABASE_URL); .ci/run runs it after the server tests.
        test: {
          name: 'instances',
          include: ['test/instances/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          env,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Each file has its own server (free port, own data folder) and Chromium, so files can run side by side.
          maxWorkers: workers,
          // The files of a worker share one module graph (Playwright, the harness, the in-process server's modules)
          // instead of loading it again per file; nothing in them keeps state across files.
          isolate: false,
          sequence: { groupOrder: 2 },
          globalSetup: ['test/browser/globalSetup.ts'],
        },
      },
    ],
  },
});
