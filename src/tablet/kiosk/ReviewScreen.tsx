/**
 * Review and change, compact: the questions the client skipped first, then the answered ones under the question of
 * their part (as the instrument groups them on screen), one line each. One tap on a line goes to that question; after
 * answering, the client is back here.
 */
import { useState } from 'preact/hooks';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import type { Answers } from '../../shared/core/scoring.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useKiosk } from './context.ts';
import { kioskLine, TITLE_LINE, type SpokenLine } from './readAloud.ts';
import { PencilIcon } from './PencilIcon.tsx';
import { reviewGroups, type ReviewRow } from './reviewGroups.ts';
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
  const ns = instrumentNamespace(instrument);
  const it = useT(ns);
  const [busy, setBusy] = useState(false);
  const vars = { agency: settings.agencyName };
  const { missing, parts } = reviewGroups(instrument, answers);
  const text = (r: ReviewRow) => it(`items.${r.item.id}`, vars);
  const answer = (r: ReviewRow) =>
    r.value === undefined ? t('review.unanswered') : it(`answers.${r.value}`);
  const answerKey = (r: ReviewRow) =>
    r.value === undefined ? 'kiosk:review.unanswered' : `${ns}:answers.${r.value}`;
  const rowLines = (rows: readonly ReviewRow[]): SpokenLine[] =>
    rows.flatMap((r) => [
      { id: `item-${r.item.id}`, key: `${ns}:items.${r.item.id}`, text: text(r) },
      { id: `answer-${r.item.id}`, key: answerKey(r), text: answer(r) },
    ]);
  const missingTitle = t('review.unanswered_count', { count: missing.length });
  const lines: SpokenLine[] = [
    kioskLine('review.title', t('review.title'), TITLE_LINE),
    kioskLine('review.intro', t('review.intro')),
    ...(missing.length > 0 ? [kioskLine('review.unanswered_count', missingTitle)] : []),
    ...rowLines(missing),
    ...parts.flatMap((g) => [
      {
        id: `part-${g.part.id}`,
        key: `${ns}:parts.${g.part.id}.intro`,
        text: it(`parts.${g.part.id}.intro`, vars),
      },
      ...rowLines(g.rows),
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
  const list = (rows: readonly ReviewRow[]) => (
    <ol class="review-list">
      {rows.map((r) => (
        <li key={r.item.id}>
          <button
            type="button"
            class={r.value === undefined ? 'review-item missing' : 'review-item'}
            data-item={r.item.id}
            onClick={() => onChange(r.index)}
          >
            <span class="review-text" {...mark(`item-${r.item.id}`)}>
              {text(r)}
            </span>
            <span class="review-answer" {...mark(`answer-${r.item.id}`)}>
              {answer(r)}
            </span>
            <span class="review-change">
              <PencilIcon />
              <span class="visually-hidden">{t('review.change')}</span>
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
  return (
    <Screen
      name="review"
      title={t('review.title')}
      reading={reading}
      actions={
        <button type="button" class="secondary" onClick={onBack} disabled={busy}>
          {t('review.back_button')}
        </button>
      }
      primary={
        <button
          type="button"
          class="primary"
          onClick={submit}
          disabled={busy}
          {...mark('review.submit_button')}
        >
          {t('review.submit_button')}
        </button>
      }
    >
      <p {...mark('review.intro')}>{t('review.intro')}</p>
      {missing.length > 0 && (
        <section class="review-group review-missing" data-group="missing">
          <h2 class="notice" {...mark('review.unanswered_count')}>
            {missingTitle}
          </h2>
          {list(missing)}
        </section>
      )}
      {parts.map((g) => (
        <section key={g.part.id} class="review-group" data-group={g.part.id}>
          <h2 {...mark(`part-${g.part.id}`)}>{it(`parts.${g.part.id}.intro`, vars)}</h2>
          {list(g.rows)}
        </section>
      ))}
    </Screen>
  );
}
