/** Data: exports, the retention period, and the end-of-study erasure of everything (type the agency name to confirm). */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { useLoad } from '../useLoad.ts';
import { ExportButtons } from './ExportButtons.tsx';

/** The panel. */
export function DataPanel() {
  const t = useT('workspace');
  const { agencyName } = useWorkspace();
  const [load] = useLoad(() => call('GET /api/retention'), 'retention');
  const [days, setDays] = useState('');
  const [retMsg, setRetMsg] = useState<string | null>(null);
  const [confirmText, setConfirmText] = useState('');
  const [eraseMsg, setEraseMsg] = useState<string | null>(null);
  useEffect(() => {
    if (load.state === 'ok') setDays(load.value.days === null ? '' : String(load.value.days));
  }, [load]);

  const saveRetention = async (e: Event) => {
    e.preventDefault();
    const value = days.trim() === '' ? null : Number(days);
    if (value !== null && (!Number.isInteger(value) || value < 1))
      return setRetMsg(t('data.retention_invalid'));
    try {
      const r = await call('PUT /api/retention', { body: { days: value } });
      setRetMsg(
        r.days === null
          ? t('data.retention_saved_none')
          : t('data.retention_saved', { count: r.days }),
      );
    } catch (err) {
      setRetMsg(t('common.error', { message: err instanceof Error ? err.message : '' }));
    }
  };
  const eraseAll = async (e: Event) => {
    e.preventDefault();
    try {
      const r = await call('POST /api/erasure/all', { body: { confirm: confirmText } });
      setEraseMsg(t('data.erased_all', { count: r.erased }));
      setConfirmText('');
    } catch (err) {
      setEraseMsg(t('common.error', { message: err instanceof Error ? err.message : '' }));
    }
  };
  return (
    <section class="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('data.title')}</h2>
      <h3>{t('export.label')}</h3>
      <ExportButtons from="" to="" />
      <form class="ws-form inline-form" onSubmit={saveRetention}>
        <h3>{t('data.retention_title')}</h3>
        <p class="hint">{t('data.retention_intro')}</p>
        <label>
          {t('data.retention_days')}
          <input
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={days}
            onInput={(e) => setDays(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('common.save')}</button>
        {retMsg && <p role="status">{retMsg}</p>}
      </form>
      <form class="ws-form danger-zone" onSubmit={eraseAll}>
        <h3>{t('data.erase_all_title')}</h3>
        <p>{t('data.erase_all_intro', { agency: agencyName })}</p>
        <label>
          {t('data.erase_all_type', { agency: agencyName })}
          <input
            value={confirmText}
            onInput={(e) => setConfirmText(e.currentTarget.value)}
            autocomplete="off"
          />
        </label>
        <button type="submit" class="danger" disabled={confirmText.trim() !== agencyName}>
          {t('data.erase_all_button')}
        </button>
        {eraseMsg && <p role="status">{eraseMsg}</p>}
      </form>
    </section>
  );
}
