/**
 * Answering without reading: the five answers as pictures. The first touch only reads the answer aloud and marks it;
 * touching the same picture again chooses it, through the same handler (and the same IndexedDB commit) as the text
 * buttons. Works the same with Enter or Space.
 */
import { useContext, useEffect, useState } from 'preact/hooks';
import type { Instrument } from '../../shared/core/instrument.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { Pictogram } from './Pictogram.tsx';
import { ReadAloudContext } from './readAloud.ts';

/** Props: the instrument's scale, the stored answer, and the choose action (same as the text buttons'). */
export interface PictogramAnswersProps {
  readonly instrument: Instrument;
  readonly itemId: string;
  readonly value: number | undefined;
  readonly onChoose: (value: number, tappedAt: number) => void;
  /** Read-aloud marks of the item screen, so the answer being said lights up. */
  readonly mark?: (value: number) => Record<string, string>;
}

/** The pictogram answer group. */
export function PictogramAnswers(p: PictogramAnswersProps) {
  const { instrument, itemId, value, onChoose } = p;
  const t = useT();
  const ns = instrumentNamespace(instrument);
  const it = useT(ns);
  const stop = useContext(ReadAloudContext)?.stop;
  const read = useContext(ReadAloudContext)?.read;
  const owner = `pictogram:${itemId}`;
  const [armed, setArmed] = useState<number | null>(null);
  useEffect(() => {
    setArmed(null);
    return () => stop?.(owner);
  }, [owner, stop]);
  const touch = (v: number, at: number) => {
    if (armed === v) {
      stop?.();
      onChoose(v, at);
      return;
    }
    setArmed(v);
    read?.(owner, [{ id: `answer-${v}`, key: `${ns}:answers.${v}`, text: it(`answers.${v}`) }]);
  };
  return (
    <div class="pictograms-wrap">
      <div
        class="pictograms"
        role="group"
        aria-label={t('item.answers_label')}
        aria-describedby="pictogram-hint"
        data-item={itemId}
      >
        {instrument.answerScale.map((o) => (
          <button
            key={o.value}
            type="button"
            class={`pictogram-answer${armed === o.value ? ' armed' : ''}`}
            aria-pressed={value === o.value}
            data-value={o.value}
            data-armed={armed === o.value ? 'true' : undefined}
            onClick={(e) => touch(o.value, e.timeStamp)}
            {...p.mark?.(o.value)}
          >
            <Pictogram value={o.value} />
            <span class="pictogram-label">{it(`answers.${o.value}`)}</span>
          </button>
        ))}
      </div>
      <p id="pictogram-hint" class="pictogram-hint" role="status">
        {armed !== null ? t('pictograms.confirm_hint') : ''}
      </p>
    </div>
  );
}
