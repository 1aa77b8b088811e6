/** Per scale with two or more items: α with Feldt's interval and each item's corrected item–total correlation, per group. */
import type { Instrument } from '../../shared/core/instrument.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import type { QualityReport, ScaleQuality } from '../../shared/core/itemQuality/report.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useWorkspace } from '../context.ts';
import { useScaleLabel } from '../labels.ts';
import { groupOf, twoDecimals, type GroupColumn } from './qualityFormat.ts';
import { Withheld } from './Withheld.tsx';

/** Item–total correlations below this are marked (a common rule of thumb: the item measures little of the scale). */
const LOW_ITEM_TOTAL = 0.3;

/** Props: the report, its columns and the instrument (for labels and item texts). */
export interface ReliabilityTablesProps {
  readonly report: QualityReport;
  readonly columns: readonly GroupColumn[];
  readonly instrument: Instrument;
}

/** The tables, one per scale. */
export function ReliabilityTables({ report, columns, instrument }: ReliabilityTablesProps) {
  const t = useT('workspace');
  return (
    <section aria-labelledby="q-reliability">
      <h2 id="q-reliability">{t('quality.reliability_title')}</h2>
      <p class="hint">{t('quality.reliability_intro')}</p>
      {report.scales
        .filter((s) => s.items.length >= 2)
        .map((s) => (
          <ScaleTable
            key={s.scale}
            scale={s}
            columns={columns}
            instrument={instrument}
            minN={report.minN}
          />
        ))}
    </section>
  );
}

function ScaleTable(p: {
  readonly scale: ScaleQuality;
  readonly columns: readonly GroupColumn[];
  readonly instrument: Instrument;
  readonly minN: number;
}) {
  const t = useT('workspace');
  const it = useT(instrumentNamespace(p.instrument));
  const { agencyName } = useWorkspace();
  const label = useScaleLabel(p.instrument);
  const groups = p.columns.map((c) => groupOf(p.scale.groups, c));
  return (
    <div class="table-scroll">
      <table class="ws-table quality-table" data-scale={p.scale.scale}>
        <caption>{label(p.scale.scale)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('quality.item')}</th>
            {p.columns.map((c) => (
              <th key={c.language ?? ''} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr class="alpha-row">
            <th scope="row">{t('quality.alpha_row')}</th>
            {groups.map((g, i) => (
              <td key={i} data-alpha={g?.alpha ?? ''}>
                {g?.shown && g.alpha !== null ? (
                  t('quality.alpha_value', {
                    alpha: twoDecimals.format(g.alpha),
                    low: twoDecimals.format(g.low ?? Number.NaN),
                    high: twoDecimals.format(g.high ?? Number.NaN),
                  })
                ) : (
                  <Withheld minN={p.minN} />
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('quality.n')}</th>
            {groups.map((g, i) => (
              <td key={i} class="num">
                {g?.n ?? 0}
              </td>
            ))}
          </tr>
          {p.scale.items.map((item, k) => (
            <tr key={item}>
              <th scope="row" class="item-text">
                <strong>{item}</strong> {it(`items.${item}`, { agency: agencyName })}
              </th>
              {groups.map((g, i) => {
                const r = g?.itemTotal[k] ?? null;
                if (!g?.shown || r === null)
                  return (
                    <td key={i}>
                      <Withheld minN={p.minN} />
                    </td>
                  );
                const low = r < LOW_ITEM_TOTAL;
                return (
                  <td
                    key={i}
                    class={low ? 'num low' : 'num'}
                    title={low ? t('quality.low_item_total') : undefined}
                  >
                    {twoDecimals.format(r)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
