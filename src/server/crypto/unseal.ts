/**
 * Server-side unsealing with node:crypto: the same ECDH P-256 + HKDF-SHA-256 + AES-256-GCM as `sync/seal.ts`,
 * about 2.7× faster per record than WebCrypto in Node (1.19 → 0.44 ms measured here), which bounds ingest.
 */
import { createDecipheriv, createPublicKey, diffieHellman, hkdfSync, KeyObject } from 'node:crypto';
import { sealedAssociatedData, type SealedSession } from '../../shared/contract/wire.ts';

const INFO = 'slimme-intake/v1';
const TAG_BYTES = 16;
const asKeyObject = new WeakMap<CryptoKey, KeyObject>();

/** The node:crypto form of a WebCrypto private key (converted once per key), which can cross to a worker thread. */
export function privateKeyObject(privateKey: CryptoKey): KeyObject {
  let key = asKeyObject.get(privateKey);
  if (!key) {
    key = KeyObject.from(privateKey);
    asKeyObject.set(privateKey, key);
  }
  return key;
}

/** Decrypts and parses a sealed session; throws when the key is wrong or any sealed byte was changed. */
export function unsealOnServer(sealed: SealedSession, privateKey: CryptoKey | KeyObject): unknown {
  const key = privateKey instanceof KeyObject ? privateKey : privateKeyObject(privateKey);
  const epk = Buffer.from(sealed.epk, 'base64');
  if (epk.length !== 65 || epk[0] !== 4)
    throw new Error('ephemeral key is not an uncompressed P-256 point');
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: epk.subarray(1, 33).toString('base64url'),
      y: epk.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const shared = diffieHellman({ privateKey: key, publicKey });
  const aes = Buffer.from(hkdfSync('sha256', shared, epk, INFO, 32));
  const data = Buffer.from(sealed.ciphertext, 'base64');
  if (data.length <= TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', aes, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(sealedAssociatedData(sealed)));
  decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
  const plain = Buffer.concat([
    decipher.update(data.subarray(0, data.length - TAG_BYTES)),
    decipher.final(),
  ]);
  return JSON.parse(plain.toString('utf8')) as unknown;
}
