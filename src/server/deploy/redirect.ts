/** `HTTP_REDIRECT_PORT`: a plain-HTTP listener that only sends browsers to the HTTPS address (308, same path). */
import { createServer, type Server } from 'node:http';

/** A host name or address as it may appear in a Host header (no port, no user info, no path). */
const HOST = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d+)?$/i;

/** The https URL for a request that arrived over HTTP, or null when its Host header is missing or malformed. */
export function httpsLocation(
  hostHeader: string | undefined,
  path: string,
  httpsPort: number,
): string | null {
  const m = HOST.exec(hostHeader ?? '');
  if (!m?.[1]) return null;
  const port = httpsPort === 443 ? '' : `:${httpsPort}`;
  return `https://${m[1].toLowerCase()}${port}${path.startsWith('/') ? path : '/'}`;
}

/** Starts the redirect listener; resolves once it listens. */
export async function startHttpRedirect(
  port: number,
  host: string,
  httpsPort: number,
): Promise<Server> {
  const server = createServer((req, res) => {
    const location = httpsLocation(req.headers.host, req.url ?? '/', httpsPort);
    if (location === null) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Use https.\n');
      return;
    }
    res.writeHead(308, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`This server answers over https: ${location}\n`);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
