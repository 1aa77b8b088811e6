/** "Vraag 7 van 27" with a bar; the bar follows the text direction, so it mirrors in right-to-left languages. */

/** Props: position and the translated label. */
export interface ProgressProps {
  readonly current: number;
  readonly total: number;
  readonly label: string;
}

/** The progress indicator. */
export function Progress({ current, total, label }: ProgressProps) {
  return (
    <div class="progress">
      <span class="progress-label">{label}</span>
      <div
        class="progress-bar"
        role="progressbar"
        aria-valuemin={1}
        aria-valuemax={total}
        aria-valuenow={current}
        aria-label={label}
      >
        <div class="progress-fill" style={{ inlineSize: `${(current / total) * 100}%` }} />
      </div>
    </div>
  );
}
