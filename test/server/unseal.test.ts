// The server's node:crypto unsealing opens exactly what the tablet's WebCrypto sealing closed, and nothing altered.
import { describe, expect, it } from 'vitest';
import { unsealOnServer } from '../../src/server/crypto/unseal.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import type { CompletedRecord } from '../../src/shared/core/session.ts';

const record = {
  sessionId: '00000000-0000-4000-8000-00000000abcd',
  instrumentId: 'pilot-2019',
  instrumentVersion: 1,
  details: { firstName: 'Zoë' },
  answers: { A1: 5 },
} as unknown as CompletedRecord;

describe('unsealOnServer', () => {
  it('opens a WebCrypto-sealed record and refuses any altered byte or another key', async () => {
    const subtle = globalThis.crypto.subtle;
    const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ]);
    const other = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ]);
    const sealed = await sealRecord(record, {
      keyId: 'k1',
      publicKeyJwk: await subtle.exportKey('jwk', pair.publicKey),
    });
    expect(unsealOnServer(sealed, pair.privateKey)).toEqual(record);
    expect(() => unsealOnServer(sealed, other.privateKey)).toThrow();
    const flip = (b64: string) => {
      const b = Buffer.from(b64, 'base64');
      b[b.length - 20] = (b[b.length - 20] ?? 0) ^ 1;
      return b.toString('base64');
    };
    expect(() =>
      unsealOnServer({ ...sealed, ciphertext: flip(sealed.ciphertext) }, pair.privateKey),
    ).toThrow();
    expect(() => unsealOnServer({ ...sealed, instrumentVersion: 2 }, pair.privateKey)).toThrow();
    expect(() =>
      unsealOnServer(
        { ...sealed, sessionId: '00000000-0000-4000-8000-00000000abce' },
        pair.privateKey,
      ),
    ).toThrow();
    expect(() => unsealOnServer({ ...sealed, epk: 'AAAA' }, pair.privateKey)).toThrow();
    // An uncompressed point of the right length that is not on the curve.
    const offCurve = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64');
    expect(() => unsealOnServer({ ...sealed, epk: offCurve }, pair.privateKey)).toThrow();
    // The same key again (its ECDH form is kept per key) still opens the untouched record.
    expect(unsealOnServer(sealed, pair.privateKey)).toEqual(record);
  });
});
