/** Builds the server (API + static PWA) around a database, so tests run it in-process and main.ts runs it for real. */
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { tabletRoutes, type ApiContext } from './api.ts';
import { registerJsonOnly } from './auth/jsonOnly.ts';
import { registerSameOrigin } from './auth/sameOrigin.ts';
import { ownAccountRoutes, signInRoutes } from './auth/routes.ts';
import { orgRoutes, startRetentionJob } from './clients/orgRoutes.ts';
import { clientAdminRoutes, clientRoutes } from './clients/routes.ts';
import { prepareClientData } from './clients/startup.ts';
import { fillAnswerCodes } from './quality/answerCodes.ts';
import { qualityRoutes } from './quality/routes.ts';
import { linkCaseloads } from './clients/caseloads.ts';
import { userRoutes } from './auth/userRoutes.ts';
import type { CaseloadSource } from './auth/users.ts';
import { auditRoutes } from './office/auditRoutes.ts';
import { deviceAdminRoutes } from './office/deviceRoutes.ts';
import { keyRoutes } from './office/keyRoutes.ts';
import { settingsRoutes } from './office/settingsRoutes.ts';
import { translationRoutes } from './office/translationRoutes.ts';
import { instrumentRoutes } from './office/instrumentRoutes.ts';
import type { Kek } from './crypto/kek.ts';
import { prepareKek } from './crypto/keyStore.ts';
import { ensureServerKey, PrivateKeys } from './crypto/keys.ts';
import type { Db } from './db.ts';
import { openPglite } from './dbPglite.ts';
import { clientErrorHandler, frameworkErrors, registerErrorHandler } from './errors.ts';
import { registerSecurityHeaders } from './headers.ts';
import { ingestThreadsFromEnv } from './ingestPool.ts';
import { loadInstruments, type InstrumentRegistry } from './instruments.ts';
import { migrate } from './migrate.ts';
import { openApiRoutes } from './openapi.ts';
import { plugin, useContract } from './routing.ts';
import { registerStatic } from './staticFiles.ts';
import type { TlsPems } from './deploy/tls.ts';
import type { TrustProxy } from './deploy/trustProxy.ts';
import { packRoutes, recordingRoutes } from './recordings/routes.ts';
import { createClipJob, type ClipJob } from './speech/clipJob.ts';
import { registerSpeechRoute, type SpeechLimits } from './speech/route.ts';
import { sentenceSpeechRoutes, type SentenceLimits } from './speech/sentenceRoute.ts';
import type { RenderPool } from '../shared/speechRender/renderPool.ts';

/** How to build a server; everything has a default except where the data lives. */
export interface ServerOptions {
  /** An open database; when absent, PGlite is opened in `dataDir` (and closed with the server). */
  readonly db?: Db;
  /** Where embedded PGlite keeps its files when no `db` is given, and `speech/` the rendered agency names. */
  readonly dataDir?: string;
  /** Where /api/speech keeps its renderings; defaults to `dataDir/speech`. */
  readonly speechCacheDir?: string;
  /** Other limits for /api/speech (tests), and a look at its render pool once it exists. */
  readonly speechLimits?: SpeechLimits;
  readonly onSpeechPool?: (pool: RenderPool) => void;
  /** Sees the job that renders read-aloud clips of changed texts (tests wait for it). */
  readonly onClipJob?: (job: ClipJob) => void;
  /** Other limits for /api/speech/sentence (tests). */
  readonly sentenceLimits?: SentenceLimits;
  /** The built PWA; defaults to ./dist. */
  readonly distDir?: string;
  /** Access-log sink; false for silence (tests). Lines hold method, route pattern, status and duration only. */
  readonly log?: false | ((line: string) => void);
  /** Milliseconds since the epoch; tests move time (code expiry) with it. */
  readonly clock?: () => number;
  /** Instrument registry; defaults to every src/shared/instruments/*.json. */
  readonly instruments?: InstrumentRegistry;
  /** 0 ≤ r < 1 for the random link to staff; tests inject their own. */
  readonly random?: () => number;
  /** Clients linked per user, for the account list; none until client linking is registered. */
  readonly caseloads?: CaseloadSource;
  /** Serve HTTPS with this certificate and key (TLS_CERT/TLS_KEY); plain HTTP when absent. */
  readonly https?: TlsPems;
  /** Which proxies may set the client address and scheme (TRUST_PROXY); none when absent. */
  readonly trustProxy?: TrustProxy;
  /** The key-encryption key; by default from KEY_ENCRYPTION_KEY(_FILE) or the data folder (see crypto/keyStore.ts). */
  readonly kek?: Kek;
  /** Worker threads that open sealed sessions; by default INGEST_WORKERS, else one per core (ingestPool.ts). */
  readonly ingestThreads?: number;
  /** Called with every route as it is registered (the access-matrix test collects them). */
  readonly onRoute?: (route: { method: string | string[]; url: string }) => void;
}

/** Migrates the database, makes sure a server key exists, and returns a fastify app ready to listen or inject. */
export async function createServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const clock = options.clock ?? Date.now;
  const log = options.log === false ? () => undefined : (options.log ?? console.log);
  const ownDb = options.db === undefined;
  const db = options.db ?? (await openPglite(join(options.dataDir ?? 'data', 'pglite')));
  await prepareClientData(db, await migrate(db), clock());
  const kek =
    options.kek ??
    (await prepareKek(db, {
      env: process.env,
      dataDir: options.dataDir ?? (db.kind === 'pglite' ? 'data' : null),
      embedded: db.kind === 'pglite',
      log,
    }));
  await ensureServerKey(db, kek, clock());

  // With https the instance's server is an https.Server; the routes see the same request and reply types.
  const app = Fastify({
    logger: false,
    bodyLimit: 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    ...(options.https ? { https: options.https } : {}),
    // Bad percent-encoding and the like never reach a route; they still answer {error, message}.
    frameworkErrors,
    clientErrorHandler,
  }) as unknown as FastifyInstance;
  registerSecurityHeaders(app);
  registerErrorHandler(app, log);
  useContract(app);
  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? '(not found)';
    log(`${req.method} ${route} ${reply.statusCode} ${reply.elapsedTime.toFixed(1)}ms`);
  });
  if (options.onRoute) {
    const onRoute = options.onRoute;
    app.addHook('onRoute', (r) => onRoute({ method: r.method, url: r.url }));
  }
  await app.register(fastifyCookie);
  registerJsonOnly(app);
  registerSameOrigin(app);
  let clipJob: ClipJob | null = null;
  const ctx: ApiContext = {
    db,
    keys: new PrivateKeys(db, kek),
    kek,
    instruments: options.instruments ?? loadInstruments(),
    ingestThreads: options.ingestThreads ?? ingestThreadsFromEnv(),
    clock,
    onTextsChanged: () => clipJob?.kick(),
  };
  await ctx.instruments.refresh(db); // the versions coordinators loaded, beside the files
  await fillAnswerCodes(db, ctx.instruments);
  // One plugin per resource; each puts its role check on all its routes (fastify scopes the hook to the plugin).
  await app.register(plugin(openApiRoutes));
  await app.register(tabletRoutes, ctx);
  await app.register(plugin(signInRoutes), ctx);
  await app.register(plugin(ownAccountRoutes), ctx);
  const workspace = { ...ctx, random: options.random ?? Math.random };
  await app.register(plugin(clientRoutes), workspace);
  await app.register(plugin(clientAdminRoutes), workspace);
  await app.register(plugin(orgRoutes), workspace);
  await app.register(plugin(qualityRoutes), ctx);
  await startRetentionJob(app, workspace, log);
  await app.register(plugin(userRoutes), { ...ctx, caseloads: options.caseloads ?? linkCaseloads });
  await app.register(plugin(settingsRoutes), ctx);
  await app.register(plugin(translationRoutes), ctx);
  await app.register(plugin(instrumentRoutes), ctx);
  await app.register(plugin(auditRoutes), ctx);
  await app.register(plugin(deviceAdminRoutes), ctx);
  await app.register(plugin(keyRoutes), ctx);
  const distDir = options.distDir ?? join(process.cwd(), 'dist');
  await app.register(plugin(recordingRoutes), { ...ctx, distDir });
  await app.register(plugin(packRoutes), { ...ctx, distDir });
  const speechPool = registerSpeechRoute(app, {
    cacheDir: options.speechCacheDir ?? join(options.dataDir ?? 'data', 'speech'),
    clock,
    ...(options.speechLimits ? { limits: options.speechLimits } : {}),
    ...(options.onSpeechPool ? { onPool: options.onSpeechPool } : {}),
  });
  await app.register(plugin(sentenceSpeechRoutes), {
    ...ctx,
    pool: speechPool,
    ...(options.sentenceLimits ? { sentenceLimits: options.sentenceLimits } : {}),
  });
  // Read-aloud of texts changed after the build: at start for what is missing, then at every change of texts.
  const job = createClipJob({
    db,
    instruments: ctx.instruments,
    distDir,
    pool: speechPool,
    clock,
    log,
  });
  clipJob = job;
  options.onClipJob?.(job);
  const unsubscribe = ctx.instruments.onCurrentChange(() => job.kick());
  app.addHook('onReady', (done) => {
    job.kick();
    done();
  });
  app.addHook('onClose', async () => {
    unsubscribe();
    await job.close();
  });
  await registerStatic(app, distDir);
  if (ownDb) app.addHook('onClose', () => db.close());
  return app;
}
