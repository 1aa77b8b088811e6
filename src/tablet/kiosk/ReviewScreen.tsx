/** Review and change: every item with the chosen answer; tapping one goes back to it. */
import { useState } from 'preact/hooks';
import { itemsInOrder } from '../../shared/core/instrument.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import type { Answers } from '../../shared/core/scoring.ts';
import { unansweredItems } from '../../shared/core/session.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useKiosk } from './context.ts';
import { kioskLine, TITLE_LINE, type SpokenLine } from './readAloud.ts';
import { Screen } from './Screen.tsx';
import { useReadAloud } from './useReadAloud.ts';

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
  const ns = instrumentNamespace(instrument);
  const rows = itemsInOrder(instrument).map(({ item }) => {
    const v = answers[item.id];
    return {
      item,
      text: it(`items.${item.id}`, { agency: settings.agencyName }),
      answer: v === undefined ? t('review.unanswered') : it(`answers.${v}`),
      answerKey: v === undefined ? 'kiosk:review.unanswered' : `${ns}:answers.${v}`,
      missing: v === undefined,
    };
  });
  const lines: SpokenLine[] = [
    kioskLine('review.title', t('review.title'), TITLE_LINE),
    kioskLine('review.intro', t('review.intro')),
    ...(missing > 0
      ? [kioskLine('review.unanswered_count', t('review.unanswered_count', { count: missing }))]
      : []),
    ...rows.flatMap((r) => [
      { id: `item-${r.item.id}`, key: `${ns}:items.${r.item.id}`, text: r.text },
      { id: `answer-${r.item.id}`, key: r.answerKey, text: r.answer },
    ]),
    kioskLine('review.submit_button', t('review.submit_button')),
  ];
  const reading = useReadAloud('review', lines);
  const mark = reading.mark;
  const submit = () => {
    if (busy) return;
    setBusy(true);
    void onSubmit().finally(() => setBusy(false));
  };
  return (
    <Screen
      name="review"
      title={t('review.title')}
      reading={reading}
      actions={
        <>
          <button type="button" class="secondary" onClick={onBack} disabled={busy}>
            {t('review.back_button')}
          </button>
          <button
            type="button"
            class="primary"
            onClick={submit}
            disabled={busy}
            {...mark('review.submit_button')}
          >
            {t('review.submit_button')}
          </button>
        </>
      }
    >
      <p {...mark('review.intro')}>{t('review.intro')}</p>
      {missing > 0 && (
        <p class="notice" {...mark('review.unanswered_count')}>
          {t('review.unanswered_count', { count: missing })}
        </p>
      )}
      <ol class="review-list">
        {rows.map((r, index) => (
          <li key={r.item.id}>
            <button
              type="button"
              class="review-item"
              data-item={r.item.id}
              onClick={() => onChange(index)}
            >
              <span class="review-text" {...mark(`item-${r.item.id}`)}>
                {r.text}
              </span>
              <span
                class={r.missing ? 'review-answer missing' : 'review-answer'}
                {...mark(`answer-${r.item.id}`)}
              >
                {r.answer}
              </span>
              <span class="review-change">{t('review.change')}</span>
            </button>
          </li>
        ))}
      </ol>
    </Screen>
  );
}
