/** The summary sheet itself: written for the client (B1), in one language with its own direction, one A4 page. */
// Its t() keys are in the summary namespace (what useT('summary') gives), fixed to the client's language by the page.
import type { TFunction } from 'i18next';
import type { MeasurementView } from '../../shared/contract/workspaceApi.ts';
import type { LanguageMeta } from '../../shared/i18n/languages.ts';
import { useWorkspace } from '../context.ts';

/** Props: the language, its texts (summary and instrument), the measurement and the client's code. */
export interface SummarySheetProps {
  readonly lang: LanguageMeta;
  readonly t: TFunction;
  readonly it: TFunction;
  readonly measurement: MeasurementView;
  readonly code: string;
}

/** The sheet. */
export function SummarySheet({ lang, t, it, measurement, code }: SummarySheetProps) {
  const { agencyName, agencyKnown } = useWorkspace();
  const agency = agencyKnown ? agencyName : t('agency_fallback');
  const locale = lang.code === 'fa' ? 'fa-IR' : lang.code;
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
    new Date(measurement.completedAt),
  );
  const pct = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const { postures, threshold } = measurement.profile;
  const dominant = postures.filter((p) => p.dominant);
  return (
    <article class="summary-sheet" lang={lang.code} dir={lang.dir} data-testid="summary-sheet">
      <h1>{t('title')}</h1>
      <p>{t('intro', { agency })}</p>
      <p class="muted">{t('date', { date })}</p>
      <h2>{t('result_title')}</h2>
      {dominant.length === 0 && <p>{t('none_dominant')}</p>}
      {dominant.map((p) => (
        <div key={p.scale} class="summary-posture" data-posture={p.scale}>
          <h3>{it(`scales.${p.scale}.label`)}</h3>
          <p>{t(`postures.${p.scale}`, { agency })}</p>
          <p>{t(`expect.${p.scale}`, { agency })}</p>
        </div>
      ))}
      <h2>{t('scores_title')}</h2>
      <p class="small">{t('scores_intro')}</p>
      <ul class="summary-bars">
        {postures.map((p) => (
          <li key={p.scale} class={p.dominant ? 'dominant' : ''}>
            <span class="summary-bar-label">{it(`scales.${p.scale}.label`)}</span>
            <span class="summary-bar-track" aria-hidden="true">
              <span class="summary-bar-fill" style={{ inlineSize: `${p.percent ?? 0}%` }} />
              <span class="summary-bar-threshold" style={{ insetInlineStart: `${threshold}%` }} />
            </span>
            <span class="summary-bar-value">
              {p.percent === null ? '–' : `${pct.format(p.percent)}%`}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t('expect_title', { agency })}</h2>
      <ul>
        <li>{t('always.talk')}</li>
        <li>{t('always.fit')}</li>
        <li>{t('always.private')}</li>
        <li>{t('always.erase')}</li>
      </ul>
      <p class="summary-code">{t('code', { code })}</p>
    </article>
  );
}
