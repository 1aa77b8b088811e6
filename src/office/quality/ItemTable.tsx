/** Per item and language: mean, distribution of answers and the DIF flag, beside the other languages. */
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import type { ItemGroup } from '../../shared/core/itemQuality/report.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useWorkspace } from '../context.ts';
import { decimal } from '../../shared/ui/format.ts';
import { groupOf, twoDecimals, type QualityTableProps } from './qualityFormat.ts';
import { cell, DataTable } from '../ui/DataTable.tsx';
import { Withheld } from './Withheld.tsx';

/** The table. */
export function ItemTable({ report, columns, instrument }: QualityTableProps) {
  const t = useT('workspace');
  const it = useT(instrumentNamespace(instrument));
  const { agencyName } = useWorkspace();
  const scale = instrument.answerScale;
  const first = scale[0];
  const last = scale[scale.length - 1];
  return (
    <section aria-labelledby="q-items">
      <h2 id="q-items">{t('quality.items_title')}</h2>
      <p class="hint">
        {t('quality.items_intro', {
          lowValue: first?.value,
          lowLabel: first ? it(`answers.${first.value}`) : '',
          highValue: last?.value,
          highLabel: last ? it(`answers.${last.value}`) : '',
        })}
      </p>
      <Legend values={report.values} label={(v) => `${v} · ${it(`answers.${v}`)}`} />
      <DataTable
        scroll
        class="quality-table"
        testId="quality-items"
        headings={[t('quality.item'), ...columns.map((c) => c.label)]}
        rows={report.items}
        rowKey={(item) => item.item}
        rowAttributes={(item) => ({ 'data-item': item.item })}
        rowHeadings
        cells={(item) => [
          cell(
            <>
              <strong>{item.item}</strong> {it(`items.${item.item}`, { agency: agencyName })}
            </>,
            { class: 'item-text' },
          ),
          ...columns.map((c) => {
            const g = groupOf(item.groups, c);
            const dif = item.dif.find((d) => d.language === c.language);
            return cell(
              <>
                {g ? <ItemCell group={g} values={report.values} minN={report.minN} /> : null}
                {dif?.flagged && (
                  <span class="flag-mark">
                    {t('quality.flag_mark')} ({twoDecimals.format(dif.effect)})
                  </span>
                )}
              </>,
              {
                class: dif?.flagged ? 'flagged' : undefined,
                'data-language': c.language ?? 'all',
                'data-flagged': dif?.flagged ? 'true' : undefined,
              },
            );
          }),
        ]}
      />
    </section>
  );
}

function ItemCell(p: {
  readonly group: ItemGroup;
  readonly values: readonly number[];
  readonly minN: number;
}) {
  const t = useT('workspace');
  const g = p.group;
  if (!g.shown || g.mean === null || g.distribution === null)
    return (
      <>
        <Withheld minN={p.minN} />
        <span class="cell-n">{t('quality.n_value', { n: g.n })}</span>
      </>
    );
  const parts = g.distribution
    .map((share, i) => `${p.values[i]}: ${decimal.format(Math.round(share * 100))}%`)
    .join(', ');
  return (
    <>
      <span class="cell-mean">{t('quality.mean_value', { mean: twoDecimals.format(g.mean) })}</span>
      <span class="dist" role="img" aria-label={t('quality.distribution', { parts })} title={parts}>
        {g.distribution.map((share, i) => (
          <span key={i} class={`dist-${i}`} style={{ inlineSize: `${share * 100}%` }} />
        ))}
      </span>
      <span class="cell-n">{t('quality.n_value', { n: g.n })}</span>
    </>
  );
}

function Legend(p: { readonly values: readonly number[]; readonly label: (v: number) => string }) {
  return (
    <ul class="dist-legend" aria-hidden="true">
      {p.values.map((v, i) => (
        <li key={v}>
          <span class={`swatch dist-${i}`} /> {p.label(v)}
        </li>
      ))}
    </ul>
  );
}
