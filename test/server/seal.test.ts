// Sealing: what the tablet encrypts only the matching server key opens, and any change to bytes or ids is detected.
import { describe, expect, it } from 'vitest';
import { sealRecord, unsealRecord, fromBase64, toBase64 } from '../../src/tablet/sync/seal.ts';
import { Value } from 'typebox/value';
import { canonicalJson } from '../../src/shared/contract/wire.ts';
import { validateCompletedRecord } from '../../src/shared/contract/recordCheck.ts';
import { SyncBatch } from '../../src/shared/contract/schema/tablet.ts';
import { makeRecord } from './helpers.ts';

async function keyPair() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
    'deriveBits',
  ]);
  const publicKeyJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return { privateKey: pair.privateKey, serverKey: { keyId: 'k1', publicKeyJwk } };
}

describe('sealRecord / unsealRecord', () => {
  it('round-trips a record and gives fresh bytes each time', async () => {
    const { privateKey, serverKey } = await keyPair();
    const record = makeRecord();
    const a = await sealRecord(record, serverKey);
    const b = await sealRecord(record, serverKey);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.epk).not.toBe(b.epk);
    expect(fromBase64(a.iv)).toHaveLength(12);
    expect(await unsealRecord(a, privateKey)).toEqual(record);
    expect(await unsealRecord(b, privateKey)).toEqual(record);
    expect(Value.Check(SyncBatch, { sessions: [a, b] })).toBe(true);
  });

  it('keeps personal data out of the envelope', async () => {
    const { serverKey } = await keyPair();
    const sealed = await sealRecord(makeRecord(), serverKey);
    expect(JSON.stringify(sealed)).not.toMatch(/Fatima|Vries|1980|AFSPRAAK/);
  });

  it('detects changed associated data, ciphertext, iv and the wrong key', async () => {
    const { privateKey, serverKey } = await keyPair();
    const other = await keyPair();
    const sealed = await sealRecord(makeRecord(), serverKey);
    const flip = (b64: string) => {
      const bytes = fromBase64(b64);
      bytes[0] = (bytes[0] ?? 0) ^ 0x80;
      return toBase64(bytes);
    };
    const variants = [
      { ...sealed, sessionId: makeRecord().sessionId },
      { ...sealed, instrumentVersion: 2 },
      { ...sealed, instrumentId: 'other' },
      { ...sealed, ciphertext: flip(sealed.ciphertext) },
      { ...sealed, iv: flip(sealed.iv) },
    ];
    for (const v of variants) await expect(unsealRecord(v, privateKey)).rejects.toThrow();
    await expect(unsealRecord(sealed, other.privateKey)).rejects.toThrow();
  });

  it('base64 helpers agree with Node', () => {
    const bytes = new Uint8Array(70_001).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });
});

describe('wire validators', () => {
  it('accepts a completed record and drops unknown fields', () => {
    const record = makeRecord();
    const r = validateCompletedRecord({ ...record, extra: 'x' });
    expect(r).toEqual({ ok: true, value: record });
  });

  it('reads a record from an older tablet without languagesUsed as one language', () => {
    const old: Record<string, unknown> = { ...makeRecord({ language: 'tr' }) };
    delete old.languagesUsed;
    const r = validateCompletedRecord(old);
    expect(r.ok && r.value.languagesUsed).toEqual(['tr']);
  });

  it('says what is wrong with a record', () => {
    const record = makeRecord();
    const cases: [unknown, RegExp][] = [
      [null, /record must be an object/],
      [{ ...record, sessionId: 'x' }, /sessionId/],
      [{ ...record, answers: { a: '3' } }, /answers\.a/],
      [{ ...record, details: { iban: 'NL00' } }, /details\.iban/],
      [{ ...record, language: 'Nederlands' }, /language/],
      [{ ...record, languagesUsed: 'nl' }, /languagesUsed/],
      [{ ...record, languagesUsed: ['nl', 'Arabisch'] }, /languagesUsed\[1\]/],
      [{ ...record, languagesUsed: ['ar'] }, /must include record.language/],
      [{ ...record, completedAt: -1 }, /completedAt/],
      [{ ...record, completedAt: 8.64e15 + 1 }, /completedAt/],
      [{ ...record, answeredAt: { a: 1e300 } }, /answeredAt\.a/],
      [{ ...record, reference: 'K7QM\u0000' }, /reference/],
      [{ ...record, details: { firstName: 'Ann\ud800' } }, /details\.firstName/],
      [{ ...record, profile: { ...record.profile, instrumentId: '\udc00' } }, /profile/],
      [{ ...record, profile: [] }, /profile/],
    ];
    for (const [input, message] of cases) {
      const r = validateCompletedRecord(input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
    }
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe(
      canonicalJson({ a: [{ c: null, d: 2 }], b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});
