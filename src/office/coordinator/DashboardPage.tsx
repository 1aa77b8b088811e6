/** The organisation dashboard: average profile with N, dominance, expected role, social desirability, volume per week and tablet, feedback on fit. */
import { useState } from 'preact/hooks';
import type { Fit } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { decimal } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { useScaleLabel } from '../labels.ts';
import { LoadView } from '../LoadView.tsx';
import { useLoad } from '../useLoad.ts';
import { BarChart } from '../charts/BarChart.tsx';
import { Filters, type FilterValues } from './Filters.tsx';
import { ExportButtons } from './ExportButtons.tsx';
import { formatDay } from './dayText.ts';

const FITS: readonly Fit[] = ['yes', 'partly', 'no'];

/** The page. */
export function DashboardPage() {
  const t = useT('workspace');
  const { instrument } = useWorkspace();
  const label = useScaleLabel(instrument);
  const [f, setF] = useState<FilterValues>({ from: '', to: '', deviceId: '' });
  const [load] = useLoad(() => call('GET /api/dashboard', { query: { ...f } }), JSON.stringify(f));
  const count = (n: number) => t('dashboard.count', { count: n });
  return (
    <section data-screen="dashboard">
      <h1>{t('dashboard.title')}</h1>
      <Filters value={f} onChange={setF} />
      <ExportButtons from={f.from} to={f.to} />
      <LoadView load={load}>
        {(d) => {
          const fitBars = (which: 'staff' | 'client') =>
            FITS.map((k) => ({
              label: t(`judgement.fit_${k}`),
              value: d.fit[which][k],
              text: count(d.fit[which][k]),
            }));
          const maxOf = (xs: readonly { count: number }[]) =>
            Math.max(1, ...xs.map((x) => x.count));
          return (
            <>
              <p class="big-figure" data-testid="dashboard-n">
                {t('dashboard.n', { count: d.n })}
              </p>
              {d.versions.length > 1 && (
                <p class="notice" data-testid="dashboard-versions">
                  {t('dashboard.mixed_versions', {
                    versions: d.versions.map((v) => v.version).join(', '),
                    left: d.scalesLeftOut.join(', ') || '—',
                  })}
                </p>
              )}
              <div class="charts">
                <BarChart
                  id="avg"
                  title={t('dashboard.average')}
                  valueHead={t('dashboard.mean_n')}
                  max={100}
                  bars={d.averageProfile.map((a) => ({
                    label: label(a.scale),
                    value: a.mean,
                    text:
                      a.mean === null
                        ? '–'
                        : t('dashboard.mean_with_n', { value: decimal.format(a.mean), n: a.n }),
                  }))}
                />
                <BarChart
                  id="dominant"
                  title={t('dashboard.dominant')}
                  valueHead={t('dashboard.times')}
                  max={maxOf(d.dominantCounts)}
                  bars={d.dominantCounts.map((c) => ({
                    label: label(c.scale),
                    value: c.count,
                    text: count(c.count),
                  }))}
                />
                <BarChart
                  id="roles"
                  title={t('dashboard.roles')}
                  valueHead={t('dashboard.times')}
                  max={maxOf([...d.topRoleCounts, { count: d.topRoleTies }])}
                  bars={[
                    ...d.topRoleCounts.map((c) => ({
                      label: label(c.scale),
                      value: c.count,
                      text: count(c.count),
                    })),
                    {
                      label: t('dashboard.roles_tie'),
                      value: d.topRoleTies,
                      text: count(d.topRoleTies),
                    },
                  ]}
                />
                <figure class="chart" data-chart="desirability">
                  <figcaption>{t('dashboard.desirability')}</figcaption>
                  <p class="big-figure">
                    {d.desirability.mean === null
                      ? '–'
                      : t('dashboard.desirability_value', {
                          value: decimal.format(d.desirability.mean),
                          n: d.desirability.n,
                        })}
                  </p>
                </figure>
                <BarChart
                  id="weeks"
                  title={t('dashboard.per_week')}
                  valueHead={t('dashboard.times')}
                  max={maxOf(d.perWeek)}
                  bars={d.perWeek.map((w) => ({
                    label: t('dashboard.week_of', { date: formatDay(w.week) }),
                    value: w.count,
                    text: count(w.count),
                  }))}
                />
                <BarChart
                  id="devices"
                  title={t('dashboard.per_device')}
                  valueHead={t('dashboard.times')}
                  max={maxOf(d.perDevice)}
                  bars={d.perDevice.map((w) => ({
                    label: w.name,
                    value: w.count,
                    text: count(w.count),
                  }))}
                />
                <BarChart
                  id="fit-staff"
                  title={t('dashboard.fit_staff')}
                  valueHead={t('dashboard.times')}
                  max={Math.max(1, ...FITS.map((k) => d.fit.staff[k]))}
                  bars={fitBars('staff')}
                />
                <BarChart
                  id="fit-client"
                  title={t('dashboard.fit_client')}
                  valueHead={t('dashboard.times')}
                  max={Math.max(1, ...FITS.map((k) => d.fit.client[k]))}
                  bars={fitBars('client')}
                />
              </div>
            </>
          );
        }}
      </LoadView>
    </section>
  );
}
