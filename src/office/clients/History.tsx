/** The history of a client's measurements (peilmomenten): each posture's score and its change since the previous one. */
import type { MeasurementView } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime, decimal, signedDecimal } from '../../shared/ui/format.ts';
import type { Instrument } from '../../shared/core/instrument.ts';
import { instrumentNamespace } from '../../shared/core/instrumentTexts.ts';
import { i18next } from '../../shared/i18n/index.ts';
import { postureIds } from '../labels.ts';
import { cell, DataTable, type Column } from '../ui/DataTable.tsx';

/** Props: measurements, oldest first, and the questionnaire version each was answered in (same order). */
export interface HistoryProps {
  readonly measurements: readonly MeasurementView[];
  readonly instruments: readonly Instrument[];
}

/** Every posture any of the versions has, in the newest version's order, each named by the newest version that has it. */
function postureColumns(instruments: readonly Instrument[]): { scale: string; label: string }[] {
  const out = new Map<string, string>();
  for (const i of [...instruments].sort((a, b) => b.version - a.version)) {
    const it = i18next.getFixedT(null, instrumentNamespace(i));
    for (const s of postureIds(i)) if (!out.has(s)) out.set(s, it(`scales.${s}.label`));
  }
  return [...out].map(([scale, label]) => ({ scale, label }));
}

/** Change of one posture between two measurements, or null when either has no score. */
export function change(
  prev: MeasurementView | undefined,
  cur: MeasurementView,
  scale: string,
): number | null {
  const a = prev?.profile.postures.find((p) => p.scale === scale)?.percent;
  const b = cur.profile.postures.find((p) => p.scale === scale)?.percent;
  return typeof a === 'number' && typeof b === 'number' ? b - a : null;
}

/** The table, newest first. */
export function History({ measurements, instruments }: HistoryProps) {
  const t = useT('workspace');
  const columns = postureColumns(instruments);
  const scales = columns.map((c) => c.scale);
  const rows = measurements.map((m, i) => ({ m, prev: measurements[i - 1] })).reverse();
  return (
    <DataTable
      class="history"
      testId="history"
      caption={t('history.caption')}
      headings={[
        t('history.date'),
        ...columns.map((c): Column => ({ heading: c.label, numeric: true })),
      ]}
      rows={rows}
      rowKey={({ m }) => m.id}
      rowHeadings
      cells={({ m, prev }) => [
        <>
          {dateTime.format(new Date(m.completedAt))}
          <span class="muted small"> · {m.deviceName}</span>
        </>,
        ...scales.map((s) => {
          const score = m.profile.postures.find((p) => p.scale === s);
          const d = change(prev, m, s);
          return cell(
            <>
              {score?.percent == null
                ? '–'
                : t('history.percent', { value: decimal.format(score.percent) })}
              {d !== null && (
                <span class="delta" data-delta={s}>
                  {' '}
                  {t('history.change', { value: signedDecimal.format(d) })}
                </span>
              )}
            </>,
            { class: score?.dominant ? 'dominant-cell' : undefined },
          );
        }),
      ]}
    />
  );
}
