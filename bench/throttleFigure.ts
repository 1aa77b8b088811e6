// Figure for issue 11 §5: wrong passwords actually checked per account in an hour of parallel bursts, from one
// address and from many. `npx tsx bench/throttleFigure.ts` (in-process server on in-memory PGlite, low hash cost).
import { randomBytes } from 'node:crypto';
import { createServer } from '../src/server/app.ts';
import { hashPassword } from '../src/server/auth/passwords.ts';
import { createUser } from '../src/server/auth/users.ts';
import { parseKek } from '../src/server/crypto/kek.ts';
import { openPglite } from '../src/server/dbPglite.ts';

process.env.PASSWORD_HASH_COST = 'low';
const BURST = Number(process.env.BURST ?? 50);
const EVERY_S = Number(process.env.EVERY_S ?? 30);

async function hour(addresses: (t: number) => string): Promise<{ sent: number; checked: number }> {
  const db = await openPglite();
  let now = Date.parse('2026-03-02T09:00:00Z');
  const kek = parseKek(randomBytes(32).toString('base64'), 'bench');
  const app = await createServer({
    db,
    log: false,
    clock: () => now,
    distDir: '/nonexistent',
    kek,
  });
  await createUser(
    db,
    {
      name: 'Anna',
      username: 'anna',
      role: 'coordinator',
      passwordHash: await hashPassword('correct horse battery'),
    },
    now,
  );
  let sent = 0;
  let checked = 0;
  for (let t = 0; t < 3600; t += EVERY_S) {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: addresses(t * BURST + i),
          payload: { username: 'anna', password: `guess ${t}-${i}` },
        }),
      ),
    );
    sent += answers.length;
    checked += answers.filter((r) => r.statusCode === 401).length;
    now += EVERY_S * 1000;
  }
  await app.close();
  await db.close();
  return { sent, checked };
}

const one = await hour(() => '203.0.113.66');
console.log(
  `one address: ${one.sent} wrong passwords sent in bursts of ${BURST} every ${EVERY_S} s, ${one.checked} checked in the hour`,
);
const many = await hour((i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
console.log(
  `a new address for every attempt: ${many.sent} sent, ${many.checked} checked in the hour`,
);
