/** "Kwaliteit van de vragenlijst": reliability, answers per language with the DIF screen, social desirability (coordinators). */
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { LoadView } from '../LoadView.tsx';
import { useLoad } from '../useLoad.ts';
import { DesirabilityTable } from './DesirabilityTable.tsx';
import { FlaggedItems } from './FlaggedItems.tsx';
import { ItemTable } from './ItemTable.tsx';
import { groupColumns } from './qualityFormat.ts';
import { ReliabilityTables } from './ReliabilityTables.tsx';

/** The page. */
export function QualityPage() {
  const t = useT('workspace');
  const { instrument } = useWorkspace();
  const [load] = useLoad(() => call('GET /api/quality'), 'quality');
  const ui = document.documentElement.lang || 'nl';
  return (
    <section data-screen="quality" class="quality">
      <h1>{t('quality.title')}</h1>
      <LoadView load={load}>
        {(report) => {
          const columns = groupColumns(report, t('quality.all_languages'), ui);
          return (
            <>
              <p data-testid="quality-n">
                {t('quality.intro', {
                  title: instrument.title,
                  version: report.instrumentVersion,
                  count: report.total,
                  mixed: report.mixed,
                })}
              </p>
              <p class="hint">{t('quality.min_n', { minN: report.minN })}</p>
              <Help />
              {report.total === 0 ? (
                <p>{t('quality.no_data')}</p>
              ) : (
                <>
                  <FlaggedItems report={report} instrument={instrument} />
                  <ReliabilityTables report={report} columns={columns} instrument={instrument} />
                  <ItemTable report={report} columns={columns} instrument={instrument} />
                  <DesirabilityTable report={report} columns={columns} instrument={instrument} />
                </>
              )}
            </>
          );
        }}
      </LoadView>
    </section>
  );
}

function Help() {
  const t = useT('workspace');
  return (
    <details class="quality-help">
      <summary>{t('quality.help_title')}</summary>
      {(['help_alpha', 'help_dif', 'help_flag', 'help_desirability', 'help_data'] as const).map(
        (k) => (
          <p key={k}>{t(`quality.${k}`)}</p>
        ),
      )}
    </details>
  );
}
