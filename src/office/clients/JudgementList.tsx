/** Staff judgements of a measurement, listed beside its scores (never replacing them). */
import type { Judgement } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime } from '../../shared/ui/format.ts';
import { useWorkspace } from '../context.ts';
import { useScaleLabel } from '../labels.ts';

/** Props: the judgements to show, newest first. */
export interface JudgementListProps {
  readonly judgements: readonly Judgement[];
}

/** The list. */
export function JudgementList({ judgements }: JudgementListProps) {
  const t = useT('workspace');
  const { instrument } = useWorkspace();
  const label = useScaleLabel(instrument);
  if (judgements.length === 0) return <p class="muted">{t('judgement.none')}</p>;
  return (
    <ul class="judgements" data-testid="judgements">
      {[...judgements]
        .sort((a, b) => b.at.localeCompare(a.at))
        .map((j) => (
          <li key={j.id}>
            <p class="muted small">
              {t('judgement.by', { name: j.staffName, time: dateTime.format(new Date(j.at)) })}
            </p>
            <p>
              <strong>{t('judgement.fit')}</strong> {t(`judgement.fit_${j.fit}`)}
              {j.clientFit && (
                <>
                  {' · '}
                  <strong>{t('judgement.client_fit_short')}</strong>{' '}
                  {t(`judgement.fit_${j.clientFit}`)}
                </>
              )}
              {j.observedPosture && (
                <>
                  {' · '}
                  <strong>{t('judgement.observed_short')}</strong> {label(j.observedPosture)}
                </>
              )}
            </p>
            {j.note && <p class="note">{j.note}</p>}
          </li>
        ))}
    </ul>
  );
}
