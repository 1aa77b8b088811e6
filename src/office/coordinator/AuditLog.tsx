/** The audit log: who viewed, exported, linked or erased what, newest first; filtered and paged on the server. */
import { useState } from 'preact/hooks';
import { routePath } from '../../shared/contract/client.ts';
import { i18next } from '../../shared/i18n/index.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { LoadView } from '../LoadView.tsx';
import { useLoad } from '../useLoad.ts';
import { AuditFilters, NO_AUDIT_FILTERS, type AuditFilterValues } from './AuditFilters.tsx';
import { actionText, actorText, detailText } from './auditText.ts';

/** Lines per page. */
export const AUDIT_PAGE = 50;

/** The log. */
export function AuditLog() {
  const t = useT('workspace');
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS);
  const [offset, setOffset] = useState(0);
  // One line more than a page tells whether there is an older page.
  const [load, reload] = useLoad(
    () => call('GET /api/audit', { query: { ...filters, limit: AUDIT_PAGE + 1, offset } }),
    `audit ${JSON.stringify(filters)} ${offset}`,
  );
  const lang = i18next.language === 'en' ? 'en' : 'nl';
  const csv = routePath('GET /api/audit.csv', { query: { ...filters, lang } });
  return (
    <section class="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <AuditFilters
        value={filters}
        onApply={(f) => {
          setFilters(f);
          setOffset(0);
        }}
      />
      <div class="row-actions">
        <a class="button" href={csv} download data-testid="audit-csv">
          {t('audit.export_csv')}
        </a>
        <button type="button" onClick={reload}>
          {t('audit.refresh')}
        </button>
      </div>
      <p class="hint">{t('audit.export_note')}</p>
      <LoadView load={load}>
        {(all) => {
          const entries = all.slice(0, AUDIT_PAGE);
          if (entries.length === 0) return <p class="muted">{t('audit.empty')}</p>;
          return (
            <>
              <table class="ws-table audit" data-testid="audit">
                <thead>
                  <tr>
                    <th scope="col">{t('audit.at')}</th>
                    <th scope="col">{t('audit.actor')}</th>
                    <th scope="col">{t('audit.action')}</th>
                    <th scope="col">{t('audit.client')}</th>
                    <th scope="col">{t('audit.detail')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((e, i) => (
                    <tr key={`${offset + i}`} data-action={e.action}>
                      <td>{dateTime.format(new Date(e.at))}</td>
                      <td>{actorText(t, e)}</td>
                      <td>{actionText(t, e.action)}</td>
                      <td class="code">{e.clientId ? e.clientId.slice(0, 8) : '–'}</td>
                      <td>{detailText(t, e, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <nav class="pager" aria-label={t('audit.title')}>
                <button
                  type="button"
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - AUDIT_PAGE))}
                >
                  {t('audit.previous')}
                </button>
                <span role="status">
                  {t('audit.page', { from: offset + 1, to: offset + entries.length })}
                </span>
                <button
                  type="button"
                  disabled={all.length <= AUDIT_PAGE}
                  onClick={() => setOffset(offset + AUDIT_PAGE)}
                  data-testid="audit-older"
                >
                  {t('audit.next')}
                </button>
              </nav>
            </>
          );
        }}
      </LoadView>
    </section>
  );
}
