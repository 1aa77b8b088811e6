/** Start-up of the sealing keys: find the key-encryption key, refuse to start without it, wrap plain keys. */
import { join } from 'node:path';
import type { Queryable } from '../db.ts';
import { configuredKek, DEFAULT_KEK_FILE, generateKekFile, KekError, type Kek } from './kek.ts';
import { protectStoredKeys, storedKeyKinds } from './keys.ts';

/** Where the server looks for its KEK, and what it may do when there is none. */
export interface KekSetting {
  readonly env: NodeJS.ProcessEnv;
  /** The data folder (embedded database): a generated key file lives here. */
  readonly dataDir: string | null;
  /** True on the embedded database: a fresh install may generate its own key file. */
  readonly embedded: boolean;
  readonly log: (line: string) => void;
}

/**
 * The KEK to use: configured, or (embedded database, no wrapped keys yet) generated into the data folder with a loud
 * message. Throws a KekError with a message for the operator when wrapped keys exist but no KEK is configured, when
 * the KEK is not the one they were wrapped with, or on PostgreSQL without a KEK. Wraps keys stored plain.
 */
export async function prepareKek(db: Queryable, s: KekSetting): Promise<Kek> {
  let kek = configuredKek(s.env, s.dataDir);
  if (!kek) {
    const file = s.dataDir === null ? null : join(s.dataDir, DEFAULT_KEK_FILE);
    if ((await storedKeyKinds(db)).wrapped > 0)
      throw new KekError(
        'The sealing keys in the database are encrypted, but no key-encryption key is configured. ' +
          'Set KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE to the key you backed up' +
          (file ? `, or put it back in ${file}.` : '.'),
      );
    if (!s.embedded || s.dataDir === null)
      throw new KekError(
        'No key-encryption key configured. With PostgreSQL set KEY_ENCRYPTION_KEY or KEY_ENCRYPTION_KEY_FILE ' +
          '(the same on every server instance); make one with: openssl rand -base64 32',
      );
    kek = generateKekFile(s.dataDir);
    s.log(
      [
        '',
        '*** A key-encryption key was generated: ' + join(s.dataDir, DEFAULT_KEK_FILE) + ' ***',
        '*** It protects the keys that open every stored questionnaire. Back it up SEPARATELY from the data folder:',
        '*** without it the database cannot be read; with it next to a copy of the database, anyone can. ***',
        '',
      ].join('\n'),
    );
  }
  const wrapped = await protectStoredKeys(db, kek);
  if (wrapped > 0)
    s.log(`${wrapped} sealing key(s) encrypted with the key-encryption key (${kek.source}).`);
  return kek;
}
