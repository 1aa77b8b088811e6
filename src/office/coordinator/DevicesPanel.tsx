/** Tablets: last sync, queued sessions, storage state, read-aloud per language; revoke a lost tablet; create a one-time enrollment code. */
import { useState } from 'preact/hooks';
import { ALL_LANGUAGES } from '../../shared/core/settings.ts';
import type { DeviceRow, NewEnrollCode } from '../../shared/contract/workspaceApi.ts';
import { i18next } from '../../shared/i18n/index.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { dateTime, languageName, megabytes } from '../../shared/ui/format.ts';
import { call } from '../api.ts';
import { LoadView } from '../LoadView.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';
import { QrCode } from './QrCode.tsx';

/** The panel. */
export function DevicesPanel() {
  const t = useT('workspace');
  const [load, reload] = useLoad(() => call('GET /api/devices'), 'devices');
  const [name, setName] = useState('');
  const [code, setCode] = useState<NewEnrollCode | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const when = (s: string | null) => (s ? dateTime.format(new Date(s)) : t('devices.never'));
  const storage = (d: DeviceRow) => {
    const s = d.status?.storage;
    if (!s) return t('devices.unknown');
    if (s.error) return t('devices.storage_error', { error: s.error });
    const used = s.usageBytes === null ? '?' : megabytes.format(s.usageBytes / 1e6);
    const quota = s.quotaBytes === null ? '?' : megabytes.format(s.quotaBytes / 1e6);
    return t(s.persisted ? 'devices.storage_persisted' : 'devices.storage_not_persisted', {
      used,
      quota,
    });
  };
  // Per enabled language: device voice, audio pack on the tablet, or nothing offline (flagged).
  const readAloud = (d: DeviceRow) => {
    // The database keeps no key order: show Dutch first, then the product's language order.
    const rank = (l: string) => (ALL_LANGUAGES.includes(l) ? ALL_LANGUAGES.indexOf(l) : 99);
    const modes = Object.entries(d.status?.readAloud ?? {}).sort(([a], [b]) => rank(a) - rank(b));
    if (modes.length === 0) return t('devices.unknown');
    return (
      <ul class="readaloud-modes">
        {modes.map(([lng, mode]) => (
          <li
            key={lng}
            data-lng={lng}
            data-mode={mode}
            class={mode === 'none' ? 'error' : undefined}
          >
            {t(`devices.read_${mode}`, { language: languageName(lng, i18next.language) })}
          </li>
        ))}
      </ul>
    );
  };
  const revoke = async (d: DeviceRow) => {
    if (!confirm(t('devices.revoke_confirm', { name: d.name }))) return;
    try {
      await call('POST /api/devices/:id/revoke', { params: { id: d.id } });
      reload();
    } catch (e) {
      setMsg(t('common.error', { message: e instanceof Error ? e.message : '' }));
    }
  };
  const create = async (e: Event) => {
    e.preventDefault();
    try {
      setCode(await call('POST /api/enroll-codes', { body: { name } }));
      setName('');
    } catch (err) {
      setMsg(t('common.error', { message: err instanceof Error ? err.message : '' }));
    }
  };
  return (
    <section class="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('devices.title')}</h2>
      <LoadView load={load}>
        {(devices) => (
          <DataTable
            testId="devices"
            headings={[
              t('devices.name'),
              t('devices.last_sync'),
              { heading: t('devices.queued'), numeric: true },
              t('devices.storage'),
              t('devices.read_aloud'),
              t('devices.status'),
            ]}
            rows={devices}
            rowKey={(d) => d.id}
            cells={(d) => [
              d.name,
              when(d.lastSyncAt),
              d.status ? d.status.queued : '–',
              storage(d),
              readAloud(d),
              d.revokedAt ? (
                t('devices.revoked', { time: when(d.revokedAt) })
              ) : (
                <>
                  {t('devices.active')}{' '}
                  <button type="button" class="danger" onClick={() => void revoke(d)}>
                    {t('devices.revoke')}
                  </button>
                </>
              ),
            ]}
            empty={<p class="muted">{t('devices.empty')}</p>}
          />
        )}
      </LoadView>
      <form class="ws-form inline-form" onSubmit={create}>
        <label>
          {t('devices.new_name')}
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} required />
        </label>
        <button type="submit" class="primary">
          {t('devices.create_code')}
        </button>
      </form>
      {code && (
        <div class="enroll-code" role="status" data-testid="enroll-code">
          <p>
            {t('devices.code_created', {
              code: code.code,
              name: code.name,
              time: when(code.expiresAt),
            })}
          </p>
          <div class="enroll-code-body">
            <p class="enroll-code-value" data-testid="enroll-code-value">
              {code.code}
            </p>
            <QrCode text={code.code} label={t('devices.qr_label', { code: code.code })} />
          </div>
          <p class="hint">{t('devices.code_how')}</p>
        </div>
      )}
      {msg && (
        <p class="error-box" role="alert">
          {msg}
        </p>
      )}
    </section>
  );
}
