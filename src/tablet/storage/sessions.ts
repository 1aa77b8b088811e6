/** Named verbs for the questionnaire's data; components call these, never the tables. */
import type { DetailValues } from '../../shared/core/details.ts';
import type { Instrument } from '../../shared/core/instrument.ts';
import type { Answers, ScoringSettings } from '../../shared/core/scoring.ts';
import { restoreSettings } from '../../shared/core/settings.ts';
import {
  completeRecord,
  type Session,
  type SessionModes,
  type Step,
} from '../../shared/core/session.ts';
import { database, type SessionRow } from './db.ts';
import { guard } from './errors.ts';
import { answersOf, restoreLoaded as loaded, restoreSession } from './restore.ts';

/** A session with its answers joined in, as the kiosk and staff mode use it. */
export interface LoadedSession {
  readonly session: SessionRow;
  readonly answers: Answers;
  /** When each answer was given; with `resumeStep` it tells where the client was. */
  readonly answeredAt: Readonly<Record<string, number>>;
}

/** What starting a session needs; `id` and `at` come from the caller so this stays testable. */
export interface NewSession {
  readonly id: string;
  readonly at: number;
  readonly instrument: Pick<Instrument, 'id' | 'version'>;
  readonly language: string;
  readonly reference: string | null;
  /** The client's modes; an absent mode is off. */
  readonly modes?: Partial<SessionModes>;
}

/**
 * Starts a session; any session still open is interrupted first, so at most one is ever open. The session keeps a
 * snapshot of the settings stored at this moment (and the office's version of them): settings the office sends
 * while the client answers wait for the next client. The caller shows the session with `row.settings`.
 */
export async function startSession(n: NewSession): Promise<SessionRow> {
  const db = database();
  return guard(() =>
    db.transaction('rw', db.sessions, db.settings, async () => {
      const [agency, office] = await Promise.all([
        db.settings.get('agency'),
        db.settings.get('officeConfig'),
      ]);
      const version = (office?.value as { settingsVersion?: unknown } | undefined)?.settingsVersion;
      const row: SessionRow = {
        id: n.id,
        instrumentId: n.instrument.id,
        instrumentVersion: n.instrument.version,
        language: n.language,
        languagesUsed: [n.language],
        pictograms: n.modes?.pictograms === true,
        readAloud: n.modes?.readAloud === true,
        status: 'open',
        step: { kind: 'consent' },
        startedAt: n.at,
        updatedAt: n.at,
        stepAt: n.at,
        completedAt: null,
        reference: n.reference,
        details: {},
        consentAt: null,
        profile: null,
        settings: restoreSettings(agency?.value),
        ...(typeof version === 'number' ? { settingsVersion: version } : {}),
      };
      await db.sessions.where('status').equals('open').modify({ status: 'interrupted' });
      await db.sessions.add(row);
      return row;
    }),
  );
}

/** The session a client is busy with, if any, with its answers. */
export async function loadOpenSession(): Promise<LoadedSession | null> {
  const db = database();
  return guard(() =>
    db.transaction('r', db.sessions, db.answers, async () => {
      const rows = await db.sessions.where('status').equals('open').sortBy('updatedAt');
      const last = rows.at(-1);
      if (!last) return null;
      return loaded(last, await db.answers.where('sessionId').equals(last.id).toArray());
    }),
  );
}

/** Loads any session with its answers (staff mode). */
export async function loadSession(id: string): Promise<LoadedSession | null> {
  const db = database();
  return guard(() =>
    db.transaction('r', db.sessions, db.answers, async () => {
      const row = await db.sessions.get(id);
      if (!row) return null;
      return loaded(row, await db.answers.where('sessionId').equals(id).toArray());
    }),
  );
}

/**
 * Commits one answer before the screen moves on: a single put into one store, nothing else on the tap path.
 * Where the client is follows from the answers' times (`resumeStep`), so the session row is not touched.
 */
export async function saveAnswer(
  sessionId: string,
  itemId: string,
  value: number,
  at: number,
): Promise<void> {
  await guard(() => database().answers.put({ sessionId, itemId, value, at }));
}

/** Removes an answer (the client chose to skip a question they had answered). */
export async function clearAnswer(
  sessionId: string,
  itemId: string,
  next: Step,
  at: number,
): Promise<void> {
  const db = database();
  await guard(() =>
    db.transaction('rw', db.answers, db.sessions, async () => {
      await db.answers.delete([sessionId, itemId]);
      await db.sessions.update(sessionId, { step: next, stepAt: at, updatedAt: at });
    }),
  );
}

/** Records where the client is, so a reload resumes on the same screen. */
export async function saveStep(sessionId: string, step: Step, at: number): Promise<void> {
  await guard(() => database().sessions.update(sessionId, { step, stepAt: at, updatedAt: at }));
}

/** Records the client's consent and moves on. */
export async function saveConsent(sessionId: string, next: Step, at: number): Promise<void> {
  await guard(() =>
    database().sessions.update(sessionId, { consentAt: at, step: next, stepAt: at, updatedAt: at }),
  );
}

/** Stores the personal details (already cleaned to the configured fields) and moves on. */
export async function saveDetails(
  sessionId: string,
  details: DetailValues,
  next: Step,
  at: number,
): Promise<void> {
  await guard(() =>
    database().sessions.update(sessionId, { details, step: next, stepAt: at, updatedAt: at }),
  );
}

/** Records the language the client switched to, and adds it to the languages used in this session. */
export async function saveLanguage(sessionId: string, language: string, at: number): Promise<void> {
  const db = database();
  await guard(() =>
    db.transaction('rw', db.sessions, async () => {
      const row = await db.sessions.get(sessionId);
      if (!row) return;
      const used = restoreSession(row).languagesUsed;
      await db.sessions.update(sessionId, {
        language,
        languagesUsed: used.includes(language) ? used : [...used, language],
        updatedAt: at,
      });
    }),
  );
}

/** Records that the client turned read-everything on or off, so a reload mid-session keeps it. */
export async function saveReadAloud(sessionId: string, on: boolean, at: number): Promise<void> {
  await guard(() => database().sessions.update(sessionId, { readAloud: on, updatedAt: at }));
}

/** Takes the session away from the client screens (idle reset); only staff can resume it. */
export async function interruptSession(sessionId: string, at: number): Promise<void> {
  await guard(() =>
    database()
      .sessions.where({ id: sessionId, status: 'open' })
      .modify({ status: 'interrupted', updatedAt: at }),
  );
}

/** Hands an interrupted session back to the client screens (staff only). */
export async function resumeSession(sessionId: string, at: number): Promise<void> {
  const db = database();
  await guard(() =>
    db.transaction('rw', db.sessions, async () => {
      await db.sessions.where('status').equals('open').modify({ status: 'interrupted' });
      await db.sessions
        .where({ id: sessionId, status: 'interrupted' })
        .modify({ status: 'open', updatedAt: at });
    }),
  );
}

/** Erases a session and its answers for good (staff discard an interrupted session). */
export async function discardSession(sessionId: string): Promise<void> {
  const db = database();
  await guard(() =>
    db.transaction('rw', db.sessions, db.answers, db.outbox, async () => {
      await db.answers.where('sessionId').equals(sessionId).delete();
      await db.outbox.delete(sessionId);
      await db.sessions.delete(sessionId);
    }),
  );
}

/**
 * Scores the session on the device, marks it completed and writes its outbox record, all in one transaction:
 * either the session is complete and queued for sync, or nothing changed.
 */
export async function completeSession(
  instrument: Instrument,
  sessionId: string,
  scoring: ScoringSettings,
  at: number,
): Promise<SessionRow> {
  const db = database();
  return guard(() =>
    db.transaction('rw', db.sessions, db.answers, db.outbox, async () => {
      const raw = await db.sessions.get(sessionId);
      if (!raw) throw new Error(`No session ${sessionId}`);
      const restored = restoreSession(raw);
      const session: Session = restored;
      if (session.status !== 'open')
        throw new Error(`Session ${sessionId} is ${session.status}, not open`);
      const rows = await db.answers.where('sessionId').equals(sessionId).toArray();
      const answeredAt = Object.fromEntries(rows.map((r) => [r.itemId, r.at]));
      // Scored with the settings the session started under, named by version so the server uses the same threshold.
      const record = completeRecord(
        instrument,
        session,
        answersOf(rows),
        answeredAt,
        restored.settings?.scoring ?? scoring,
        at,
        restored.settingsVersion,
      );
      const done: SessionRow = {
        ...restored,
        status: 'completed',
        completedAt: at,
        updatedAt: at,
        profile: record.profile,
      };
      await db.sessions.put(done);
      await db.outbox.add({
        sessionId,
        createdAt: at,
        record,
        sealed: null,
        attempts: 0,
        lastError: null,
        nextAttemptAt: at,
        rejected: null,
      });
      return done;
    }),
  );
}

/** Sessions for staff mode, newest first, without answers. */
export async function listSessions(status: Session['status']): Promise<SessionRow[]> {
  const rows = await guard(() => database().sessions.where('status').equals(status).toArray());
  return rows.map(restoreSession).sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Interrupts every open session nobody has touched for `staleMs` (last step or last answer): after a power cut or a
 * closed tab it must not greet the next client.
 */
export async function interruptStaleSessions(now: number, staleMs: number): Promise<number> {
  const db = database();
  return guard(() =>
    db.transaction('rw', db.sessions, db.answers, async () => {
      let count = 0;
      for (const s of await db.sessions.where('status').equals('open').toArray()) {
        const answers = await db.answers.where('sessionId').equals(s.id).toArray();
        const last = Math.max(s.updatedAt, ...answers.map((a) => a.at));
        if (last < now - staleMs) {
          await db.sessions.update(s.id, { status: 'interrupted' });
          count++;
        }
      }
      return count;
    }),
  );
}
