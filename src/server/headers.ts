/** Security headers on every response, strict enough for a kiosk and loose enough for a Vite-built PWA. */
import type { FastifyInstance } from 'fastify';

/** Same-origin everything; inline styles only (Preact style props); blob:/data: for images and recorded audio. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Powerful features the kiosk and the workspace never use, switched off for this page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=(self)',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** The workspace's pages may use the microphone (the interpreter records texts there); the kiosk never may. */
export const WORKSPACE_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace(
  'microphone=()',
  'microphone=(self)',
);

/** One year, as HSTS preload lists ask; sent only on HTTPS (a browser ignores it over HTTP anyway). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Adds the headers before any handler runs, so error and 404 answers carry them too. HSTS goes out when the
 * original request was HTTPS (`request.protocol`, which follows X-Forwarded-Proto only when the proxy is trusted).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (req, reply) => {
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    const workspace = req.url === '/werkplek' || req.url.startsWith('/werkplek/');
    reply.header(
      'Permissions-Policy',
      workspace ? WORKSPACE_PERMISSIONS_POLICY : PERMISSIONS_POLICY,
    );
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    reply.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (req.protocol === 'https')
      reply.header('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  });
}
