// Sign-in that cannot be outrun (issue 11 §5): parallel guesses are admitted one by one, a stranger slows down only
// their own account-and-address, the owner from another address gets in, and hashes move to the current cost.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSetupCode } from '../../src/server/auth/setupCode.ts';
import {
  hashPassword,
  LOW_SCRYPT,
  OWASP_SCRYPT,
  passwordHashParams,
} from '../../src/server/auth/passwords.ts';
import { ACCOUNT_ADDRESS_FAILURES, ADDRESS_FAILURES } from '../../src/server/auth/throttle.ts';
import { DB_KIND, fixture, type Fixture } from './helpers.ts';
import { addUser, signIn, TEST_PASSWORD, ws } from './workspaceHelpers.ts';

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
}, 180_000);
afterEach(() => f.close());

const STRANGER = '203.0.113.66';
const OWNER = '198.51.100.7';

const login = (username: string, password: string, remoteAddress: string) =>
  f.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { username, password },
  });

/** Sends `n` wrong passwords at once and counts the ones that were checked (401) and refused unchecked (429). */
async function burst(username: string, n: number, remoteAddress = STRANGER) {
  const answers = await Promise.all(
    Array.from({ length: n }, (_, i) => login(username, `wrong password ${i}`, remoteAddress)),
  );
  const codes = answers.map((r) => r.statusCode);
  return {
    checked: codes.filter((c) => c === 401).length,
    refused: codes.filter((c) => c === 429).length,
    other: codes.filter((c) => c !== 401 && c !== 429).length,
  };
}

describe(`sign-in throttle under a parallel burst (${DB_KIND})`, () => {
  it('checks at most the allowed number of 150 parallel wrong passwords', async () => {
    const u = await addUser(f.db, 'coordinator');
    const r = await burst(u.username, 150);
    expect(r.other).toBe(0);
    expect(r.checked).toBe(ACCOUNT_ADDRESS_FAILURES);
    expect(r.refused).toBe(150 - ACCOUNT_ADDRESS_FAILURES);
    const audited = await f.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'sign_in_failed'",
    );
    expect(audited.rows[0]?.n).toBe(ACCOUNT_ADDRESS_FAILURES);
  });

  it('checks at most the per-address number when a burst spreads over many usernames', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login(`guess${i}`, 'wrong password!', STRANGER)),
    );
    expect(answers.filter((r) => r.statusCode === 401)).toHaveLength(ADDRESS_FAILURES);
  });

  it('lets the owner in from another address while a stranger hammers the account', async () => {
    const u = await addUser(f.db, 'coordinator');
    const hammering = burst(u.username, 200);
    const owner = await login(u.username, TEST_PASSWORD, OWNER);
    expect(owner.statusCode).toBe(200);
    const r = await hammering;
    expect(r.checked).toBeLessThanOrEqual(ACCOUNT_ADDRESS_FAILURES);
    // Still during the stranger's wait: the owner signs in again, the stranger's right guess would not be checked.
    expect((await login(u.username, TEST_PASSWORD, OWNER)).statusCode).toBe(200);
    expect((await login(u.username, TEST_PASSWORD, STRANGER)).statusCode).toBe(429);
  });

  it('checks few wrong passwords per account per hour from one address, and the owner always gets in', async () => {
    const u = await addUser(f.db, 'coordinator');
    let checked = 0;
    // Every 30 s for an hour, a burst of 4 from the stranger; every 10 minutes the owner signs in elsewhere.
    for (let t = 0; t < 3600; t += 30) {
      checked += (await burst(u.username, 4)).checked;
      if (t % 600 === 0)
        expect((await login(u.username, TEST_PASSWORD, OWNER)).statusCode).toBe(200);
      f.clock.advance(30_000);
    }
    expect(checked).toBeLessThanOrEqual(12);
  });

  it('checks at most the allowed number of 80 parallel password changes with a wrong current password', async () => {
    const u = await addUser(f.db, 'staff');
    const cookie = await signIn(f.app, u);
    const answers = await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        ws(f.app, 'POST', '/api/auth/password', {
          cookie,
          body: { current: `wrong current ${i}`, next: 'a brand new password' },
        }),
      ),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(ACCOUNT_ADDRESS_FAILURES);
    expect(codes.filter((c) => c === 429)).toHaveLength(80 - ACCOUNT_ADDRESS_FAILURES);
  });
});

describe(`password hashing cost (${DB_KIND})`, () => {
  it('is scrypt N=2^17 r=8 p=1 unless tests ask for low, and refuses an unknown setting', () => {
    expect(passwordHashParams({})).toEqual({ logN: 17, r: 8, p: 1 });
    expect(OWASP_SCRYPT).toEqual({ logN: 17, r: 8, p: 1 });
    expect(passwordHashParams({ PASSWORD_HASH_COST: 'low' })).toEqual(LOW_SCRYPT);
    expect(() => passwordHashParams({ PASSWORD_HASH_COST: 'cheap' })).toThrow(/PASSWORD_HASH_COST/);
  });

  it('rehashes a password stored at another cost on the next successful sign-in', async () => {
    const older = await hashPassword(TEST_PASSWORD, { logN: 11, r: 8, p: 1 });
    expect(older.startsWith('scrypt$11$8$1$')).toBe(true);
    const u = await addUser(f.db, 'staff');
    await f.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [u.id, older]);
    const stored = async () =>
      (
        await f.db.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE id = $1', [
          u.id,
        ])
      ).rows[0]!.h;
    expect((await login(u.username, 'wrong password!', OWNER)).statusCode).toBe(401);
    expect(await stored()).toBe(older);
    expect((await login(u.username, TEST_PASSWORD, OWNER)).statusCode).toBe(200);
    const now = await stored();
    expect(now.startsWith(`scrypt$${LOW_SCRYPT.logN}$8$1$`)).toBe(true);
    expect((await login(u.username, TEST_PASSWORD, OWNER)).statusCode).toBe(200);
    expect(await stored()).toBe(now);
  });

  it('refuses a wrong setup code without hashing the password', async () => {
    await createSetupCode(f.db, f.clock.now());
    // Hashing is made to fail (an unknown cost is a configuration error): a wrong code must be refused before it.
    process.env.PASSWORD_HASH_COST = 'unusable-for-this-test';
    try {
      const r = await f.app.inject({
        method: 'POST',
        url: '/api/auth/setup',
        payload: {
          setupCode: 'AAAA-BBBB-CCCC-DDDD',
          name: 'Eve',
          username: 'eve',
          password: 'a long enough password',
        },
      });
      expect(r.statusCode).toBe(401);
      expect(r.json()).toMatchObject({ error: 'code_invalid' });
    } finally {
      process.env.PASSWORD_HASH_COST = 'low';
    }
  });
});
