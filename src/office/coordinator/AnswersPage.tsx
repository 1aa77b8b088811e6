/** One measurement with every answer, grouped per scale with its score (the pilot's "ingevulde vragen"). Coordinator only. */
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime, decimal } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { i18next } from '../../shared/i18n/index.ts';
import { registerVersion } from '../versionLabels.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';

/** Props: the measurement id from the URL. */
export interface AnswersPageProps {
  readonly id: string;
}

/** The page. */
export function AnswersPage({ id }: AnswersPageProps) {
  const t = useT('workspace');
  const { instrument: builtIn, agencyName } = useWorkspace();
  useT(); // re-renders on a language change; the labels below come from the answers' own version
  const [load] = useLoad(() => call('GET /api/measurements/:id/answers', { params: { id } }), id);
  const score = (kind: string, s: number | null) =>
    s === null
      ? t('answers.no_score')
      : kind === 'posture'
        ? t('history.percent', { value: decimal.format(s) })
        : t('answers.mean', { value: decimal.format(s) });
  return (
    <LoadView load={load}>
      {(a) => {
        const instrument = a.instrument ? registerVersion(a.instrument) : builtIn;
        const it = i18next.getFixedT(null, instrumentNamespace(instrument));
        const label = (scale: string) => it(`scales.${scale}.label`);
        return (
          <section data-screen="answers" data-version={instrument.version}>
            <h1>{t('answers.title')}</h1>
            <p>
              {dateTime.format(new Date(a.measurement.completedAt))} · {a.measurement.deviceName} ·{' '}
              {a.measurement.language} ·{' '}
              <Link to={href({ name: 'client', id: a.clientId })}>{t('answers.to_client')}</Link>
            </p>
            {a.scales.map((s) => (
              <DataTable
                key={s.scale}
                class="answers"
                attributes={{ 'data-scale': s.scale }}
                caption={`${label(s.scale)} — ${score(s.kind, s.score)}`}
                headings={[t('answers.item'), t('answers.statement'), t('answers.answer')]}
                rows={s.items}
                rowKey={(i) => i.itemId}
                cells={(i) => [
                  i.itemId,
                  it(`items.${i.itemId}`, { agency: agencyName }),
                  i.value === null ? (
                    <span class="muted">{t('answers.unanswered')}</span>
                  ) : (
                    `${i.value} · ${it(`answers.${i.value}`)}`
                  ),
                ]}
              />
            ))}
          </section>
        );
      }}
    </LoadView>
  );
}
