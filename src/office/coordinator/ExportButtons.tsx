/**
 * Downloads for researchers: measurements as CSV or JSON (for the chosen period), the CSV's codebook, and SPSS syntax
 * and an R script that read the CSV with its labels.
 */
import { WS_API } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { routePath } from '../../shared/contract/client.ts';

/** Props: the period to export (empty = everything). */
export interface ExportButtonsProps {
  readonly from: string;
  readonly to: string;
}

/** The buttons (plain links: the browser downloads with the session cookie). */
export function ExportButtons({ from, to }: ExportButtonsProps) {
  const t = useT('workspace');
  return (
    <div class="exports">
      <div class="row-actions" role="group" aria-label={t('export.label')}>
        <a
          class="button"
          href={routePath('GET /api/export/measurements.csv', { query: { from, to } })}
          download
          data-testid="export-csv"
        >
          {t('export.csv')}
        </a>
        <a class="button" href={WS_API.exportCodebook} download data-testid="export-codebook">
          {t('export.codebook')}
        </a>
        <a class="button" href={WS_API.exportSpss} download data-testid="export-spss">
          {t('export.spss')}
        </a>
        <a class="button" href={WS_API.exportR} download data-testid="export-r">
          {t('export.r')}
        </a>
        <a
          class="button"
          href={routePath('GET /api/export/measurements.json', { query: { from, to } })}
          download
          data-testid="export-json"
        >
          {t('export.json')}
        </a>
      </div>
      <p class="hint">{t('export.scripts_hint')}</p>
    </div>
  );
}
