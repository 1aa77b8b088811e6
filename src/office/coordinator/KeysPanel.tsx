/** The server's sealing keys: which one tablets seal to, and destroying a retired one once no tablet waits for it. */
import { useState } from 'preact/hooks';
import type { ServerKeyStatus } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { LoadView } from '../LoadView.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';

/** The panel. */
export function KeysPanel() {
  const t = useT('workspace');
  const [load, reload] = useLoad(() => call('GET /api/server-keys'), 'keys');
  const [msg, setMsg] = useState<string | null>(null);
  const when = (s: string) => dateTime.format(new Date(s));
  const destroy = async (k: ServerKeyStatus) => {
    if (!confirm(t('keys.destroy_confirm', { id: k.keyId }))) return;
    try {
      await call('POST /api/server-keys/:id/destroy', { params: { id: k.keyId } });
      setMsg(null);
      reload();
    } catch (e) {
      setMsg(t('common.error', { message: e instanceof Error ? e.message : '' }));
    }
  };
  const state = (k: ServerKeyStatus) => {
    if (k.active) return t('keys.active');
    if (k.destroyedAt) return t('keys.destroyed', { time: when(k.destroyedAt) });
    if (k.waitingFor.length > 0) return t('keys.waiting', { tablets: k.waitingFor.join(', ') });
    return (
      <>
        {t('keys.retired')}{' '}
        <button type="button" class="danger" onClick={() => void destroy(k)}>
          {t('keys.destroy')}
        </button>
      </>
    );
  };
  return (
    <section class="panel" aria-labelledby="keys-title">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <p class="muted">{t('keys.intro')}</p>
      <LoadView load={load}>
        {(keys) => (
          <DataTable
            testId="server-keys"
            headings={[t('keys.id'), t('keys.created'), t('keys.status')]}
            rows={keys}
            rowKey={(k) => k.keyId}
            rowAttributes={(k) => ({ 'data-key': k.keyId })}
            cells={(k) => [<code>{k.keyId}</code>, when(k.createdAt), state(k)]}
          />
        )}
      </LoadView>
      {msg && (
        <p class="error-box" role="alert">
          {msg}
        </p>
      )}
    </section>
  );
}
