// Data at rest (issue 11 §7): sealing keys wrapped with the operator's key-encryption key, refusal to start without
// it, destroying a retired key once no tablet waits, and erased names gone from the PGlite data folder.
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ClientSummary, ServerKeyStatus } from '../../src/shared/contract/workspaceApi.ts';
import type { EnrollResponse } from '../../src/shared/contract/protocol.ts';
import { createServer } from '../../src/server/app.ts';
import { DEFAULT_KEK_FILE, KekError, parseKek } from '../../src/server/crypto/kek.ts';
import { prepareKek } from '../../src/server/crypto/keyStore.ts';
import { ensureServerKey, PrivateKeys, rotateServerKey } from '../../src/server/crypto/keys.ts';
import type { Db } from '../../src/server/db.ts';
import { openPglite } from '../../src/server/dbPglite.ts';
import { migrate } from '../../src/server/migrate.ts';
import { createEnrollCode } from '../../src/server/devices.ts';
import { sealRecord } from '../../src/tablet/sync/seal.ts';
import { DB_KIND, makeRecord, testDb, TEST_KEK } from './helpers.ts';
import { signedIn, ws } from './workspaceHelpers.ts';

let dir: string;
let db: Db;
beforeAll(async () => {
  db = await testDb();
  await migrate(db);
}, 180_000);
afterAll(() => db.close());
// Each test starts without keys (a fresh install) and with its own data folder.
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'si-rest-'));
  await db.query('DELETE FROM server_keys');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const quiet = () => undefined;
const rawKeys = async () =>
  (
    await db.query<{ key_id: string; private_jwk: unknown }>(
      'SELECT key_id, private_jwk FROM server_keys',
    )
  ).rows;

describe(`sealing keys wrapped with the key-encryption key (${DB_KIND})`, () => {
  it('generates a 0600 key file on a fresh embedded install and stores no private key in the clear', async () => {
    const kek = await prepareKek(db, { env: {}, dataDir: dir, embedded: true, log: quiet });
    await ensureServerKey(db, kek, Date.now());
    const file = join(dir, DEFAULT_KEK_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const [row] = await rawKeys();
    expect(JSON.stringify(row?.private_jwk)).not.toMatch(/"d"\s*:/);
    expect(row?.private_jwk).toMatchObject({ kek: 'A256GCM' });
    // The next start finds the file; the key opens.
    const again = await prepareKek(db, { env: {}, dataDir: dir, embedded: true, log: quiet });
    expect(await new PrivateKeys(db, again).get(row!.key_id)).not.toBeNull();
  });

  it('refuses to start when keys exist but the key-encryption key is missing or another one', async () => {
    const kek = await prepareKek(db, { env: {}, dataDir: dir, embedded: true, log: quiet });
    await ensureServerKey(db, kek, Date.now());
    rmSync(join(dir, DEFAULT_KEK_FILE));
    await expect(
      prepareKek(db, { env: {}, dataDir: dir, embedded: true, log: quiet }),
    ).rejects.toThrow(/no key-encryption key is configured.*KEY_ENCRYPTION_KEY/);
    const other = { KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64') };
    await expect(
      prepareKek(db, { env: other, dataDir: dir, embedded: true, log: quiet }),
    ).rejects.toThrow(KekError);
    const hex = { KEY_ENCRYPTION_KEY: kek.key.toString('hex') };
    expect((await prepareKek(db, { env: hex, dataDir: dir, embedded: true, log: quiet })).kid).toBe(
      kek.kid,
    );
  });

  it('asks for a key on PostgreSQL, refuses a key file others can read, and rejects a short key', async () => {
    await expect(
      prepareKek(db, { env: {}, dataDir: null, embedded: false, log: quiet }),
    ).rejects.toThrow(/With PostgreSQL set KEY_ENCRYPTION_KEY/);
    const file = join(dir, 'kek');
    writeFileSync(file, randomBytes(32).toString('base64'));
    chmodSync(file, 0o644);
    const env = { KEY_ENCRYPTION_KEY_FILE: file };
    await expect(
      prepareKek(db, { env, dataDir: null, embedded: false, log: quiet }),
    ).rejects.toThrow(/chmod 600/);
    chmodSync(file, 0o600);
    expect(
      (await prepareKek(db, { env, dataDir: null, embedded: false, log: quiet })).source,
    ).toContain(file);
    expect(() => parseKek('too short', 'KEY_ENCRYPTION_KEY')).toThrow(/openssl rand -base64 32/);
  });

  it('wraps a key an earlier version stored in the clear, and it still opens', async () => {
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, [
      'deriveBits',
    ]);
    const priv = await crypto.subtle.exportKey('jwk', pair.privateKey);
    const pub = await crypto.subtle.exportKey('jwk', pair.publicKey);
    await db.query(
      `INSERT INTO server_keys (key_id, private_jwk, public_jwk, created_at, active) VALUES ('k-old', $1::jsonb, $2::jsonb, now(), true)`,
      [JSON.stringify(priv), JSON.stringify(pub)],
    );
    await prepareKek(db, {
      env: { KEY_ENCRYPTION_KEY: TEST_KEK.key.toString('base64') },
      dataDir: null,
      embedded: false,
      log: quiet,
    });
    const [row] = await rawKeys();
    expect(JSON.stringify(row?.private_jwk)).not.toContain(priv.d!);
    expect(await new PrivateKeys(db, TEST_KEK).get('k-old')).not.toBeNull();
  });
});

describe(`destroying a retired key (${DB_KIND})`, () => {
  let app: FastifyInstance;
  let now = Date.parse('2026-03-02T09:00:00Z');
  beforeEach(async () => {
    await db.query('DELETE FROM devices');
    app = await createServer({
      db,
      log: false,
      clock: () => now,
      distDir: '/nonexistent',
      kek: TEST_KEK,
    });
  });
  afterEach(() => app.close());

  const enroll = async () => {
    const code = await createEnrollCode(db, 'Tablet A', now);
    return (
      await app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code } })
    ).json<EnrollResponse>();
  };
  const report = (token: string, queued: number) =>
    app.inject({
      method: 'POST',
      url: '/api/devices/status',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        queued,
        rejected: 0,
        storage: { persisted: true, usageBytes: 1, quotaBytes: 2, error: null },
        appVersion: '1',
      },
    });

  it('waits for every tablet to report an empty outbox after the rotation, then destroys it, audited', async () => {
    const tablet = await enroll();
    const coord = await signedIn(app, db, 'coordinator');
    const staff = await signedIn(app, db, 'staff');
    const old = tablet.serverKey.keyId;
    now += 60_000;
    await rotateServerKey(db, TEST_KEK, now);
    now += 60_000;
    const destroy = () =>
      ws(app, 'POST', `/api/server-keys/${old}/destroy`, { cookie: coord.cookie });
    expect(
      (await ws(app, 'POST', `/api/server-keys/${old}/destroy`, { cookie: staff.cookie }))
        .statusCode,
    ).toBe(403);
    const early = await destroy();
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'key_in_use' });
    expect(early.json<{ message: string }>().message).toContain('Tablet A');
    expect((await report(tablet.token, 2)).statusCode).toBeLessThan(300);
    expect((await destroy()).statusCode).toBe(409);
    now += 60_000;
    expect((await report(tablet.token, 0)).statusCode).toBeLessThan(300);
    const keys = (await ws(app, 'GET', '/api/server-keys', { cookie: coord.cookie })).json<
      ServerKeyStatus[]
    >();
    expect(keys.find((k) => k.keyId === old)?.waitingFor).toEqual([]);
    const done = await destroy();
    expect(done.statusCode).toBe(200);
    expect(done.json<ServerKeyStatus>().destroyedAt).not.toBeNull();
    const [row] = (
      await db.query<{ p: unknown }>('SELECT private_jwk AS p FROM server_keys WHERE key_id = $1', [
        old,
      ])
    ).rows;
    expect(row?.p).toBeNull();
    const audit = await db.query<{ detail: string }>(
      "SELECT detail FROM audit_log WHERE action = 'key_destroy'",
    );
    expect(audit.rows.map((r) => r.detail)).toEqual([`server key ${old}`]);
    const active = keys.find((k) => k.active)!;
    expect(
      (
        await ws(app, 'POST', `/api/server-keys/${active.keyId}/destroy`, { cookie: coord.cookie })
      ).json(),
    ).toMatchObject({ error: 'key_active' });
  });
});

/** How many times `needle` occurs in the files under `root`. */
function occurrences(root: string, needle: string): number {
  let n = 0;
  const want = Buffer.from(needle);
  for (const e of readdirSync(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const data = readFileSync(join(e.parentPath, e.name));
    for (let i = data.indexOf(want); i !== -1; i = data.indexOf(want, i + 1)) n++;
  }
  return n;
}

describe.skipIf(DB_KIND !== 'pglite')('erasure leaves no copy in the PGlite data folder', () => {
  it(
    'finds the erased name 0 times in the data files after erasing the client',
    { timeout: 300_000 },
    async () => {
      const dataDir = join(dir, 'data');
      const disk = await openPglite(join(dataDir, 'pglite'));
      const app = await createServer({
        db: disk,
        dataDir,
        log: false,
        distDir: '/nonexistent',
        kek: TEST_KEK,
      });
      const code = await createEnrollCode(disk, 'Tablet', Date.now());
      const tablet = (
        await app.inject({ method: 'POST', url: '/api/devices/enroll', payload: { code } })
      ).json<EnrollResponse>();
      const name = 'Zwartbroekje';
      // The name on the ID document is its own column (clients.document_name): erased too.
      const docName = 'Kwikstaartje';
      const records = [
        ...Array.from({ length: 8 }, () =>
          makeRecord({
            reference: 'R-Z',
            details: {
              firstName: 'Fenna',
              lastName: name,
              dateOfBirth: '1977-07-07',
              documentName: `Fenna ${docName}`,
            },
          }),
        ),
        ...Array.from({ length: 4 }, () =>
          makeRecord({
            reference: 'R-A',
            details: { firstName: 'Piet', lastName: 'Anders', dateOfBirth: '1960-01-01' },
          }),
        ),
      ];
      const sync = await app.inject({
        method: 'POST',
        url: '/api/sync/sessions',
        headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'application/json' },
        payload: JSON.stringify({
          sessions: await Promise.all(records.map((r) => sealRecord(r, tablet.serverKey))),
        }),
      });
      expect(sync.statusCode).toBe(200);
      const coord = await signedIn(app, disk, 'coordinator');
      await disk.exec('CHECKPOINT');
      expect(occurrences(dataDir, name)).toBeGreaterThan(0);
      expect(occurrences(dataDir, docName)).toBeGreaterThan(0);
      const [client] = (
        await ws(app, 'GET', `/api/clients?q=${name}`, { cookie: coord.cookie })
      ).json<ClientSummary[]>();
      expect(
        (await ws(app, 'DELETE', `/api/clients/${client!.id}`, { cookie: coord.cookie }))
          .statusCode,
      ).toBe(204);
      await app.close();
      await disk.close();
      expect(occurrences(dataDir, name)).toBe(0);
      expect(occurrences(dataDir, docName)).toBe(0);
      // The other client is still there (compressed rows need not show up to a byte search, so ask the database).
      const again = await openPglite(join(dataDir, 'pglite'));
      const left = await again.query<{ n: number }>('SELECT count(*)::int AS n FROM measurements');
      await again.close();
      expect(left.rows[0]?.n).toBe(4);
    },
  );
});
