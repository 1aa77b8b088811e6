/**
 * End-to-end sealing of completed records with WebCrypto only (browser and Node alike): ECDH P-256 with an ephemeral
 * key, HKDF-SHA-256, AES-256-GCM bound to the session id and instrument. Personal data is readable only by the server.
 */
import { sealedAssociatedData, type SealedSession } from '../../shared/contract/wire.ts';
import type { CompletedRecord } from '../../shared/core/session.ts';
import type { ServerKey } from '../../shared/contract/protocol.ts';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const INFO = new TextEncoder().encode('slimme-intake/v1');

/** Encodes bytes as standard base64 (btoa exists in browsers and Node). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Decodes standard base64; throws on garbage. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function aesKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  salt: Uint8Array<ArrayBuffer>,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const shared = await subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdf = await subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: INFO },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

/** Encrypts a completed record to the server's public key; the same record sealed twice gives different bytes. */
export async function sealRecord(
  record: CompletedRecord,
  serverKey: ServerKey,
): Promise<SealedSession> {
  const subtle = globalThis.crypto.subtle;
  const server = await subtle.importKey('jwk', serverKey.publicKeyJwk, CURVE, false, []);
  const eph = await subtle.generateKey(CURVE, true, ['deriveBits']);
  const epk = new Uint8Array(await subtle.exportKey('raw', eph.publicKey));
  const key = await aesKey(eph.privateKey, server, epk, 'encrypt');
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const head = {
    sessionId: record.sessionId,
    instrumentId: record.instrumentId,
    instrumentVersion: record.instrumentVersion,
  };
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(sealedAssociatedData(head)) },
    key,
    new TextEncoder().encode(JSON.stringify(record)),
  );
  return {
    ...head,
    keyId: serverKey.keyId,
    epk: toBase64(epk),
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  };
}

/**
 * Decrypts a sealed session with the server's private ECDH key and parses the JSON inside. Throws when the key is
 * wrong or any byte (ciphertext, iv, epk, or the ids in the associated data) was changed. The result is unvalidated.
 */
export async function unsealRecord(sealed: SealedSession, privateKey: CryptoKey): Promise<unknown> {
  const subtle = globalThis.crypto.subtle;
  const epk = fromBase64(sealed.epk);
  const eph = await subtle.importKey('raw', epk, CURVE, false, []);
  const key = await aesKey(privateKey, eph, epk, 'decrypt');
  const plain = await subtle.decrypt(
    {
      name: 'AES-GCM',
      iv: fromBase64(sealed.iv),
      additionalData: new TextEncoder().encode(sealedAssociatedData(sealed)),
    },
    key,
    fromBase64(sealed.ciphertext),
  );
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}
