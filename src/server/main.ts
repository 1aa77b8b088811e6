/** `npm start`: opens the database from the environment, serves the PWA and the API on PORT, prints the URL. */
import type { Server as HttpsServer } from 'node:https';
import { createServer } from './app.ts';
import { KekError } from './crypto/kek.ts';
import { createSetupCode, START_CODE_OVERLAP_MS } from './auth/setupCode.ts';
import { hasCoordinator } from './auth/users.ts';
import { SERVING, serverUrls } from './deploy/addresses.ts';
import { startHttpRedirect } from './deploy/redirect.ts';
import { readTls, reloadTlsOnSighup, tlsFilesFromEnv } from './deploy/tls.ts';
import { parseTrustProxy } from './deploy/trustProxy.ts';
import { ingestThreadsFromEnv, startIngestThreads } from './ingestPool.ts';
import { dataDirFromEnv, openDbFromEnv } from './openDb.ts';
import { claimDataDir, serverUsing } from './pidFile.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const embedded = !process.env.DATABASE_URL;
const dataDir = dataDirFromEnv();
// Configuration mistakes stop the server with the reason before anything opens.
let tlsFiles: ReturnType<typeof tlsFilesFromEnv>;
let trustProxy: ReturnType<typeof parseTrustProxy>;
let ingestThreads: number;
try {
  tlsFiles = tlsFilesFromEnv();
  trustProxy = parseTrustProxy(process.env.TRUST_PROXY);
  ingestThreads = ingestThreadsFromEnv();
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
const redirectPort = process.env.HTTP_REDIRECT_PORT ? Number(process.env.HTTP_REDIRECT_PORT) : null;
if (redirectPort !== null && (!tlsFiles || !Number.isInteger(redirectPort) || redirectPort <= 0)) {
  console.error(
    'HTTP_REDIRECT_PORT needs a port number, and TLS_CERT/TLS_KEY (it sends browsers to HTTPS).',
  );
  process.exit(1);
}
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
  trustProxy,
  ingestThreads,
  ...(tlsFiles ? { https: readTls(tlsFiles) } : {}),
  ...(process.env.DIST_DIR ? { distDir: process.env.DIST_DIR } : {}),
}).catch(async (e: unknown) => {
  // A missing or wrong key-encryption key: say what to do, no stack trace.
  if (!(e instanceof KekError)) throw e;
  console.error(e.message);
  await db.close();
  release();
  process.exit(1);
});
const stopReload = tlsFiles
  ? reloadTlsOnSighup(app.server as unknown as HttpsServer, tlsFiles, console.log)
  : () => undefined;
const redirect = redirectPort !== null ? await startHttpRedirect(redirectPort, host, port) : null;
app.addHook('onClose', async () => {
  stopReload();
  redirect?.close();
  await db.close();
  release();
});
await app.listen({ port, host });
// The ingest threads start now, not on the first sync; if they cannot, that sync tries again and says why.
await startIngestThreads(ingestThreads).catch((e: unknown) =>
  console.error(`Ingest threads did not start: ${e instanceof Error ? e.message : String(e)}`),
);
const scheme = tlsFiles ? 'https' : 'http';
const urls = serverUrls(scheme, host, port);
const kind = db.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite';
console.log(`${SERVING} (${kind}) on:\n${urls.map((u) => `    ${u}`).join('\n')}`);
console.log(`Office workspace: ${urls.map((u) => `${u}werkplek/`).join('  ')}`);
if (redirect) console.log(`Plain http on port ${redirectPort} sends browsers to https.`);
if (!tlsFiles)
  console.log(
    'Tablets need HTTPS outside localhost: set TLS_CERT and TLS_KEY, or put a TLS proxy in front (README: "Deploying at an agency").',
  );
// First start: until a coordinator exists, each start prints a fresh one-time code (only its hash is stored). Codes that
// other instances print while starting beside this one keep working.
if (!(await hasCoordinator(db))) {
  const code = await createSetupCode(db, Date.now(), { keepNewerThanMs: START_CODE_OVERLAP_MS });
  console.log(
    `No coordinator yet. Open the office workspace (${urls.map((u) => `${u}werkplek/`).join(' or ')}), choose "Eerste keer?" and create the first coordinator with this one-time setup code:\n\n    ${code}\n`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
