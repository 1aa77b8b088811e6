/** `npm start`: opens the database from the environment, serves the PWA and the API on PORT, prints the URL. */
import { createServer } from './app.ts';
import { KekError } from './crypto/kek.ts';
import { createSetupCode } from './auth/setupCode.ts';
import { hasCoordinator } from './auth/users.ts';
import { dataDirFromEnv, openDbFromEnv } from './openDb.ts';
import { claimDataDir, serverUsing } from './pidFile.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const embedded = !process.env.DATABASE_URL;
const dataDir = dataDirFromEnv();
const other = embedded ? serverUsing(dataDir) : null;
if (other !== null) {
  console.error(`Another server (pid ${other}) is using ${dataDir}; stop it first.`);
  process.exit(1);
}
const release = embedded ? claimDataDir(dataDir) : () => undefined;
const db = await openDbFromEnv();
const app = await createServer({
  db,
  dataDir,
  ...(process.env.DIST_DIR ? { distDir: process.env.DIST_DIR } : {}),
}).catch(async (e: unknown) => {
  // A missing or wrong key-encryption key: say what to do, no stack trace.
  if (!(e instanceof KekError)) throw e;
  console.error(e.message);
  await db.close();
  release();
  process.exit(1);
});
app.addHook('onClose', async () => {
  await db.close();
  release();
});
await app.listen({ port, host });
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
console.log(
  `Slimme Intake serving on http://${shown}:${port}/ (${db.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'})`,
);
// First start: until a coordinator exists, each start prints a fresh one-time code (only its hash is stored).
if (!(await hasCoordinator(db))) {
  const code = await createSetupCode(db, Date.now());
  console.log(
    `No coordinator yet. Create the first one in the office workspace (http://${shown}:${port}/) with this one-time setup code:\n\n    ${code}\n`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
