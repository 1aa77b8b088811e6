/** `npm start`: opens the database from the environment, serves the PWA and the API on PORT, prints the URL. */
import { createServer } from './app.ts';
import { openDbFromEnv } from './openDb.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const db = await openDbFromEnv();
const app = await createServer({
  db,
  ...(process.env.DIST_DIR ? { distDir: process.env.DIST_DIR } : {}),
});
app.addHook('onClose', () => db.close());
await app.listen({ port, host });
const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
console.log(
  `Slimme Intake serving on http://${shown}:${port}/ (${db.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'})`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
