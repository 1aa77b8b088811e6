// TRUST_PROXY: without it forwarded headers are ignored; with a hop count or the proxy's address, request.ip and
// request.protocol come from X-Forwarded-For/-Proto (sign-in throttle per address, Secure cookies). Bad values stop the start.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../../src/server/deploy/trustProxy.ts';
import { httpsLocation } from '../../src/server/deploy/redirect.ts';
import { serverUrls } from '../../src/server/deploy/addresses.ts';
import { tlsFilesFromEnv } from '../../src/server/deploy/tls.ts';

/** What a route sees behind `trustProxy`, for a request from `remoteAddress` with forwarded headers. */
async function seen(value: string | undefined, remoteAddress: string) {
  const app = Fastify({ trustProxy: parseTrustProxy(value) });
  app.get('/', (req, reply) => reply.send({ ip: req.ip, protocol: req.protocol }));
  const r = await app.inject({
    url: '/',
    remoteAddress,
    headers: { 'x-forwarded-for': '203.0.113.9, 198.51.100.4', 'x-forwarded-proto': 'https' },
  });
  await app.close();
  return r.json<{ ip: string; protocol: string }>();
}

describe('TRUST_PROXY', () => {
  it('unset, empty, 0 or false: forwarded headers are ignored', async () => {
    for (const v of [undefined, '', '0', 'false'])
      expect(await seen(v, '10.0.0.5')).toEqual({ ip: '10.0.0.5', protocol: 'http' });
  });

  it('a hop count trusts that many proxies (a plain number would trust nothing in fastify 5)', async () => {
    expect(await seen('1', '10.0.0.5')).toEqual({ ip: '198.51.100.4', protocol: 'https' });
    expect((await seen('2', '10.0.0.5')).ip).toBe('203.0.113.9');
  });

  it('an address list trusts only those proxies', async () => {
    expect(await seen('10.0.0.5', '10.0.0.5')).toEqual({ ip: '198.51.100.4', protocol: 'https' });
    expect(await seen('10.0.0.0/24, loopback', '10.0.0.5')).toMatchObject({ protocol: 'https' });
    expect(await seen('10.0.0.6', '10.0.0.5')).toEqual({ ip: '10.0.0.5', protocol: 'http' });
  });

  it('refuses what it cannot read, instead of trusting the wrong thing', () => {
    for (const v of ['true', 'yes', '10.0.0.300', '10.0.0.0/40', 'proxy.local'])
      expect(() => parseTrustProxy(v)).toThrow(/TRUST_PROXY/);
  });
});

describe('HTTPS settings', () => {
  it('needs both TLS_CERT and TLS_KEY, or neither', () => {
    expect(tlsFilesFromEnv({})).toBeNull();
    expect(tlsFilesFromEnv({ TLS_CERT: 'c.pem', TLS_KEY: 'k.pem' })).toEqual({
      certFile: 'c.pem',
      keyFile: 'k.pem',
    });
    expect(() => tlsFilesFromEnv({ TLS_CERT: 'c.pem' })).toThrow(/TLS_KEY/);
  });

  it('redirects http to the same host and path on the https port; refuses a malformed Host', () => {
    expect(httpsLocation('intake.test:8081', '/werkplek/?a=1', 443)).toBe(
      'https://intake.test/werkplek/?a=1',
    );
    expect(httpsLocation('Intake.Test', '/', 8443)).toBe('https://intake.test:8443/');
    expect(httpsLocation('[::1]:80', '/', 443)).toBe('https://[::1]/');
    for (const bad of [undefined, '', 'evil.test/path', 'a@b', 'x y'])
      expect(httpsLocation(bad, '/', 443)).toBeNull();
  });

  it('lists localhost and the network addresses a tablet can use', () => {
    const nics = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
      eth0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false },
        { address: 'fe80::1', family: 'IPv6', internal: false },
      ],
    } as unknown as Parameters<typeof serverUrls>[3];
    expect(serverUrls('https', '0.0.0.0', 443, nics)).toEqual([
      'https://localhost/',
      'https://192.168.1.20/',
    ]);
    expect(serverUrls('http', '127.0.0.1', 8080, nics)).toEqual(['http://127.0.0.1:8080/']);
  });
});
