/** HTTPS served by the server itself: `TLS_CERT` and `TLS_KEY` (PEM files), read at start and again on SIGHUP. */
import { readFileSync } from 'node:fs';
import type { Server as HttpsServer } from 'node:https';

/** Where the certificate (with its chain) and the private key are. */
export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

/** The PEM contents fastify's `https` option takes. */
export interface TlsPems {
  readonly cert: Buffer;
  readonly key: Buffer;
}

/** TLS_CERT and TLS_KEY from the environment; null when neither is set; throws when only one is. */
export function tlsFilesFromEnv(env: NodeJS.ProcessEnv = process.env): TlsFiles | null {
  const certFile = env.TLS_CERT?.trim() ?? '';
  const keyFile = env.TLS_KEY?.trim() ?? '';
  if (certFile === '' && keyFile === '') return null;
  if (certFile === '' || keyFile === '')
    throw new Error('Set both TLS_CERT and TLS_KEY (PEM files), or neither.');
  return { certFile, keyFile };
}

/** Reads the two PEM files (at start: a missing or unreadable file stops the server with the reason). */
export const readTls = (files: TlsFiles): TlsPems => ({
  cert: readFileSync(files.certFile),
  key: readFileSync(files.keyFile),
});

/**
 * On SIGHUP, reads the files again and gives new connections the renewed certificate (certbot's deploy hook, or
 * `systemctl reload`). A failed read keeps the certificate in use and says why. Returns the unsubscribe.
 */
export function reloadTlsOnSighup(
  server: HttpsServer,
  files: TlsFiles,
  log: (line: string) => void,
): () => void {
  const reload = () => {
    try {
      server.setSecureContext(readTls(files));
      log(`TLS certificate reloaded from ${files.certFile}`);
    } catch (e) {
      log(
        `TLS certificate not reloaded, the old one stays: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  process.on('SIGHUP', reload);
  return () => process.off('SIGHUP', reload);
}
