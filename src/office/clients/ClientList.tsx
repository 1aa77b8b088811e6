/** "Mijn cliënten" for staff (only linked clients), every client for the coordinator; dominant postures at a glance. */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { useScaleLabel } from '../labels.ts';
import { Link } from '../Link.tsx';
import { LoadView } from '../LoadView.tsx';
import { href } from '../router.ts';
import { cell, DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';
import { DocumentName } from './DocumentName.tsx';

/** The list. */
export function ClientList() {
  const t = useT('workspace');
  const { me, instrument } = useWorkspace();
  const label = useScaleLabel(instrument);
  const [q, setQ] = useState('');
  const coordinator = me.role === 'coordinator';
  const [load] = useLoad(() => call('GET /api/clients', { query: { q } }), q);
  return (
    <section data-screen="clients">
      <h1>{coordinator ? t('clients.title_all') : t('clients.title_mine')}</h1>
      <label class="search">
        {t('clients.search')}
        <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      <LoadView load={load}>
        {(clients) => (
          <DataTable
            testId="client-list"
            headings={[
              t('clients.name'),
              t('clients.code'),
              t('clients.dominant'),
              t('clients.latest'),
              { heading: t('clients.count'), numeric: true },
              ...(coordinator ? [t('clients.staff')] : []),
            ]}
            rows={clients}
            rowKey={(c) => c.id}
            rowAttributes={(c) => ({ 'data-client': c.id })}
            cells={(c) => [
              <>
                <Link to={href({ name: 'client', id: c.id })}>
                  <bdi>{c.displayName}</bdi>
                </Link>
                <DocumentName client={c} />
              </>,
              cell(c.code, { class: 'code' }),
              c.latest && c.latest.dominant.length > 0 ? (
                <ul class="chips">
                  {c.latest.dominant.map((s) => (
                    <li key={s} class="chip" data-posture={s}>
                      {label(s)}
                    </li>
                  ))}
                </ul>
              ) : (
                <span class="muted">{t('clients.none_dominant')}</span>
              ),
              c.latest ? dateTime.format(new Date(c.latest.completedAt)) : '–',
              c.measurementCount,
              ...(coordinator
                ? [c.staff ? c.staff.name : <span class="muted">{t('clients.unlinked')}</span>]
                : []),
            ]}
            empty={
              <p data-testid="no-clients">
                {coordinator ? t('clients.empty_all') : t('clients.empty_mine')}
              </p>
            }
          />
        )}
      </LoadView>
    </section>
  );
}
