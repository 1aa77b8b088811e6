/** Staff mode on the tablet (a lazily loaded chunk): PIN, handover, profiles, interrupted sessions, settings, sync. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { itemsInOrder } from '../core/instrument.ts';
import { addTexts } from '../i18n/index.ts';
import { availableLanguages } from '../i18n/languages.ts';
import type { StaffAppProps } from '../kiosk/staffBridge.ts';
import { useIdle } from '../kiosk/useIdle.ts';
import { now } from '../platform/clock.ts';
import type { SessionRow } from '../storage/db.ts';
import {
  discardSession,
  listSessions,
  loadSession,
  resumeSession,
  type LoadedSession,
} from '../storage/sessions.ts';
import { loadPinHash, type PinHash } from '../storage/settings.ts';
import texts from '../../locales/nl/staff.json';
import { CompletedList } from './CompletedList.tsx';
import { HandoverForm } from './HandoverForm.tsx';
import { InterruptedList } from './InterruptedList.tsx';
import { PinScreen } from './PinScreen.tsx';
import { ProfileView } from './ProfileView.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { StaffHome } from './StaffHome.tsx';
import { useT } from '../i18n/useT.ts';
import './staff.css';

addTexts('nl', 'staff', texts);

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'pin'; readonly stored: PinHash | null }
  | { readonly kind: 'home' }
  | { readonly kind: 'handover' }
  | { readonly kind: 'completed' }
  | { readonly kind: 'profile'; readonly row: SessionRow }
  | { readonly kind: 'interrupted' }
  | { readonly kind: 'settings' };

/** Staff mode root. */
export function StaffApp(props: StaffAppProps) {
  const t = useT('staff');
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [settings, setSettings] = useState(props.settings);
  const [completed, setCompleted] = useState<SessionRow[]>([]);
  const [interrupted, setInterrupted] = useState<LoadedSession[]>([]);

  const refresh = useCallback(async () => {
    setCompleted(await listSessions('completed'));
    const rows = await listSessions('interrupted');
    setInterrupted(
      (await Promise.all(rows.map((r) => loadSession(r.id)))).filter((x) => x !== null),
    );
  }, []);
  const lock = useCallback(
    () => void loadPinHash().then((stored) => setView({ kind: 'pin', stored })),
    [],
  );
  useEffect(lock, [lock]);
  const unlocked = view.kind !== 'pin' && view.kind !== 'loading';
  useIdle(unlocked, settings.staffLockSeconds, 1, lock);
  useEffect(() => {
    if (view.kind === 'home') void refresh();
  }, [view.kind, refresh]);

  const home = () => setView({ kind: 'home' });
  const exit = () => props.onExit(settings);
  switch (view.kind) {
    case 'loading':
      return <p class="loading">{t('pin.checking')}</p>;
    case 'pin':
      return <PinScreen stored={view.stored} onUnlocked={home} onBack={exit} />;
    case 'home':
      return (
        <StaffHome
          storage={props.storage}
          completed={completed.length}
          interrupted={interrupted.length}
          onGo={(to) => setView({ kind: to })}
          onLock={lock}
          onExit={exit}
          onSettings={setSettings}
        />
      );
    case 'handover':
      return (
        <HandoverForm
          languages={availableLanguages(settings.languages)}
          onStart={props.onHandover}
          onBack={home}
        />
      );
    case 'completed':
      return (
        <CompletedList
          rows={completed}
          instrument={props.instrument}
          onOpen={(id) => {
            const row = completed.find((r) => r.id === id);
            if (row) setView({ kind: 'profile', row });
          }}
          onBack={home}
        />
      );
    case 'profile':
      return (
        <main class="staff screen" data-screen="staff-profile">
          <h1>
            {t('profile.title')}: {view.row.reference ?? view.row.details.firstName ?? ''}
          </h1>
          {view.row.profile && (
            <ProfileView
              profile={view.row.profile}
              instrument={props.instrument}
              agencyName={settings.agencyName}
            />
          )}
          <div class="screen-actions">
            <button type="button" class="secondary" onClick={() => setView({ kind: 'completed' })}>
              {t('profile.back_button')}
            </button>
          </div>
        </main>
      );
    case 'interrupted':
      return (
        <InterruptedList
          sessions={interrupted}
          total={itemsInOrder(props.instrument).length}
          onResume={(id) => void resumeSession(id, now()).then(() => props.onResume(id))}
          onDiscard={async (id) => {
            await discardSession(id);
            await refresh();
          }}
          onBack={home}
        />
      );
    case 'settings':
      return (
        <SettingsForm
          settings={settings}
          onSaved={setSettings}
          onChangePin={() => setView({ kind: 'pin', stored: null })}
          onBack={home}
        />
      );
  }
}
