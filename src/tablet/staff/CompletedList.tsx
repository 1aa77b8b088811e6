/** Sessions completed on this tablet (previews until the server has them), newest first; tap one to see its profile. */
import { i18next } from '../../shared/i18n/index.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import type { Instrument } from '../../shared/core/instrument.ts';
import type { SessionRow } from '../storage/db.ts';
import { andList, dateTime as time } from '../../shared/ui/format.ts';
import { whoIs } from './whoIs.ts';

/** Props: the rows (newest first) and what to do with a choice. */
export interface CompletedListProps {
  readonly rows: readonly SessionRow[];
  /** The questionnaire version a row was answered in (its scale names). */
  readonly instrumentOf: (row: SessionRow) => Instrument;
  readonly onOpen: (row: SessionRow) => void;
  readonly onBack: () => void;
}

/** The list. */
export function CompletedList({ rows, instrumentOf, onOpen, onBack }: CompletedListProps) {
  const t = useT('staff');
  return (
    <main class="staff screen" data-screen="staff-completed">
      <h1>{t('completed.title')}</h1>
      {rows.length === 0 && <p>{t('completed.empty')}</p>}
      <ul class="staff-list">
        {rows.map((s) => {
          const dominant = s.profile?.dominant ?? [];
          const it = i18next.getFixedT(null, instrumentNamespace(instrumentOf(s)));
          return (
            <li key={s.id}>
              <button type="button" class="staff-row" data-session={s.id} onClick={() => onOpen(s)}>
                <strong>{whoIs(s.reference, s.details) ?? t('completed.anonymous')}</strong>
                <span>{time.format(s.completedAt ?? s.updatedAt)}</span>
                <span>
                  {dominant.length
                    ? t('completed.dominant', {
                        postures: andList.format(dominant.map((d) => it(`scales.${d}.label`))),
                      })
                    : t('completed.dominant_none')}
                </span>
                {s.syncedAt ? <span class="muted">{t('completed.synced')}</span> : null}
              </button>
            </li>
          );
        })}
      </ul>
      <div class="screen-actions">
        <button type="button" class="secondary" onClick={onBack}>
          {t('completed.back_button')}
        </button>
      </div>
    </main>
  );
}
