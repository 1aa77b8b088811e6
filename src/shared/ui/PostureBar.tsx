/** One posture as a horizontal bar with the dominance threshold drawn on it; dominance shown in words and by pattern. */
import type { PostureScore } from '../core/scoring.ts';
import { useT } from '../i18n/useT.ts';
import { decimal } from './format.ts';

/** Props: the posture's score, its label, and the threshold in percent. */
export interface PostureBarProps {
  readonly score: PostureScore;
  readonly label: string;
  readonly threshold: number;
}

/** The bar. */
export function PostureBar({ score, label, threshold }: PostureBarProps) {
  const t = useT('staff');
  return (
    <li class={score.dominant ? 'bar dominant' : 'bar'} data-posture={score.scale}>
      <span class="bar-label">
        {label}
        {score.dominant && <strong class="dominant-tag">{t('profile.dominant')}</strong>}
      </span>
      <span class="bar-track" aria-hidden="true">
        {score.percent !== null && (
          <span class="bar-fill" style={{ inlineSize: `${score.percent}%` }} />
        )}
        <span class="bar-threshold" style={{ insetInlineStart: `${threshold}%` }} />
      </span>
      <span class="bar-value">
        {score.percent === null
          ? t('profile.not_enough')
          : t('profile.percent', { value: decimal.format(score.percent) })}
      </span>
    </li>
  );
}
