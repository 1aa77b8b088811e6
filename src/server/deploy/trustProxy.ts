/**
 * `TRUST_PROXY`: which proxies in front of the server may tell it the client's address and scheme (X-Forwarded-For,
 * X-Forwarded-Proto). Unset: nobody, forwarded headers are ignored. A hop count, or a list of proxy addresses.
 */
import { isIP } from 'node:net';

/** What fastify's `trustProxy` accepts that we use: nothing, a hop test, or addresses and subnets. */
export type TrustProxy = false | ((address: string, hop: number) => boolean) | string[];

/** proxy-addr's names for address ranges. */
const RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const validEntry = (entry: string): boolean => {
  if (RANGES.has(entry)) return true;
  const [ip, bits, ...rest] = entry.split('/');
  if (rest.length > 0 || !ip) return false;
  const family = isIP(ip);
  if (family === 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
};

/**
 * Parses TRUST_PROXY. `1` (or any hop count n): trust the n nearest proxies, as a function because fastify 5 treats a
 * plain number as "trust nothing". `10.0.0.5, 10.1.0.0/16, loopback`: trust those addresses. Throws on anything else,
 * so a typo stops the server instead of trusting the wrong thing.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_address, hop) => hop < hops;
  }
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const bad = entries.filter((e) => !validEntry(e));
  if (entries.length === 0 || bad.length > 0)
    throw new Error(
      `TRUST_PROXY must be a hop count (1) or proxy addresses (10.0.0.5, 10.1.0.0/16, loopback); not understood: ${bad.join(', ') || v}`,
    );
  return entries;
}
