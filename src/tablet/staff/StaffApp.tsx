/** Staff mode on the tablet (a lazily loaded chunk): PIN, handover, profiles, interrupted sessions, settings, sync. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { itemsInOrder } from '../../shared/core/instrument.ts';
import { addTexts } from '../../shared/i18n/index.ts';
import { availableLanguages, languageMeta } from '../../shared/i18n/languages.ts';
import type { StaffAppProps } from '../kiosk/staffBridge.ts';
import { useIdle } from '../../shared/platform/useIdle.ts';
import { now } from '../../shared/platform/clock.ts';
import type { SessionRow } from '../storage/db.ts';
import { discardSession, resumeSession } from '../storage/sessions.ts';
import { keepPacks } from '../speech/offline.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';
import { loadPinHash } from '../storage/settings.ts';
import {
  loadInstrumentPacks,
  loadOfficeConfig,
  type OfficeConfig,
} from '../storage/officeConfig.ts';
import type { StoredPacks } from '../storage/instrumentPacks.ts';
import { sessionInstrument } from './sessionInstrument.ts';
import { onOfficeSettings, requestSync } from '../sync/index.ts';
import {
  listCompleted,
  listInterrupted,
  type InterruptedSummary,
} from '../storage/staffQueries.ts';
import { useT } from '../../shared/i18n/useT.ts';
import texts from '../../../locales/nl/staff.json';
import textsEn from '../../../locales/en/staff.json';
import { staffLanguage } from '../../shared/i18n/staffLanguage.ts';
import { StaffLanguageSwitch } from './StaffLanguageSwitch.tsx';
import { CompletedList } from './CompletedList.tsx';
import { HandoverForm } from './HandoverForm.tsx';
import { InterruptedList } from './InterruptedList.tsx';
import { PinScreen, type PinMode } from './PinScreen.tsx';
import { ProfilePage } from './ProfilePage.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { StaffHome } from './StaffHome.tsx';
import './staff.css';

addTexts('nl', 'staff', texts);
addTexts('en', 'staff', textsEn);

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'pin'; readonly mode: Exclude<PinMode, 'change' | 'renew'> }
  | { readonly kind: 'change-pin' }
  | { readonly kind: 'renew-pin' }
  | { readonly kind: 'home' }
  | { readonly kind: 'handover' }
  | { readonly kind: 'completed' }
  | { readonly kind: 'profile'; readonly row: SessionRow }
  | { readonly kind: 'interrupted' }
  | { readonly kind: 'settings' };

/** Staff mode root; `pinIterations` is for tests only (the product hashes with the default). */
export function StaffApp(props: StaffAppProps & { readonly pinIterations?: number }) {
  const t = useT('staff');
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [settings, setSettings] = useState(props.settings);
  const [completed, setCompleted] = useState<SessionRow[]>([]);
  const [interrupted, setInterrupted] = useState<InterruptedSummary[]>([]);
  // The versions the office sent: a completed session is shown with the version it was answered in.
  const [packs, setPacks] = useState<StoredPacks | null>(null);
  const versionOf = (row: SessionRow) => sessionInstrument(packs, row, props.instrument);
  const [failed, setFailed] = useState(false);

  const attempt = useCallback(async (op: () => Promise<void>) => {
    try {
      await op();
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);
  const refresh = useCallback(
    () =>
      attempt(async () => {
        const [c, i, p] = await Promise.all([
          listCompleted(),
          listInterrupted(),
          loadInstrumentPacks(),
        ]);
        setPacks(p);
        setCompleted(c);
        setInterrupted(i);
      }),
    [attempt],
  );
  const lock = useCallback(
    () =>
      void loadPinHash().then(
        (stored) => setView({ kind: 'pin', mode: stored ? 'unlock' : 'setup' }),
        () => setView({ kind: 'pin', mode: 'unlock' }),
      ),
    [],
  );
  useEffect(lock, [lock]);
  const unlocked = view.kind !== 'pin' && view.kind !== 'loading';
  useIdle(unlocked, settings.staffLockSeconds, 1, lock);
  useEffect(() => {
    if (view.kind === 'home' || view.kind === 'completed' || view.kind === 'interrupted')
      void refresh();
  }, [view.kind, refresh]);

  const home = () => setView({ kind: 'home' });
  // New languages or a new agency name (saved here or sent at enrollment): fetch their audio now, while online.
  const changeSettings = useCallback((s: AgencySettings) => {
    setSettings(s);
    void keepPacks(s);
    void loadOfficeConfig().then(setOffice, () => setOffice(null));
  }, []);
  // Opening staff mode asks the office for its config (one sync round); what it sends shows here at once.
  const [office, setOffice] = useState<OfficeConfig | null>(null);
  useEffect(() => {
    void loadOfficeConfig().then(setOffice, () => setOffice(null));
    const off = onOfficeSettings(changeSettings);
    requestSync();
    return off;
  }, [changeSettings]);
  const exit = () => props.onExit(settings);
  const problem = failed && (
    <p class="error staff-problem" role="alert">
      {t('errors.storage')}
    </p>
  );
  const screen = (() => {
    switch (view.kind) {
      case 'loading':
        return <p class="loading">{t('pin.checking')}</p>;
      case 'pin':
        return (
          // A key per view: the next PIN screen starts empty, never with the PIN just typed.
          <PinScreen
            key={view.mode}
            mode={view.mode}
            onUnlocked={(shortPin) => (shortPin ? setView({ kind: 'renew-pin' }) : home())}
            onBack={exit}
            {...(props.pinIterations ? { iterations: props.pinIterations } : {})}
          />
        );
      case 'renew-pin':
        return (
          <PinScreen
            key="renew"
            mode="renew"
            onUnlocked={home}
            onBack={home}
            {...(props.pinIterations ? { iterations: props.pinIterations } : {})}
          />
        );
      case 'change-pin':
        return (
          <PinScreen
            key="change"
            mode="change"
            onUnlocked={() => setView({ kind: 'settings' })}
            onBack={() => setView({ kind: 'settings' })}
            {...(props.pinIterations ? { iterations: props.pinIterations } : {})}
          />
        );
      case 'home':
        return (
          <StaffHome
            storage={props.storage}
            completed={completed.length}
            interrupted={interrupted.length}
            onGo={(to) => setView({ kind: to })}
            onLock={lock}
            onExit={exit}
            settings={settings}
            onSettings={changeSettings}
          />
        );
      case 'handover':
        return (
          <HandoverForm
            languages={availableLanguages(settings.languages).map((code) => ({
              code,
              name: languageMeta(code).name,
            }))}
            onStart={props.onHandover}
            onBack={home}
          />
        );
      case 'completed':
        return (
          <CompletedList
            rows={completed}
            instrumentOf={versionOf}
            onOpen={(row) => setView({ kind: 'profile', row })}
            onBack={home}
          />
        );
      case 'profile':
        return (
          <ProfilePage
            row={view.row}
            instrument={versionOf(view.row)}
            agencyName={settings.agencyName}
            onBack={() => setView({ kind: 'completed' })}
          />
        );
      case 'interrupted':
        return (
          <InterruptedList
            sessions={interrupted}
            totalOf={(row) => itemsInOrder(versionOf(row)).length}
            onResume={(id) =>
              attempt(async () => {
                await resumeSession(id, now());
                props.onResume(id);
              })
            }
            onDiscard={(id) =>
              attempt(async () => {
                await discardSession(id);
                await refresh();
              })
            }
            onBack={home}
          />
        );
      case 'settings':
        return (
          <SettingsForm
            settings={settings}
            onSaved={changeSettings}
            onChangePin={() => setView({ kind: 'change-pin' })}
            onBack={home}
            office={office}
          />
        );
    }
  })();
  return (
    <div class="staff-root" lang={staffLanguage()} dir="ltr">
      <StaffLanguageSwitch />
      {problem}
      {screen}
    </div>
  );
}
