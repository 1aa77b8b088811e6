/** The addresses the start message prints: localhost and this machine's network addresses, where a tablet finds it. */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** How the start message begins, printed once the server listens: tests and scripts wait for it. */
export const SERVING = 'Slimme Intake serving';

/** Base URLs (ending in `/`) under which this server can be reached, localhost first. */
export function serverUrls(
  scheme: 'http' | 'https',
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  const suffix =
    (scheme === 'https' && port === 443) || (scheme === 'http' && port === 80) ? '' : `:${port}`;
  const url = (h: string) => `${scheme}://${h.includes(':') ? `[${h}]` : h}${suffix}/`;
  const any = host === '0.0.0.0' || host === '::' || host === '';
  if (!any) return [url(host)];
  const network = Object.values(interfaces)
    .flat()
    .filter((i): i is NetworkInterfaceInfo => i !== undefined && !i.internal)
    // Link-local IPv6 (fe80::) needs a zone id a browser cannot take; IPv4 only when listening on 0.0.0.0.
    .filter((i) => (host === '0.0.0.0' ? i.family === 'IPv4' : !i.address.startsWith('fe80:')))
    .map((i) => url(i.address));
  return [url('localhost'), ...new Set(network)];
}
