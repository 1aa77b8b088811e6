/** Links a client to a staff member: the suggested best fit (with why), any active staff member, or at random as in the pilot. */
import { useState } from 'preact/hooks';
import type { ClientSummary } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { useScaleLabel } from '../labels.ts';
import { LoadView } from '../LoadView.tsx';
import { useLoad } from '../useLoad.ts';
import { andList } from '../../shared/ui/format.ts';

/** Props: the client and what to do after a change. */
export interface LinkPanelProps {
  readonly client: ClientSummary;
  readonly onChanged: () => void;
}

/** The panel. */
export function LinkPanel({ client, onChanged }: LinkPanelProps) {
  const t = useT('workspace');
  const { instrument } = useWorkspace();
  const label = useScaleLabel(instrument);
  const [load] = useLoad(
    () =>
      Promise.all([
        call('GET /api/clients/:id/suggestions', { params: { id: client.id } }),
        call('GET /api/users'),
      ]),
    client.id + (client.staff?.id ?? ''),
  );
  const [pick, setPick] = useState('');
  const [error, setError] = useState<string | null>(null);
  const link = async (staffId: string | null) => {
    try {
      await call('PUT /api/clients/:id/link', { params: { id: client.id }, body: { staffId } });
      onChanged();
    } catch (e) {
      setError(t('common.error', { message: e instanceof Error ? e.message : '' }));
    }
  };
  const random = async () => {
    try {
      await call('POST /api/clients/:id/link-random', { params: { id: client.id } });
      onChanged();
    } catch (e) {
      setError(t('common.error', { message: e instanceof Error ? e.message : '' }));
    }
  };
  return (
    <section class="panel" aria-labelledby="link-title" data-testid="link-panel">
      <h2 id="link-title">{t('link.title')}</h2>
      <p data-testid="linked-to">
        {client.staff ? t('client.linked_to', { name: client.staff.name }) : t('link.unlinked')}
      </p>
      <LoadView load={load}>
        {([suggestions, users]) => {
          const active = users.filter((u) => !u.disabled && u.role === 'staff');
          return (
            <>
              <h3>{t('link.suggested')}</h3>
              {suggestions.length === 0 ? (
                <p class="muted">{t('link.no_suggestions')}</p>
              ) : (
                <ol class="suggestions">
                  {suggestions.slice(0, 3).map((s) => (
                    <li key={s.staffId} data-staff={s.staffId}>
                      <strong>{s.name}</strong>{' '}
                      <span class="muted">
                        {s.matched.length > 0
                          ? t('link.reason', {
                              postures: andList.format(s.matched.map(label)),
                              count: s.caseload,
                            })
                          : t('link.reason_none', { count: s.caseload })}
                      </span>{' '}
                      <button type="button" onClick={() => void link(s.staffId)}>
                        {t('link.link_button', { name: s.name })}
                      </button>
                    </li>
                  ))}
                </ol>
              )}
              <div class="row-actions">
                <label>
                  {t('link.choose')}{' '}
                  <select
                    value={pick}
                    onChange={(e) => setPick(e.currentTarget.value)}
                    data-testid="link-select"
                  >
                    <option value="">—</option>
                    {active.map((u) => (
                      <option key={u.id} value={u.id}>
                        {t('link.option', { name: u.name, count: u.caseload })}
                      </option>
                    ))}
                  </select>
                </label>
                <button
                  type="button"
                  disabled={!pick}
                  onClick={() => void link(pick)}
                  data-testid="link-button"
                >
                  {t('link.link')}
                </button>
                <button type="button" onClick={() => void random()}>
                  {t('link.random')}
                </button>
                {client.staff && (
                  <button type="button" onClick={() => void link(null)}>
                    {t('link.unlink')}
                  </button>
                )}
              </div>
              {error && (
                <p class="error-box" role="alert">
                  {error}
                </p>
              )}
            </>
          );
        }}
      </LoadView>
    </section>
  );
}
