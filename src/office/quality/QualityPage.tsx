/** "Kwaliteit van de vragenlijst": reliability, answers per language with the DIF screen, social desirability (coordinators). */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { LoadView } from '../LoadView.tsx';
import { useLoad } from '../useLoad.ts';
import { registerVersion } from '../versionLabels.ts';
import { DesirabilityTable } from './DesirabilityTable.tsx';
import { FlaggedItems } from './FlaggedItems.tsx';
import { ItemTable } from './ItemTable.tsx';
import { groupColumns } from './qualityFormat.ts';
import { ReliabilityTables } from './ReliabilityTables.tsx';

/** The page. */
export function QualityPage() {
  const t = useT('workspace');
  const { instrument: shipped } = useWorkspace();
  const [versions] = useLoad(() => call('GET /api/instrument-versions'), 'versions');
  const [chosen, setChosen] = useState<number | null>(null);
  const [load] = useLoad(
    () => call('GET /api/quality', chosen === null ? {} : { query: { version: chosen } }),
    `quality-${chosen ?? 'current'}`,
  );
  const list = versions.state === 'ok' ? versions.value : [];
  // Each version is analysed on its own items: labels come from the version the report is about.
  const instrument = (report: { instrumentVersion: number }) => {
    const v = list.find((x) => x.version === report.instrumentVersion);
    return v ? registerVersion(v) : shipped;
  };
  const ui = document.documentElement.lang || 'nl';
  return (
    <section data-screen="quality" class="quality">
      <h1>{t('quality.title')}</h1>
      {list.length > 1 && (
        <label class="inline">
          {t('quality.version')}{' '}
          <select
            data-testid="quality-version"
            value={chosen ?? list.find((v) => v.current)?.version ?? ''}
            onChange={(e) => setChosen(Number(e.currentTarget.value))}
          >
            {list.map((v) => (
              <option key={v.version} value={v.version}>
                {t('quality.version_option', { version: v.version, count: v.measurements })}
              </option>
            ))}
          </select>
        </label>
      )}
      <LoadView load={load}>
        {(report) => {
          const shown = instrument(report);
          const columns = groupColumns(report, t('quality.all_languages'), ui);
          return (
            <>
              <p data-testid="quality-n">
                {t('quality.intro', {
                  title: shown.title,
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
                  <FlaggedItems report={report} instrument={shown} />
                  <ReliabilityTables report={report} columns={columns} instrument={shown} />
                  <ItemTable report={report} columns={columns} instrument={shown} />
                  <DesirabilityTable report={report} columns={columns} instrument={shown} />
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
