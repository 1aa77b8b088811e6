/** Per scale with two or more items: α with Feldt's interval and each item's corrected item–total correlation, per group. */
import type { Instrument } from '../../shared/core/instrument.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import type { ScaleQuality } from '../../shared/core/itemQuality/report.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useWorkspace } from '../context.ts';
import { useScaleLabel } from '../labels.ts';
import { groupOf, twoDecimals, type GroupColumn, type QualityTableProps } from './qualityFormat.ts';
import { cell, DataTable } from '../ui/DataTable.tsx';
import { Withheld } from './Withheld.tsx';

/** Item–total correlations below this are marked (a common rule of thumb: the item measures little of the scale). */
const LOW_ITEM_TOTAL = 0.3;

/** The tables, one per scale. */
export function ReliabilityTables({ report, columns, instrument }: QualityTableProps) {
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
  const rows: readonly ScaleRow[] = [
    { kind: 'alpha' },
    { kind: 'n' },
    ...p.scale.items.map((item, k): ScaleRow => ({ kind: 'item', item, k })),
  ];
  const itemCells = (k: number) =>
    groups.map((g) => {
      const r = g?.itemTotal[k] ?? null;
      if (!g?.shown || r === null) return <Withheld minN={p.minN} />;
      const low = r < LOW_ITEM_TOTAL;
      return cell(twoDecimals.format(r), {
        class: low ? 'num low' : 'num',
        title: low ? t('quality.low_item_total') : undefined,
      });
    });
  return (
    <DataTable
      scroll
      class="quality-table"
      attributes={{ 'data-scale': p.scale.scale }}
      caption={label(p.scale.scale)}
      headings={[t('quality.item'), ...p.columns.map((c) => c.label)]}
      rows={rows}
      rowKey={(r) => (r.kind === 'item' ? r.item : r.kind)}
      rowAttributes={(r) => (r.kind === 'alpha' ? { class: 'alpha-row' } : {})}
      rowHeadings
      cells={(r) => {
        if (r.kind === 'alpha')
          return [
            t('quality.alpha_row'),
            ...groups.map((g) =>
              cell(
                g?.shown && g.alpha !== null ? (
                  t('quality.alpha_value', {
                    alpha: twoDecimals.format(g.alpha),
                    low: twoDecimals.format(g.low ?? Number.NaN),
                    high: twoDecimals.format(g.high ?? Number.NaN),
                  })
                ) : (
                  <Withheld minN={p.minN} />
                ),
                { 'data-alpha': String(g?.alpha ?? '') },
              ),
            ),
          ];
        if (r.kind === 'n')
          return [t('quality.n'), ...groups.map((g) => cell(g?.n ?? 0, { class: 'num' }))];
        return [
          cell(
            <>
              <strong>{r.item}</strong> {it(`items.${r.item}`, { agency: agencyName })}
            </>,
            { class: 'item-text' },
          ),
          ...itemCells(r.k),
        ];
      }}
    />
  );
}

/** A row of a scale's table: α with its interval, the number of measurements, or one item's item–total correlation. */
type ScaleRow =
  | { readonly kind: 'alpha' }
  | { readonly kind: 'n' }
  | { readonly kind: 'item'; readonly item: string; readonly k: number };
