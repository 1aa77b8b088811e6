/** Review and change: every item with the chosen answer; tapping one goes back to it. */
import { useState } from 'preact/hooks';
import { itemsInOrder } from '../core/instrument.ts';
import { instrumentNamespace } from '../core/instrumentTexts.ts';
import type { Answers } from '../core/scoring.ts';
import { unansweredItems } from '../core/session.ts';
import { useT } from '../i18n/useT.ts';
import { useKiosk } from './context.ts';
import { Screen } from './Screen.tsx';

/** Props: the answers, where to go to change one, and submit (resolves once stored). */
export interface ReviewScreenProps {
  readonly answers: Answers;
  readonly onChange: (index: number) => void;
  readonly onSubmit: () => Promise<void>;
  readonly onBack: () => void;
}

/** The review screen. */
export function ReviewScreen({ answers, onChange, onSubmit, onBack }: ReviewScreenProps) {
  const t = useT();
  const { instrument, settings } = useKiosk();
  const it = useT(instrumentNamespace(instrument));
  const [busy, setBusy] = useState(false);
  const missing = unansweredItems(instrument, answers).length;
  const submit = () => {
    if (busy) return;
    setBusy(true);
    void onSubmit().finally(() => setBusy(false));
  };
  return (
    <Screen
      name="review"
      title={t('review.title')}
      actions={
        <>
          <button type="button" class="secondary" onClick={onBack} disabled={busy}>
            {t('review.back_button')}
          </button>
          <button type="button" class="primary" onClick={submit} disabled={busy}>
            {t('review.submit_button')}
          </button>
        </>
      }
    >
      <p>{t('review.intro')}</p>
      {missing > 0 && <p class="notice">{t('review.unanswered_count', { count: missing })}</p>}
      <ol class="review-list">
        {itemsInOrder(instrument).map(({ item }, index) => {
          const v = answers[item.id];
          return (
            <li key={item.id}>
              <button
                type="button"
                class="review-item"
                data-item={item.id}
                onClick={() => onChange(index)}
              >
                <span class="review-text">
                  {it(`items.${item.id}`, { agency: settings.agencyName })}
                </span>
                <span class={v === undefined ? 'review-answer missing' : 'review-answer'}>
                  {v === undefined ? t('review.unanswered') : it(`answers.${v}`)}
                </span>
                <span class="review-change">{t('review.change')}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </Screen>
  );
}
