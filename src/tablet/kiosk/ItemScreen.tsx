/** One statement per screen, big answer buttons, progress, back and skip. */
import { useRef } from 'preact/hooks';
import type { Item, Part } from '../../shared/core/instrument.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useKiosk } from './context.ts';
import { PictogramAnswers } from './PictogramAnswers.tsx';
import { Progress } from './Progress.tsx';
import { TITLE_LINE, type SpokenLine } from './readAloud.ts';
import { Screen } from './Screen.tsx';
import { useReadAloud } from './useReadAloud.ts';

/** Props: the item and its place; answer handlers resolve once the answer is stored. */
export interface ItemScreenProps {
  readonly item: Item;
  readonly part: Part;
  readonly index: number;
  readonly total: number;
  readonly value: number | undefined;
  readonly fromReview: boolean;
  readonly onAnswer: (value: number, tappedAt: number) => Promise<void>;
  readonly onSkip: () => Promise<void>;
  readonly onBack: () => void;
}

/**
 * The item screen. A tap is ignored while the previous one is being stored, so a double tap cannot skip an item;
 * the guard is a ref, not state, so a tap triggers no re-render before the answer is committed.
 */
export function ItemScreen(p: ItemScreenProps) {
  const t = useT();
  const { instrument, settings, pictograms } = useKiosk();
  const it = useT(instrumentNamespace(instrument));
  const busy = useRef(false);
  const vars = { agency: settings.agencyName };
  const ns = instrumentNamespace(instrument);
  const title = it(`items.${p.item.id}`, vars);
  const intro = it(`parts.${p.part.id}.intro`, vars);
  // The part's intro is said on its first item only: read-everything would repeat it on every screen.
  const firstOfPart = p.part.items[0]?.id === p.item.id;
  const lines: SpokenLine[] = [
    ...(firstOfPart ? [{ id: 'intro', key: `${ns}:parts.${p.part.id}.intro`, text: intro }] : []),
    { id: TITLE_LINE, key: `${ns}:items.${p.item.id}`, text: title },
    ...instrument.answerScale.map((o) => ({
      id: `answer-${o.value}`,
      key: `${ns}:answers.${o.value}`,
      text: it(`answers.${o.value}`),
    })),
  ];
  const reading = useReadAloud(`item:${p.item.id}`, lines);
  const run = (op: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    void op().finally(() => (busy.current = false));
  };
  return (
    <Screen
      name="item"
      key={p.item.id}
      title={title}
      reading={reading}
      above={
        <>
          <Progress
            current={p.index + 1}
            total={p.total}
            label={t('item.progress', { current: p.index + 1, total: p.total })}
          />
          <p class="part-intro" {...reading.mark('intro')}>
            {intro}
          </p>
        </>
      }
      actions={
        <>
          <button type="button" class="secondary" onClick={p.onBack}>
            {t('item.back_button')}
          </button>
          <button type="button" class="link" onClick={() => run(p.onSkip)}>
            {p.fromReview ? t('item.to_review_button') : t('item.skip_button')}
          </button>
        </>
      }
    >
      {pictograms ? (
        <PictogramAnswers
          instrument={instrument}
          itemId={p.item.id}
          value={p.value}
          onChoose={(v, at) => run(() => p.onAnswer(v, at))}
          mark={(v) => reading.mark(`answer-${v}`)}
        />
      ) : (
        <div
          class="answers"
          role="group"
          aria-label={t('item.answers_label')}
          data-item={p.item.id}
        >
          {instrument.answerScale.map((o) => (
            <button
              key={o.value}
              type="button"
              class={`answer answer-${o.value}`}
              aria-pressed={p.value === o.value}
              data-value={o.value}
              {...reading.mark(`answer-${o.value}`)}
              onClick={(e) => run(() => p.onAnswer(o.value, e.timeStamp))}
            >
              {it(`answers.${o.value}`)}
            </button>
          ))}
        </div>
      )}
    </Screen>
  );
}
