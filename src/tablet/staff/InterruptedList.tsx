/** Sessions taken off the client screens (idle reset): staff give one back to its client, or erase it. */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import type { SessionRow } from '../storage/db.ts';
import type { InterruptedSummary } from '../storage/staffQueries.ts';
import { dateTime as time } from '../../shared/ui/format.ts';
import { whoIs } from './whoIs.ts';

/** Props: the sessions with how far each got, each one's number of items (of its own version), and the actions. */
export interface InterruptedListProps {
  readonly sessions: readonly InterruptedSummary[];
  readonly totalOf: (session: SessionRow) => number;
  readonly onResume: (id: string) => Promise<void>;
  readonly onDiscard: (id: string) => Promise<void>;
  readonly onBack: () => void;
}

/** The list; erasing asks once more, because it cannot be undone. */
export function InterruptedList({
  sessions,
  totalOf,
  onResume,
  onDiscard,
  onBack,
}: InterruptedListProps) {
  const t = useT('staff');
  const [confirm, setConfirm] = useState<string | null>(null);
  return (
    <main class="staff screen" data-screen="staff-interrupted">
      <h1>{t('interrupted.title')}</h1>
      {sessions.length === 0 && <p>{t('interrupted.empty')}</p>}
      <ul class="staff-list">
        {sessions.map(({ session, answered }) => (
          <li key={session.id} class="staff-card" data-session={session.id}>
            <strong>
              {whoIs(session.reference, session.details) ?? t('interrupted.anonymous')}
            </strong>
            <span>{t('interrupted.started', { time: time.format(session.startedAt) })}</span>
            <span>{t('interrupted.progress', { answered, count: totalOf(session) })}</span>
            {confirm === session.id ? (
              <div class="confirm" role="alert">
                <p>{t('interrupted.confirm_discard')}</p>
                <button
                  type="button"
                  class="danger"
                  onClick={() => void onDiscard(session.id).then(() => setConfirm(null))}
                >
                  {t('interrupted.confirm_yes')}
                </button>
                <button type="button" class="secondary" onClick={() => setConfirm(null)}>
                  {t('interrupted.confirm_no')}
                </button>
              </div>
            ) : (
              <div class="row-actions">
                <button type="button" class="primary" onClick={() => void onResume(session.id)}>
                  {t('interrupted.resume_button')}
                </button>
                <button type="button" class="secondary" onClick={() => setConfirm(session.id)}>
                  {t('interrupted.discard_button')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <div class="screen-actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('interrupted.back_button')}
        </button>
      </div>
    </main>
  );
}
