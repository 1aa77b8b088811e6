/** Serves the built PWA from dist/ and the office workspace from dist/werkplek/: hashed assets cached for a year, everything else revalidated, SPA fallbacks. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { sendError } from './errors.ts';

/** Registers dist/ (if it was built) and the not-found handler: index.html for navigation, JSON 404 for the API. */
export async function registerStatic(app: FastifyInstance, distDir: string): Promise<void> {
  const built = existsSync(join(distDir, 'index.html'));
  if (built)
    await app.register(fastifyStatic, {
      root: distDir,
      wildcard: true,
      index: ['index.html'],
      // Our setHeaders decides caching; the plugin's default max-age=0 would be overwritten anyway.
      cacheControl: false,
      setHeaders(res, path) {
        // Vite names assets by content hash, the audio build names clips and bundles so too; sw.js, index.html and
        // the manifests must be checked on every load.
        const immutable =
          /[\\/]assets[\\/]/.test(path) ||
          (/[\\/]audio[\\/][^\\/]+[\\/][^\\/]+$/.test(path) && !path.endsWith('manifest.json'));
        res.setHeader(
          'Cache-Control',
          immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  app.setNotFoundHandler(async (req: FastifyRequest, reply: FastifyReply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/'))
      return sendError(reply, 404, 'not_found', 'no such API route');
    const navigation =
      (req.method === 'GET' || req.method === 'HEAD') &&
      !/\.[A-Za-z0-9]+$/.test(path) &&
      (req.headers.accept ?? '').includes('text/html');
    // The office workspace has its own page; its deep links (/werkplek/clients/<id>) fall back to it, not the kiosk.
    const workspace = path === '/werkplek' || path.startsWith('/werkplek/');
    if (navigation && built && workspace && existsSync(join(distDir, 'werkplek', 'index.html')))
      return reply
        .header('Cache-Control', 'no-cache')
        .sendFile('index.html', join(distDir, 'werkplek'));
    if (navigation && built)
      return reply.header('Cache-Control', 'no-cache').sendFile('index.html', distDir);
    if (navigation)
      return reply.code(503).type('text/plain').send('App not built: run npm run build');
    return sendError(reply, 404, 'not_found', 'not found');
  });
}
