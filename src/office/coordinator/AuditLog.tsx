/** The audit log: who viewed, exported, linked or erased what, newest first. */
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { LoadView } from '../LoadView.tsx';
import { useLoad } from '../useLoad.ts';

/** The log (the latest 200 lines). */
export function AuditLog() {
  const t = useT('workspace');
  const [load, reload] = useLoad(() => call('GET /api/audit', { query: { limit: 200 } }), 'audit');
  return (
    <section class="panel" aria-labelledby="audit-title">
      <h2 id="audit-title">{t('audit.title')}</h2>
      <button type="button" onClick={reload}>
        {t('audit.refresh')}
      </button>
      <LoadView load={load}>
        {(entries) => (
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
                <tr key={i}>
                  <td>{dateTime.format(new Date(e.at))}</td>
                  <td>{e.actorName}</td>
                  <td>{e.action}</td>
                  <td class="code">{e.clientId ? e.clientId.slice(0, 8) : '–'}</td>
                  <td>{e.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </LoadView>
    </section>
  );
}
