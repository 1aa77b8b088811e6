/** The history of a client's measurements (peilmomenten): each posture's score and its change since the previous one. */
import type { MeasurementView } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime, decimal, signedDecimal } from '../../shared/ui/format.ts';
import { useWorkspace } from '../context.ts';
import { postureIds, useScaleLabel } from '../labels.ts';
import { cell, DataTable, type Column } from '../ui/DataTable.tsx';

/** Props: measurements, oldest first. */
export interface HistoryProps {
  readonly measurements: readonly MeasurementView[];
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
export function History({ measurements }: HistoryProps) {
  const t = useT('workspace');
  const { instrument } = useWorkspace();
  const label = useScaleLabel(instrument);
  const scales = postureIds(instrument);
  const rows = measurements.map((m, i) => ({ m, prev: measurements[i - 1] })).reverse();
  return (
    <DataTable
      class="history"
      testId="history"
      caption={t('history.caption')}
      headings={[
        t('history.date'),
        ...scales.map((s): Column => ({ heading: label(s), numeric: true })),
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
