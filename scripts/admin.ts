// `npm run admin -- <command>`: enrollment codes, devices, key rotation and agency settings, straight on the database.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rotateServerKey } from '../src/server/crypto/keys.ts';
import { createEnrollCode, listDevices, revokeDevice } from '../src/server/devices.ts';
import { hashPassword, passwordProblem } from '../src/server/auth/passwords.ts';
import { createSetupCode } from '../src/server/auth/setupCode.ts';
import { createUser, hasCoordinator } from '../src/server/auth/users.ts';
import { migrate } from '../src/server/migrate.ts';
import { dataDirFromEnv, openDbFromEnv } from '../src/server/openDb.ts';
import { serverUsing } from '../src/server/pidFile.ts';
import { loadSettings, saveSettings } from '../src/server/settingsStore.ts';
import { ensureServerKey } from '../src/server/crypto/keys.ts';
import { prepareKek } from '../src/server/crypto/keyStore.ts';
import { destroyServerKey, listServerKeys } from '../src/server/crypto/keyRetirement.ts';
import { writeAudit } from '../src/server/auth/audit.ts';

const USAGE = `Usage: npm run admin -- <command>
  enroll-code --name "Tablet 3"   one-time code for a new tablet (valid 24 hours)
  list-devices                    enrolled tablets, last sync, revoked or not
  revoke-device <device-id>       the tablet's token stops working at once
  rotate-key                      new sealing key; old keys still decrypt
  list-keys                       sealing keys, and which tablets a retired key still waits for
  destroy-key <key-id>            deletes a retired key's private half once no tablet holds records sealed to it
  show-settings                   agency settings as JSON
  set-settings <file.json>        replace agency settings (unknown or out-of-range values fall back)
  setup-code                      new one-time code for the first coordinator (earlier codes stop working)
  create-user --name "Anna" --username anna --role coordinator|staff
                                  new account; the password is read from the environment variable PASSWORD
Uses DATABASE_URL when set, otherwise the embedded database in DATA_DIR (default ./data).`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    username: { type: 'string' },
    role: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, arg] = positionals;
if (!command || values.help) {
  console.log(USAGE);
  process.exit(command ? 0 : 1);
}

if (!process.env.DATABASE_URL) {
  const pid = serverUsing(dataDirFromEnv());
  if (pid !== null) {
    console.error(
      `The server (pid ${pid}) has the embedded database open, so this command cannot.\n` +
        'Use the office workspace instead (/werkplek/ → Beheer: tablets and enrollment codes, settings),\n' +
        'or stop the server, run this command and start it again. With PostgreSQL (DATABASE_URL) admin\n' +
        'commands work while the server runs.',
    );
    process.exit(2);
  }
}

const db = await openDbFromEnv();
const now = Date.now();
try {
  await migrate(db);
  const kek = await prepareKek(db, {
    env: process.env,
    dataDir: process.env.DATABASE_URL ? null : dataDirFromEnv(),
    embedded: !process.env.DATABASE_URL,
    log: console.log,
  });
  await ensureServerKey(db, kek, now);
  switch (command) {
    case 'enroll-code': {
      const name = values.name?.trim();
      if (!name) throw new Error('enroll-code needs --name "Tablet name"');
      const code = await createEnrollCode(db, name, now);
      console.log(`Enrollment code for "${name}": ${code}`);
      console.log(`Valid until ${new Date(now + 24 * 3600_000).toLocaleString('nl-NL')}, once.`);
      break;
    }
    case 'list-devices': {
      const devices = await listDevices(db);
      if (devices.length === 0) console.log('No tablets enrolled.');
      for (const d of devices)
        console.log(
          [
            d.id,
            JSON.stringify(d.name),
            `enrolled ${d.enrolledAt.toISOString()}`,
            `last sync ${d.lastSeenAt?.toISOString() ?? 'never'}`,
            d.revokedAt ? `REVOKED ${d.revokedAt.toISOString()}` : 'active',
          ].join('  '),
        );
      break;
    }
    case 'revoke-device': {
      if (!arg) throw new Error('revoke-device needs the device id (see list-devices)');
      const done = await revokeDevice(db, arg, now);
      console.log(done ? `Revoked ${arg}.` : `No active device ${arg}.`);
      if (!done) process.exitCode = 1;
      break;
    }
    case 'rotate-key': {
      const key = await rotateServerKey(db, kek, now);
      console.log(`New server key ${key.keyId}; tablets use it after their next config fetch.`);
      break;
    }
    case 'list-keys': {
      for (const k of await listServerKeys(db))
        console.log(
          [
            k.keyId,
            `created ${k.createdAt}`,
            k.active
              ? 'ACTIVE'
              : k.destroyedAt
                ? `destroyed ${k.destroyedAt}`
                : k.waitingFor.length
                  ? `retired, waiting for ${k.waitingFor.join(', ')}`
                  : 'retired, can be destroyed',
          ].join('  '),
        );
      break;
    }
    case 'destroy-key': {
      if (!arg) throw new Error('destroy-key needs a key id (see list-keys)');
      const refused = await destroyServerKey(db, arg, now);
      if (refused) {
        console.error(refused.message);
        process.exitCode = 1;
        break;
      }
      await writeAudit(db, {
        at: now,
        actorId: null,
        actorName: 'npm run admin',
        action: 'key_destroy',
        clientId: null,
        detail: `server key ${arg}`,
      });
      console.log(
        `Destroyed the private half of ${arg}; records sealed to it can no longer be opened.`,
      );
      break;
    }
    case 'show-settings':
      console.log(JSON.stringify(await loadSettings(db), null, 2));
      break;
    case 'set-settings': {
      if (!arg) throw new Error('set-settings needs a JSON file');
      const saved = await saveSettings(db, JSON.parse(readFileSync(arg, 'utf8')), now);
      console.log(JSON.stringify(saved, null, 2));
      break;
    }
    case 'setup-code': {
      if (await hasCoordinator(db))
        throw new Error('A coordinator exists; sign in and add accounts there.');
      console.log(
        `One-time setup code for the first coordinator: ${await createSetupCode(db, now)}`,
      );
      break;
    }
    case 'create-user': {
      const name = values.name?.trim();
      const username = values.username?.trim();
      const role = values.role;
      const password = process.env.PASSWORD ?? '';
      if (!name || !username || (role !== 'coordinator' && role !== 'staff'))
        throw new Error('create-user needs --name, --username and --role coordinator|staff');
      const weak = passwordProblem(password);
      if (weak) throw new Error(`PASSWORD: ${weak}`);
      const user = await createUser(
        db,
        { name, username, role, passwordHash: await hashPassword(password) },
        now,
      );
      if (!user) throw new Error(`The username ${username} is taken.`);
      console.log(`Created ${role} ${username} (${user.id}).`);
      break;
    }
    default:
      console.error(`Unknown command ${command}\n\n${USAGE}`);
      process.exitCode = 1;
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
} finally {
  await db.close();
}
