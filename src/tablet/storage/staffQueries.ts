/** Read verbs for staff mode: what staff may see of sessions on this tablet, without the client's answers. */
import type { SessionRow } from './db.ts';
import { database } from './db.ts';
import { guard } from './errors.ts';
import { restoreSession } from './restore.ts';

/** An interrupted session as staff see it: the row and how many items were answered, never the answers. */
export interface InterruptedSummary {
  readonly session: SessionRow;
  readonly answered: number;
}

/** Interrupted sessions, newest first, each with its number of answers (counted in the index, values not read). */
export async function listInterrupted(): Promise<InterruptedSummary[]> {
  const db = database();
  return guard(() =>
    db.transaction('r', db.sessions, db.answers, async () => {
      const rows = await db.sessions.where('status').equals('interrupted').toArray();
      const out: InterruptedSummary[] = [];
      for (const row of rows)
        out.push({
          session: restoreSession(row),
          answered: await db.answers.where('sessionId').equals(row.id).count(),
        });
      return out.sort((a, b) => b.session.updatedAt - a.session.updatedAt);
    }),
  );
}

/** Completed sessions still on this tablet, newest completion first. */
export async function listCompleted(): Promise<SessionRow[]> {
  const rows = await guard(() => database().sessions.where('status').equals('completed').toArray());
  return rows
    .map(restoreSession)
    .sort((a, b) => (b.completedAt ?? b.updatedAt) - (a.completedAt ?? a.updatedAt));
}
