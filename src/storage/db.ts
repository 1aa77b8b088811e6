/**
 * The one place that knows the IndexedDB schema (Dexie).
 * A schema change needs a new `this.version(n).stores()` with an upgrade; never edit a released version.
 */
import { Dexie, type Table } from 'dexie';
import type { CompletedRecord, Session } from '../core/session.ts';
import type { Profile } from '../core/scoring.ts';

/** A session row: the domain session plus the profile once it is completed. */
export interface SessionRow extends Session {
  readonly profile: Profile | null;
}

/** One answer, its own row so a tap writes a few bytes and nothing else. */
export interface AnswerRow {
  readonly sessionId: string;
  readonly itemId: string;
  readonly value: number;
  readonly at: number;
}

/** A completed session waiting to be handed to the server. */
export interface OutboxRow {
  readonly sessionId: string;
  readonly createdAt: number;
  readonly record: CompletedRecord;
  readonly attempts: number;
  readonly lastError: string | null;
}

/** A key-value row for settings and the staff PIN hash. */
export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

/** The kiosk's IndexedDB database. */
export class IntakeDb extends Dexie {
  sessions!: Table<SessionRow, string>;
  answers!: Table<AnswerRow, [string, string]>;
  outbox!: Table<OutboxRow, string>;
  settings!: Table<SettingRow, string>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({
      sessions: 'id, status, updatedAt',
      answers: '[sessionId+itemId], sessionId',
      outbox: 'sessionId, createdAt',
      settings: 'key',
    });
  }
}

let current: IntakeDb | null = null;

/** The database the app uses; tests and benchmarks may open one under another name. */
export function database(name = 'slimme-intake'): IntakeDb {
  if (!current || current.name !== name) current = new IntakeDb(name);
  return current;
}

/** Closes and forgets the database (tests, and after deleting it). */
export function closeDatabase(): void {
  current?.close();
  current = null;
}
