// The bench's reference: the bare-stack page (bench/bare, built to dist-bench/bare by `npm run bench`) served on its
// own port, so it has its own origin, service worker and IndexedDB beside the kiosk in the same browser.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

/** Where `vite build -c bench/bare/vite.config.ts` writes the page. */
export const BARE_DIST = resolve(import.meta.dirname, '../dist-bench/bare');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Serves the built page (unknown paths get index.html, as the kiosk's server does); `close` stops it. */
export async function serveBareStack(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(join(BARE_DIST, 'index.html')))
    throw new Error('no bare-stack build: run `vite build -c bench/bare/vite.config.ts`');
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(BARE_DIST, path);
    if (!file.startsWith(BARE_DIST) || !existsSync(file) || statSync(file).isDirectory())
      file = join(BARE_DIST, 'index.html');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
