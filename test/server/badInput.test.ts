// Bad input on the sync endpoint: always a 4xx with a message, never a 500, and never a changed row count.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { MAX_BATCH_SESSIONS } from '../../src/shared/contract/protocol.ts';
import { DB_KIND, fixture, makeRecord, type Fixture } from './helpers.ts';

let f: Fixture;
let good: Awaited<ReturnType<typeof sealRecord>>;
beforeAll(async () => {
  f = await fixture();
  good = await sealRecord(makeRecord(), f.tablet.serverKey);
});
afterAll(() => f.close());

async function expectRefused(status: number, body: unknown, token?: string) {
  const before = await f.counts();
  const r = await f.sync(body, token);
  expect(r.status, JSON.stringify(r.json)).toBe(status);
  const answer = r.json as { error?: unknown; message?: unknown };
  expect(typeof answer.error).toBe('string');
  expect(typeof answer.message).toBe('string');
  expect(await f.counts()).toEqual(before);
}

describe(`bad sync requests (${DB_KIND})`, () => {
  it('400 for a body that is not JSON', () => expectRefused(400, '{"sessions": ['));
  it('400 for an empty body', () => expectRefused(400, ''));
  it('400 for JSON that is not an object', () => expectRefused(400, '[1,2]'));
  it('400 for a missing sessions field', () => expectRefused(400, { records: [good] }));
  it('400 for an empty batch', () => expectRefused(400, { sessions: [] }));
  it('400 for wrong types', () =>
    expectRefused(400, { sessions: [{ ...good, instrumentVersion: '1' }] }));
  it('400 for a missing field', () => {
    const rest: Record<string, unknown> = { ...good };
    delete rest.iv;
    return expectRefused(400, { sessions: [rest] });
  });
  it('400 for a session id that is not a UUID', () =>
    expectRefused(400, { sessions: [{ ...good, sessionId: 'session-1' }] }));
  it('400 for a ciphertext that is not base64', () =>
    expectRefused(400, { sessions: [{ ...good, ciphertext: 'not base64!' }] }));
  it('400 for too many sessions', () =>
    expectRefused(400, { sessions: Array(MAX_BATCH_SESSIONS + 1).fill(good) }));
  it('400 for prototype pollution attempts', () =>
    expectRefused(400, `{"sessions":[],"__proto__":{"x":1}}`));
  it('413 for a body over 1 MiB', () =>
    expectRefused(413, { sessions: [{ ...good, ciphertext: 'A'.repeat(1_100_000) }] }));
  it('401 for a missing or unknown token', async () => {
    await expectRefused(401, { sessions: [good] }, '');
    await expectRefused(401, { sessions: [good] }, 'x'.repeat(43));
  });
  it('415 for a form post, 400 for plain text', async () => {
    for (const [type, status] of [
      ['application/x-www-form-urlencoded', 415],
      ['text/plain', 400],
    ] as const) {
      const r = await f.app.inject({
        method: 'POST',
        url: '/api/sync/sessions',
        headers: { authorization: `Bearer ${f.tablet.token}`, 'content-type': type },
        payload: 'sessions=1',
      });
      expect(r.statusCode).toBe(status);
    }
  });

  it('never answers 5xx to arbitrary JSON or text (fuzz)', async () => {
    const before = await f.counts();
    const envelope = fc.record({
      sessionId: fc.oneof(fc.uuid(), fc.string()),
      instrumentId: fc.oneof(fc.constant('pilot-2019'), fc.string()),
      instrumentVersion: fc.oneof(fc.constant(1), fc.integer(), fc.double(), fc.string()),
      keyId: fc.oneof(fc.constant(good.keyId), fc.string()),
      epk: fc.oneof(fc.constant(good.epk), fc.base64String(), fc.string()),
      iv: fc.oneof(fc.constant(good.iv), fc.base64String({ maxLength: 24 })),
      ciphertext: fc.oneof(fc.constant(good.ciphertext), fc.base64String()),
    });
    const body = fc.oneof(
      fc.json().map((j) => j),
      fc.string(),
      fc
        .record({ sessions: fc.array(fc.oneof(envelope, fc.anything()), { maxLength: 5 }) })
        .map((o) => JSON.stringify(o)),
    );
    await fc.assert(
      fc.asyncProperty(body, async (payload) => {
        const r = await f.sync(payload);
        expect(r.status).toBeLessThan(500);
      }),
      { numRuns: 150 },
    );
    const after = await f.counts();
    expect(after.devices).toBe(before.devices);
  });
});
