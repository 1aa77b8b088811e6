/** Social desirability's correlation with each posture, per group. */
import { useT } from '../../shared/i18n/useT.ts';
import { useScaleLabel } from '../labels.ts';
import { groupOf, twoDecimals, type QualityTableProps } from './qualityFormat.ts';
import { cell, DataTable, type Column } from '../ui/DataTable.tsx';
import { Withheld } from './Withheld.tsx';

/** Correlations at or beyond this size are marked. */
const NOTABLE = 0.3;

/** The table; nothing when the instrument has no social-desirability scale. */
export function DesirabilityTable({ report, columns, instrument }: QualityTableProps) {
  const t = useT('workspace');
  const label = useScaleLabel(instrument);
  if (report.desirability.length === 0) return null;
  return (
    <section aria-labelledby="q-desirability">
      <h2 id="q-desirability">{t('quality.desirability_title')}</h2>
      <p class="hint">{t('quality.desirability_intro')}</p>
      <DataTable
        scroll
        class="quality-table"
        testId="quality-desirability"
        headings={['', ...columns.map((c): Column => ({ heading: c.label, numeric: true }))]}
        rows={report.desirability}
        rowKey={(d) => d.scale}
        rowAttributes={(d) => ({ 'data-scale': d.scale })}
        rowHeadings
        cells={(d) => [
          label(d.scale),
          ...columns.map((c) => {
            const g = groupOf(d.groups, c);
            const notable = g?.r != null && Math.abs(g.r) >= NOTABLE;
            return cell(
              <>
                {g?.shown && g.r !== null ? (
                  t('quality.r_value', { r: twoDecimals.format(g.r) })
                ) : (
                  <Withheld minN={report.minN} />
                )}
                <span class="cell-n">{t('quality.n_value', { n: g?.n ?? 0 })}</span>
              </>,
              { class: notable ? 'low' : undefined },
            );
          }),
        ]}
      />
    </section>
  );
}
