/** The summary sheet itself: written for the client (B1), in one language with its own direction, one A4 page. */
// Its t() keys are in the summary namespace (what useT('summary') gives), fixed to the client's language by the page.
import type { TFunction } from 'i18next';
import type { MeasurementView, SummaryFacts } from '../../shared/contract/workspaceApi.ts';
import type { Instrument } from '../../shared/core/instrument.ts';
import {
  AGENCY_TIME_ZONE,
  formatLongDate,
  formatPercent,
} from '../../shared/core/languageFormat.ts';
import { sheetPostures, type SheetPosture } from '../../shared/core/summaryPostures.ts';
import type { LanguageMeta } from '../../shared/i18n/languages.ts';

/** Props: the language and its summary texts, the instrument, the measurement, the client's code and the agency's facts. */
export interface SummarySheetProps {
  readonly lang: LanguageMeta;
  readonly t: TFunction;
  readonly instrument: Instrument;
  readonly measurement: MeasurementView;
  readonly code: string;
  readonly facts: SummaryFacts;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The sheet: what the answers show (strengths first, defiant postures in words), what to expect, data and rights. */
export function SummarySheet({ lang, t, instrument, measurement, code, facts }: SummarySheetProps) {
  const agency = facts.agencyName || t('agency_fallback');
  const months = t('date_months').split('|');
  const dateOf = (at: number) =>
    formatLongDate(at, lang.code, AGENCY_TIME_ZONE, { months, pattern: t('date_pattern') });
  const completed = Date.parse(measurement.completedAt);
  const postures = sheetPostures(instrument, measurement.profile, facts.defiantScores);
  const dominant = postures.filter((p) => p.level === 'strong');
  return (
    <article class="summary-sheet" lang={lang.code} dir={lang.dir} data-testid="summary-sheet">
      <h1>{t('title')}</h1>
      <p>{t('intro', { agency })}</p>
      <p class="muted" data-testid="summary-date">
        {t('date', { date: dateOf(completed) })}
      </p>
      <h2>{t('result_title')}</h2>
      <p>{t('result_intro')}</p>
      <p class="small">{t('scores_intro')}</p>
      <ul class="summary-ways">
        {postures.map((p) => (
          <Way key={p.scale} p={p} t={t} agency={agency} code={lang.code} />
        ))}
      </ul>
      <h2>{t('expect_title', { agency })}</h2>
      <ul>
        {dominant.length === 0 && <li>{t('none_dominant')}</li>}
        {dominant.map((p) => (
          <li key={p.scale}>{t(`expect.${p.scale}`, { agency })}</li>
        ))}
        <li>{t('always.talk')}</li>
        <li>{t('always.fit')}</li>
      </ul>
      <h2>{t('privacy_title')}</h2>
      <ul class="summary-privacy" data-testid="summary-privacy">
        <li>{t('privacy.who', { agency })}</li>
        <li>{t('privacy.research', { agency })}</li>
        <li>
          {facts.retentionDays === null
            ? t('privacy.kept_open', { agency })
            : t('privacy.kept_until', {
                agency,
                date: dateOf(completed + facts.retentionDays * DAY_MS),
              })}
        </li>
        <li>{t('privacy.access', { agency })}</li>
        <li>{t('privacy.erase', { agency })}</li>
        <li>{t('privacy.questions', { agency })}</li>
      </ul>
      <p class="summary-code">{t('code', { code })}</p>
    </article>
  );
}

/** One way of relating to the rules: its neutral name and description, then a bar with a percentage or words. */
function Way({
  p,
  t,
  agency,
  code,
}: {
  p: SheetPosture;
  t: TFunction;
  agency: string;
  code: string;
}) {
  return (
    <li class={p.level === 'strong' ? 'dominant' : ''} data-posture={p.scale} data-level={p.level}>
      <div class="summary-way-text">
        <strong>{t(`names.${p.scale}`)}</strong> {t(`postures.${p.scale}`, { agency })}
      </div>
      {p.percent === null ? (
        <span class="summary-way-level">{t(`level.${p.level}`)}</span>
      ) : (
        <span class="summary-way-score">
          <span class="summary-bar-track" aria-hidden="true">
            <span class="summary-bar-fill" style={{ inlineSize: `${p.percent}%` }} />
          </span>
          <span class="summary-bar-value">{formatPercent(p.percent, code)}</span>
        </span>
      )}
    </li>
  );
}
