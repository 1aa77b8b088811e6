/**
 * In-context review: every client-facing string of a language beside the Dutch, grouped by the screen it appears on
 * (kiosk screens, the statements, the answers, the printed summary), each with its review status, who set it and when.
 */
import { useState } from 'preact/hooks';
import type { LanguageStrings, ReviewString } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { ReviewRow } from './ReviewRow.tsx';

/** Props: the language's strings and what to do after a status changed. */
export interface StringReviewListProps {
  readonly lang: LanguageStrings;
  readonly onChanged: () => void;
}

const PARTS = ['kiosk', 'items', 'answers', 'summary'] as const;
const STATUSES = ['draft', 'reviewed', 'approved'] as const;
type Status = (typeof STATUSES)[number];

/** The screen a string belongs to: `kiosk:welcome.title` → `welcome`; the questionnaire's by part. */
export function screenOf(s: ReviewString): string {
  if (s.part === 'kiosk') return s.id.slice('kiosk:'.length).split('.')[0] ?? 'kiosk';
  return s.part;
}

/** The list. */
export function StringReviewList({ lang, onChanged }: StringReviewListProps) {
  const t = useT('workspace');
  const [part, setPart] = useState<'all' | (typeof PARTS)[number]>('all');
  const [status, setStatus] = useState<'all' | Status>('all');
  const shown = lang.strings.filter(
    (s) => (part === 'all' || s.part === part) && (status === 'all' || s.status === status),
  );
  const screens = [...new Set(shown.map(screenOf))];
  const review = async (ids: string[], to: Status) => {
    await call('PUT /api/languages/:code/strings/review', {
      params: { code: lang.code },
      body: { ids, status: to },
    }).catch(() => undefined);
    onChanged();
  };
  return (
    <section class="panel" aria-labelledby="review-title">
      <h2 id="review-title">{t('translation.review_title')}</h2>
      <p class="hint">{t('translation.review_hint')}</p>
      <p class="filters">
        <label>
          {t('translation.part')}{' '}
          <select
            value={part}
            onChange={(e) => setPart(e.currentTarget.value as typeof part)}
            data-testid="filter-part"
          >
            <option value="all">{t('translation.all')}</option>
            {PARTS.map((p) => (
              <option key={p} value={p}>
                {t(`translation.part_${p}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('translation.status')}{' '}
          <select
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as typeof status)}
          >
            <option value="all">{t('translation.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`translation.status_${s}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button
          type="button"
          disabled={shown.length === 0}
          onClick={() =>
            void review(
              shown.map((s) => s.id),
              'reviewed',
            )
          }
        >
          {t('translation.mark_shown_reviewed', { count: shown.length })}
        </button>
      </p>
      {screens.map((screen) => (
        <section key={screen} class="review-screen" data-screen-texts={screen}>
          <h3>{t('translation.screen', { screen })}</h3>
          <table class="data-table review-table">
            <thead>
              <tr>
                <th scope="col">{t('translation.dutch')}</th>
                <th scope="col">{lang.name}</th>
                <th scope="col">{t('translation.status')}</th>
              </tr>
            </thead>
            <tbody>
              {shown
                .filter((s) => screenOf(s) === screen)
                .map((s) => (
                  <ReviewRow
                    key={s.id}
                    s={s}
                    lang={lang}
                    onStatus={(to) => void review([s.id], to)}
                  />
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
