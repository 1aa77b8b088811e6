/** Staff mode's start page: storage state, what is on the tablet, sync, and the ways onward. */
import type { StorageHealth } from '../storage/health.ts';
import { useT } from '../../shared/i18n/useT.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';
import { ReadAloudPanel } from './ReadAloudPanel.tsx';
import { SyncPanel } from './SyncPanel.tsx';
import { megabytes } from '../../shared/ui/format.ts';

/** Props: storage state, counts, and navigation. */
export interface StaffHomeProps {
  readonly storage: StorageHealth;
  readonly completed: number;
  readonly interrupted: number;
  readonly onGo: (to: 'handover' | 'completed' | 'interrupted' | 'settings') => void;
  readonly onLock: () => void;
  readonly onExit: () => void;
  readonly settings: AgencySettings;
  readonly onSettings: (s: AgencySettings) => void;
}

/** The start page. */
export function StaffHome(p: StaffHomeProps) {
  const t = useT('staff');
  const s = p.storage;
  const mb = (bytes: number | null) =>
    bytes === null ? t('home.storage_unknown') : megabytes.format(bytes / 1e6);
  return (
    <main class="staff screen" data-screen="staff-home">
      <h1>{t('home.title')}</h1>
      <nav class="staff-nav">
        <button
          type="button"
          class="primary big"
          onClick={() => p.onGo('handover')}
          disabled={!s.ok}
        >
          {t('home.handover_button')}
        </button>
        <button type="button" class="secondary" onClick={() => p.onGo('completed')}>
          {t('home.completed_button', { count: p.completed })}
        </button>
        <button type="button" class="secondary" onClick={() => p.onGo('interrupted')}>
          {t('home.interrupted_button', { count: p.interrupted })}
        </button>
        <button type="button" class="secondary" onClick={() => p.onGo('settings')}>
          {t('home.settings_button')}
        </button>
      </nav>
      <section aria-labelledby="storage-title" data-testid="storage-status">
        <h2 id="storage-title">{t('home.storage_title')}</h2>
        {s.ok ? (
          <>
            <p>{t('home.storage_ok')}</p>
            {s.persisted ? (
              <p>{t('home.storage_persisted')}</p>
            ) : (
              <p class="notice warning" role="note" data-testid="storage-not-persisted">
                {t('home.storage_not_persisted')}
              </p>
            )}
            <p>{t('home.storage_usage', { usage: mb(s.usage), quota: mb(s.quota) })}</p>
          </>
        ) : (
          <>
            <p class="error" role="alert">
              {t(`home.problem_${s.problem}`)}
            </p>
            {s.detail && <p class="muted">{t('home.problem_detail', { detail: s.detail })}</p>}
          </>
        )}
      </section>
      <ReadAloudPanel settings={p.settings} />
      <SyncPanel onSettings={p.onSettings} warnDays={p.settings.offlineWarnDays} />
      <div class="screen-actions">
        <button type="button" class="secondary" onClick={p.onLock}>
          {t('home.lock_button')}
        </button>
        <button type="button" class="primary" onClick={p.onExit}>
          {t('home.exit_button')}
        </button>
      </div>
    </main>
  );
}
