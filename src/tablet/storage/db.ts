/**
 * The one place that knows the IndexedDB schema (Dexie).
 * A schema change needs a new `this.version(n).stores()` with an upgrade; never edit a released version.
 */
import { Dexie, type Table } from 'dexie';
import type { CompletedRecord, Session } from '../../shared/core/session.ts';
import type { Profile } from '../../shared/core/scoring.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';
import type { SealedSession } from '../../shared/contract/wire.ts';

/** A session row: the domain session plus the profile once it is completed, and when the server confirmed it. */
export interface SessionRow extends Session {
  readonly profile: Profile | null;
  readonly syncedAt?: number | null;
  /**
   * The settings the session started under (and the office's version of them): a change from the office that arrives
   * mid-session waits for the next client, even across a reload. Absent in sessions from before this field.
   */
  readonly settings?: AgencySettings;
  readonly settingsVersion?: number;
}

/** One answer, its own row so a tap writes a few bytes and nothing else. */
export interface AnswerRow {
  readonly sessionId: string;
  readonly itemId: string;
  readonly value: number;
  readonly at: number;
}

/**
 * A completed session waiting to be handed to the server. It holds the plaintext `record` only until the tablet
 * knows the server's key; then `sealed` replaces it and the plaintext is gone.
 */
export interface OutboxRow {
  readonly sessionId: string;
  readonly createdAt: number;
  readonly record: CompletedRecord | null;
  readonly sealed: SealedSession | null;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: number;
  /** The server refused this session for good (409, 422, 400): kept and shown to staff, never dropped silently. */
  readonly rejected: {
    readonly status: number;
    /** The server's stable code (`invalid_record`, `conflict`, …). */
    readonly error: string;
    /** The server's sentence; absent on rows rejected before it was kept. */
    readonly message?: string;
  } | null;
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
