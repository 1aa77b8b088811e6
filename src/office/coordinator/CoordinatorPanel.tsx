/** What only the coordinator does on a client's page: link, see answers, merge, split, erase. */
import { useState } from 'preact/hooks';
import type { ClientDetail, ClientSummary } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { Link } from '../Link.tsx';
import { href, navigate } from '../router.ts';
import { LinkPanel } from './LinkPanel.tsx';

/** Props: the client's page data and what to do after a change. */
export interface CoordinatorPanelProps {
  readonly detail: ClientDetail;
  readonly onChanged: () => void;
}

/** The panel. */
export function CoordinatorPanel({ detail, onChanged }: CoordinatorPanelProps) {
  const t = useT('workspace');
  const { client, measurements } = detail;
  const [error, setError] = useState<string | null>(null);
  const [mergeQuery, setMergeQuery] = useState('');
  const [candidates, setCandidates] = useState<ClientSummary[] | null>(null);
  const [confirmErase, setConfirmErase] = useState(false);
  const fail = (e: unknown) =>
    setError(t('common.error', { message: e instanceof Error ? e.message : '' }));

  const search = async (e: Event) => {
    e.preventDefault();
    try {
      const found = await call('GET /api/clients', { query: { q: mergeQuery } });
      setCandidates(found.filter((c) => c.id !== client.id));
    } catch (err) {
      fail(err);
    }
  };
  const merge = async (other: ClientSummary) => {
    if (!confirm(t('merge.confirm', { other: other.displayName, keep: client.displayName })))
      return;
    try {
      await call('POST /api/clients/merge', { body: { keepId: client.id, mergeId: other.id } });
      setCandidates(null);
      onChanged();
    } catch (err) {
      fail(err);
    }
  };
  const split = async (measurementId: string) => {
    try {
      const created = await call('POST /api/measurements/:id/split', {
        params: { id: measurementId },
      });
      navigate(href({ name: 'client', id: created.id }));
    } catch (err) {
      fail(err);
    }
  };
  const erase = async () => {
    try {
      await call('DELETE /api/clients/:id', { params: { id: client.id } });
      navigate(href({ name: 'home' }));
    } catch (err) {
      fail(err);
    }
  };

  return (
    <div class="coordinator-panel">
      <LinkPanel client={client} onChanged={onChanged} />
      <section class="panel" aria-labelledby="measurements-title">
        <h2 id="measurements-title">{t('client.measurements_title')}</h2>
        <ul class="plain">
          {measurements.map((m) => (
            <li key={m.id}>
              {dateTime.format(new Date(m.completedAt))} · {m.deviceName} · {m.language}{' '}
              <Link to={href({ name: 'measurement', id: m.id })}>{t('client.answers_link')}</Link>{' '}
              {measurements.length > 1 && (
                <button type="button" onClick={() => void split(m.id)}>
                  {t('merge.split')}
                </button>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section class="panel" aria-labelledby="merge-title">
        <h2 id="merge-title">{t('merge.title')}</h2>
        <p>{t('merge.intro')}</p>
        <form class="row-actions" onSubmit={search}>
          <input
            aria-label={t('clients.search')}
            value={mergeQuery}
            onInput={(e) => setMergeQuery(e.currentTarget.value)}
          />
          <button type="submit">{t('merge.search')}</button>
        </form>
        {candidates && candidates.length === 0 && <p class="muted">{t('merge.none')}</p>}
        {candidates && (
          <ul class="plain">
            {candidates.map((c) => (
              <li key={c.id}>
                <bdi>{c.displayName}</bdi>
                {c.documentName && <> / {c.documentName}</>} ({c.code}){' '}
                <button type="button" onClick={() => void merge(c)}>
                  {t('merge.merge_button')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="panel danger-zone" aria-labelledby="erase-title">
        <h2 id="erase-title">{t('erase.title')}</h2>
        <p>{t('erase.intro')}</p>
        {!confirmErase ? (
          <button
            type="button"
            class="danger"
            onClick={() => setConfirmErase(true)}
            data-testid="erase-client"
          >
            {t('erase.button')}
          </button>
        ) : (
          <div class="confirm" role="group" aria-label={t('erase.confirm')}>
            <span>{t('erase.confirm')}</span>
            <button
              type="button"
              class="danger"
              onClick={() => void erase()}
              data-testid="erase-confirm"
            >
              {t('erase.yes')}
            </button>
            <button type="button" onClick={() => setConfirmErase(false)}>
              {t('common.cancel')}
            </button>
          </div>
        )}
      </section>
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
