/** Staff mode's view of sync: enroll the tablet once, then see what waits, what failed, and send now. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { addTexts } from '../../shared/i18n/index.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { now } from '../../shared/platform/clock.ts';
import {
  clearEnrollment,
  loadEnrollment,
  loadSyncStatus,
  type DeviceEnrollment,
  type SyncStatus,
} from '../storage/device.ts';
import { outboxCounts, rejectedRows, type OutboxCounts } from '../storage/outbox.ts';
import type { OutboxRow } from '../storage/db.ts';
import { enrollTablet, type EnrollError } from '../sync/enroll.ts';
import { onSyncResult, requestSync, sendSyncNow } from '../sync/index.ts';
import texts from '../../../locales/nl/sync.json';
import textsEn from '../../../locales/en/sync.json';
import type { AgencySettings } from '../../shared/core/settings.ts';
import { loadOfficeConfig, type OfficeConfig } from '../storage/officeConfig.ts';
import { contactOverdue } from '../sync/contact.ts';
import { QrScanButton } from './QrScanButton.tsx';

addTexts('nl', 'sync', texts);
addTexts('en', 'sync', textsEn);

interface State {
  readonly enrollment: DeviceEnrollment | null;
  readonly status: SyncStatus;
  readonly counts: OutboxCounts;
  readonly rejected: OutboxRow[];
  readonly office: OfficeConfig | null;
}

async function loadState(): Promise<State> {
  const [enrollment, status, counts, rejected, office] = await Promise.all([
    loadEnrollment(),
    loadSyncStatus(),
    outboxCounts(),
    rejectedRows(),
    loadOfficeConfig(),
  ]);
  return { enrollment, status, counts, rejected, office };
}

/** Why the server refused a session, in staff's words, with the server's own message under it. */
function RejectedItem({ row, time }: { readonly row: OutboxRow; readonly time: string }) {
  const t = useT('sync');
  const r = row.rejected;
  if (!r) return null;
  const known = r.status === 400 || r.status === 409 || r.status === 422;
  return (
    <li>
      {t('rejected_item', {
        time,
        reason: t(`rejected_reason.${known ? String(r.status) : 'other'}`),
      })}
      <br />
      <small>
        {t('rejected_detail', { status: r.status, error: r.error, message: r.message ?? '' })}
      </small>
    </li>
  );
}

/** Props: called with the agency settings the server sent at enrollment. */
export interface SyncPanelProps {
  readonly onSettings: (settings: AgencySettings) => void;
  /** Days without contact before the panel warns (the agency's `offlineWarnDays`). */
  readonly warnDays: number;
}

/** The panel. */
export function SyncPanel({ onSettings, warnDays }: SyncPanelProps) {
  const t = useT('sync');
  const [state, setState] = useState<State | null>(null);
  const [server, setServer] = useState(() => window.location.origin);
  const [code, setCode] = useState('');
  const [error, setError] = useState<EnrollError | 'required' | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const refresh = useCallback(() => void loadState().then(setState), []);
  useEffect(() => {
    refresh();
    return onSyncResult(refresh);
  }, [refresh]);
  if (!state) return null;

  const enroll = async (e: Event) => {
    e.preventDefault();
    if (!code.trim()) return setError('required');
    setBusy(true);
    const result = await enrollTablet(server, code, { fetch: (i, init) => fetch(i, init), now });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setCode('');
    setDone(true);
    onSettings(result.settings);
    requestSync();
    refresh();
  };
  const fmtTime = (ms: number | null) =>
    ms === null
      ? t('never')
      : new Date(ms).toLocaleString('nl-NL', { dateStyle: 'short', timeStyle: 'medium' });
  const { enrollment, status, counts } = state;
  const overdue = contactOverdue({ ...state, queued: counts.queued, warnDays, now: now() });

  return (
    <section class="sync-panel" aria-labelledby="sync-title" data-testid="sync-panel">
      <h2 id="sync-title">{t('title')}</h2>
      {enrollment && !status.refused ? (
        <>
          <p>{t('enrolled_as', { name: enrollment.deviceName, server: enrollment.serverUrl })}</p>
          {done && <p role="status">{t('enroll_done')}</p>}
          {overdue && (
            <p class="notice warning" role="alert" data-testid="sync-overdue">
              {t('overdue', {
                days: warnDays,
                since: fmtTime(overdue.since),
                count: overdue.queued,
              })}
            </p>
          )}
          <p data-testid="sync-queued">{t('queued', { count: counts.queued })}</p>
          <p>{t('last_success', { time: fmtTime(status.lastSuccessAt) })}</p>
          {status.lastError && <p class="error">{t('last_error', { error: status.lastError })}</p>}
          {status.retryAt > now() && (
            <p data-testid="sync-next-attempt">
              {t('next_attempt', { time: fmtTime(status.retryAt) })}
            </p>
          )}
          <button type="button" class="primary" onClick={() => sendSyncNow()}>
            {t('sync_now_button')}
          </button>
        </>
      ) : (
        <form onSubmit={(e) => void enroll(e)} noValidate>
          {status.refused && (
            <p class="error" role="alert" data-testid="sync-refused">
              {t('refused')}
            </p>
          )}
          <p>{t('enroll_intro')}</p>
          <label for="sync-server">{t('server_label')}</label>
          <input
            id="sync-server"
            type="url"
            value={server}
            onInput={(e) => setServer(e.currentTarget.value)}
          />
          <label for="sync-code">{t('code_label')}</label>
          <QrScanButton onCode={setCode} />
          <input
            id="sync-code"
            autoComplete="off"
            value={code}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'sync-error' : undefined}
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          {error && (
            <p id="sync-error" class="error" role="alert">
              {t(`errors.${error}`)}
            </p>
          )}
          <button type="submit" class="primary" disabled={busy}>
            {t('enroll_button')}
          </button>
          {status.refused && enrollment && (
            <button
              type="button"
              class="secondary"
              onClick={() => void clearEnrollment().then(refresh)}
            >
              {t('reenroll_button')}
            </button>
          )}
        </form>
      )}
      {counts.unsealed > 0 && <p class="notice">{t('unsealed', { count: counts.unsealed })}</p>}
      {counts.rejected > 0 && (
        <div class="notice" data-testid="sync-rejected">
          <p>{t('rejected', { count: counts.rejected })}</p>
          <ul>
            {state.rejected.map((r) => (
              <RejectedItem key={r.sessionId} row={r} time={fmtTime(r.createdAt)} />
            ))}
          </ul>
          <p>{t('rejected_help')}</p>
        </div>
      )}
    </section>
  );
}
