/** A horizontal bar chart in inline SVG with a title, and the same figures as a table for screen readers and print. */
import { useT } from '../../shared/i18n/useT.ts';

/** One bar. */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  /** Shown at the end of the bar (e.g. "64,2% (N = 12)"). */
  readonly text: string;
}

/** Props: an id for the title, the title, the bars, the maximum of the axis, and the table's column heads. */
export interface BarChartProps {
  readonly id: string;
  readonly title: string;
  readonly bars: readonly Bar[];
  readonly max: number;
  readonly valueHead: string;
}

const WIDTH = 560;
const TEXT = 110;
/** About the width of one character of a 13 px label. */
const CHAR = 7;
/** Widest label column; a longer label takes two lines instead of running off the chart. */
const MAX_LABEL = 240;

/** A label as its lines: one, or two split at the space nearest the middle when it is too long for one. */
function labelLines(label: string): string[] {
  if (label.length * CHAR + 12 <= MAX_LABEL) return [label];
  const spaces = [...label.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return [label];
  const mid = label.length / 2;
  const at = spaces.reduce((a, b) => (Math.abs(b - mid) < Math.abs(a - mid) ? b : a));
  return [label.slice(0, at), label.slice(at + 1)];
}

/** The chart. */
export function BarChart({ id, title, bars, max, valueHead }: BarChartProps) {
  const t = useT('workspace');
  const lines = bars.map((b) => labelLines(b.label));
  const longest = Math.max(0, ...lines.flat().map((l) => l.length));
  const LABEL = Math.min(MAX_LABEL, Math.max(120, longest * CHAR + 12));
  const ROW = lines.some((l) => l.length > 1) ? 40 : 28;
  const plot = WIDTH - LABEL - TEXT;
  const height = Math.max(1, bars.length) * ROW + 8;
  return (
    <figure class="chart" data-chart={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {bars.length === 0 ? (
        <p class="muted">{t('dashboard.no_data')}</p>
      ) : (
        <svg
          role="img"
          aria-labelledby={`${id}-title ${id}-desc`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          width="100%"
          preserveAspectRatio="xMinYMin meet"
        >
          <title>{title}</title>
          <desc id={`${id}-desc`}>{bars.map((b) => `${b.label}: ${b.text}`).join('; ')}</desc>
          {bars.map((b, i) => {
            const w = b.value === null || max <= 0 ? 0 : Math.max(0, (b.value / max) * plot);
            const y = i * ROW + 4;
            const mid = y + (ROW - 8) / 2 + 5;
            const own = lines[i] ?? [b.label];
            return (
              <g key={b.label}>
                <text
                  x={LABEL - 8}
                  y={mid - (own.length - 1) * 7}
                  text-anchor="end"
                  class="chart-label"
                >
                  {own.map((l, n) => (
                    <tspan key={n} x={LABEL - 8} dy={n === 0 ? 0 : 14}>
                      {l}
                    </tspan>
                  ))}
                </text>
                <rect x={LABEL} y={y} width={plot} height={ROW - 8} class="chart-track" />
                <rect x={LABEL} y={y} width={w} height={ROW - 8} class="chart-bar" />
                <text x={LABEL + plot + 8} y={mid} class="chart-value">
                  {b.text}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <details class="chart-table">
        <summary>{t('dashboard.as_table')}</summary>
        <table class="ws-table">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col">{valueHead}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td>{b.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
