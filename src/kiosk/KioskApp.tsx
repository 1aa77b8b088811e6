/** The kiosk: decides which screen shows — welcome, a client's session, a closing message, storage error or staff mode. */
import type { FunctionComponent } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Instrument } from '../core/instrument.ts';
import type { AgencySettings } from '../core/settings.ts';
import { newId } from '../platform/ids.ts';
import { now } from '../platform/clock.ts';
import { trapBackButton } from '../platform/history.ts';
import {
  availableLanguages,
  currentLanguage,
  loadFontsFor,
  switchLanguage,
} from '../i18n/languages.ts';
import { useT } from '../i18n/useT.ts';
import {
  applyWaitingUpdate,
  checkForUpdate,
  isOfflineReady,
  isUpdateWaiting,
  onUpdateState,
} from '../pwa/updates.ts';
import { StorageError, classifyStorageError, type StorageProblem } from '../storage/errors.ts';
import { checkStorage, type StorageHealth } from '../storage/health.ts';
import {
  interruptSession,
  interruptStaleSessions,
  loadOpenSession,
  saveLanguage,
  startSession,
  type LoadedSession,
} from '../storage/sessions.ts';
import { loadSettings } from '../storage/settings.ts';
import { requestSync, startTabletSync } from '../sync/index.ts';
import { KioskContext } from './context.ts';
import { LanguageMenu } from './LanguageMenu.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { MessageScreen } from './MessageScreen.tsx';
import { SessionFlow } from './SessionFlow.tsx';
import { loadStaffApp, type Handover, type StaffAppProps } from './staffBridge.ts';
import { StorageErrorScreen } from './StorageErrorScreen.tsx';
import { useIdle } from '../platform/useIdle.ts';
import { WelcomeScreen } from './WelcomeScreen.tsx';

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'storage-error'; readonly problem: StorageProblem }
  | { readonly kind: 'welcome' }
  | { readonly kind: 'session'; readonly loaded: LoadedSession }
  | { readonly kind: 'thanks' }
  | { readonly kind: 'declined' }
  | { readonly kind: 'staff'; readonly App: FunctionComponent<StaffAppProps> };

/** Props: the instrument this build ships. */
export interface KioskAppProps {
  readonly instrument: Instrument;
}

/** The root component. */
export function KioskApp({ instrument }: KioskAppProps) {
  const t = useT();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [settings, setSettings] = useState<AgencySettings | null>(null);
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [, setUpdateTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [pictograms, setPictograms] = useState(false);
  const [language, setLanguage] = useState(currentLanguage());
  const changeLanguage = useCallback(
    async (code: string) => {
      await switchLanguage(code, instrument);
      setLanguage(code);
    },
    [instrument],
  );

  const fail = useCallback((e: unknown) => {
    console.error(e);
    setView({
      kind: 'storage-error',
      problem: e instanceof StorageError ? e.problem : classifyStorageError(e),
    });
  }, []);

  const boot = useCallback(async () => {
    setView({ kind: 'loading' });
    const h = await checkStorage();
    setHealth(h);
    if (!h.ok) {
      setView({ kind: 'storage-error', problem: h.problem });
      return;
    }
    try {
      const s = await loadSettings();
      setSettings(s);
      loadFontsFor(availableLanguages(s.languages));
      startTabletSync(s);
      await interruptStaleSessions(now(), (s.idleSeconds + s.idleCountdownSeconds) * 1000);
      const open = await loadOpenSession();
      await changeLanguage(open ? open.session.language : (s.languages[0] ?? 'nl'));
      setView(open ? { kind: 'session', loaded: open } : { kind: 'welcome' });
    } catch (e) {
      fail(e);
    }
  }, [fail, changeLanguage]);

  useEffect(() => {
    void boot();
    return trapBackButton(() => undefined);
  }, [boot]);

  useEffect(() => onUpdateState(() => setUpdateTick((n) => n + 1)), []);
  const onWelcome = view.kind === 'welcome';
  const updateWaiting = isUpdateWaiting();
  useEffect(() => {
    if (!onWelcome) return;
    if (updateWaiting) applyWaitingUpdate();
    else checkForUpdate();
  }, [onWelcome, updateWaiting]);

  const firstLanguage = settings?.languages[0] ?? 'nl';
  const toWelcome = useCallback(() => {
    setView({ kind: 'welcome' });
    setPictograms(false);
    void changeLanguage(firstLanguage);
  }, [changeLanguage, firstLanguage]);
  const begin = async (h: Handover) => {
    setBusy(true);
    try {
      if (h.language !== currentLanguage()) await changeLanguage(h.language);
      setPictograms(h.pictograms);
      const session = await startSession({
        id: newId(),
        at: now(),
        instrument,
        language: h.language,
        reference: h.reference,
      });
      setView({ kind: 'session', loaded: { session, answers: {}, answeredAt: {} } });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const openStaff = async () => {
    const App = await loadStaffApp();
    setView({ kind: 'staff', App });
  };

  const inSession = view.kind === 'session';
  const idle = useIdle(
    inSession,
    settings?.idleSeconds ?? 90,
    settings?.idleCountdownSeconds ?? 30,
    () => {
      if (view.kind !== 'session') return;
      void interruptSession(view.loaded.session.id, now()).then(toWelcome, fail);
    },
  );

  if (view.kind === 'loading' || !settings)
    return view.kind === 'storage-error' ? (
      <StorageErrorScreen
        problem={view.problem}
        onRetry={() => void boot()}
        onStaff={() => void openStaff()}
      />
    ) : (
      <p class="loading">{t('app.loading')}</p>
    );

  const config = { instrument, settings, pictograms };
  const offered = availableLanguages(settings.languages);
  let screen;
  switch (view.kind) {
    case 'storage-error':
      screen = (
        <StorageErrorScreen
          problem={view.problem}
          onRetry={() => void boot()}
          onStaff={() => void openStaff()}
        />
      );
      break;
    case 'welcome':
      screen = (
        <WelcomeScreen
          busy={busy}
          notice={isOfflineReady() ? t('welcome.offline_ready') : null}
          languages={offered}
          language={language}
          onLanguage={(code) => void changeLanguage(code)}
          pictograms={pictograms}
          onPictograms={setPictograms}
          onStart={() => void begin({ reference: null, language, pictograms })}
          onStaff={() => void openStaff()}
        />
      );
      break;
    case 'session':
      screen = (
        <SessionFlow
          key={view.loaded.session.id}
          loaded={view.loaded}
          onError={fail}
          onFinished={(how) => {
            setView({ kind: how === 'completed' ? 'thanks' : 'declined' });
            if (how === 'completed') requestSync();
          }}
        />
      );
      break;
    case 'thanks':
    case 'declined':
      screen = (
        <MessageScreen
          name={view.kind}
          title={t(`${view.kind}.title`)}
          body={t(`${view.kind}.body`)}
          button={t('thanks.done_button')}
          seconds={settings.thanksSeconds}
          onDone={toWelcome}
        />
      );
      break;
    case 'staff':
      screen = (
        <view.App
          instrument={instrument}
          settings={settings}
          storage={health ?? { ok: false, problem: 'failed', detail: '' }}
          onExit={(s) => {
            setSettings(s);
            void boot();
          }}
          onHandover={(h) => void begin(h)}
          onResume={() => void boot()}
        />
      );
      break;
  }
  return (
    <KioskContext.Provider value={config}>
      {view.kind === 'session' && (
        <LanguageMenu
          codes={offered}
          current={language}
          onChoose={async (code) => {
            try {
              await saveLanguage(view.loaded.session.id, code, now());
              await changeLanguage(code);
            } catch (e) {
              fail(e);
            }
          }}
        />
      )}
      {screen}
      {inSession && idle.remaining !== null && (
        <IdleWarning remaining={idle.remaining} onContinue={idle.keepGoing} />
      )}
    </KioskContext.Provider>
  );
}
