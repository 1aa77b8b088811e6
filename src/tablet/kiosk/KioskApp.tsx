/** The kiosk: decides which screen shows — welcome, a client's session, a closing message, storage error or staff mode. */
import type { ComponentChildren, FunctionComponent } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Instrument } from '../../shared/core/instrument.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';
import { newId } from '../platform/ids.ts';
import { now } from '../../shared/platform/clock.ts';
import { trapBackButton } from '../platform/history.ts';
import {
  LANGUAGES,
  availableLanguages,
  currentLanguage,
  loadFontsFor,
  switchLanguage,
} from '../../shared/i18n/languages.ts';
import { useT } from '../../shared/i18n/useT.ts';
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
  saveReadAloud,
  startSession,
  type LoadedSession,
} from '../storage/sessions.ts';
import { loadSettings } from '../storage/settings.ts';
import { onOfficeSettings } from '../sync/officeEvents.ts';

// Sync (sending, sealing, the office's config) loads after the first screen, like the audio packs.
const sync = () => import('../sync/index.ts');
import { KioskContext } from './context.ts';
import { LanguageMenu } from './LanguageMenu.tsx';
import { IdleWarning } from './IdleWarning.tsx';
import { MessageScreen } from './MessageScreen.tsx';
import { DEVICE_SPEECH } from './deviceSpeech.ts';
import type { Speech } from './readAloud.ts';
import { ReadAloudProvider } from './ReadAloudProvider.tsx';
import { SessionFlow } from './SessionFlow.tsx';
import { loadStaffApp, type Handover, type StaffAppProps } from './staffBridge.ts';
import { StorageErrorScreen } from './StorageErrorScreen.tsx';
import { useIdle } from '../../shared/platform/useIdle.ts';
import { WelcomeScreen } from './WelcomeScreen.tsx';

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'storage-error'; readonly problem: StorageProblem }
  | { readonly kind: 'welcome' }
  | { readonly kind: 'session'; readonly loaded: LoadedSession }
  | { readonly kind: 'thanks' }
  | { readonly kind: 'declined' }
  | { readonly kind: 'staff'; readonly App: FunctionComponent<StaffAppProps> };

/** Props: the instrument this build ships; `speech` is the read-aloud engine (tests pass one with injected deps). */
export interface KioskAppProps {
  readonly instrument: Instrument;
  readonly speech?: Speech;
}

/** The root component. */
export function KioskApp({ instrument, speech = DEVICE_SPEECH }: KioskAppProps) {
  const t = useT();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [settings, setSettings] = useState<AgencySettings | null>(null);
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [, setUpdateTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [pictograms, setPictograms] = useState(false);
  // Read-everything lasts as long as the session (stored with it, so a reload keeps it); the next client starts without.
  const [readAll, setReadAll] = useState(false);
  const [language, setLanguage] = useState(currentLanguage());
  const changeLanguage = useCallback(
    async (code: string) => {
      speech.stop();
      await switchLanguage(code, instrument);
      setLanguage(code);
    },
    [instrument, speech],
  );

  const fail = useCallback(
    (e: unknown) => {
      console.error(e);
      speech.stop();
      setView({
        kind: 'storage-error',
        problem: e instanceof StorageError ? e.problem : classifyStorageError(e),
      });
    },
    [speech],
  );

  const boot = useCallback(async () => {
    speech.stop();
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
      // Audio for the enabled languages, kept offline; loaded after the first screen, never in its way.
      void import('../speech/offline.ts').then((m) => m.keepPacks(s));
      void sync().then((m) => m.startTabletSync(s));
      await interruptStaleSessions(now(), (s.idleSeconds + s.idleCountdownSeconds) * 1000);
      const open = await loadOpenSession();
      // A running session keeps the settings it started with, even when the office changed them since.
      if (open?.session.settings) setSettings(open.session.settings);
      await changeLanguage(open ? open.session.language : (s.languages[0] ?? 'nl'));
      setReadAll(open ? open.session.readAloud === true : s.defaultReadAloud);
      setPictograms(open ? open.session.pictograms : s.defaultPictograms);
      setView(open ? { kind: 'session', loaded: open } : { kind: 'welcome' });
    } catch (e) {
      fail(e);
    }
  }, [fail, changeLanguage, speech]);

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

  // Settings from the office apply between clients: on the welcome screen, at once or when it next shows.
  const [officeTick, setOfficeTick] = useState(0);
  useEffect(() => onOfficeSettings(() => setOfficeTick((n) => n + 1)), []);
  useEffect(() => {
    if (onWelcome) loadSettings().then(setSettings, fail);
  }, [onWelcome, officeTick, fail]);

  const firstLanguage = settings?.languages[0] ?? 'nl';
  const toWelcome = useCallback(() => {
    speech.stop();
    setView({ kind: 'welcome' });
    setPictograms(settings?.defaultPictograms ?? false);
    setReadAll(settings?.defaultReadAloud ?? false);
    void changeLanguage(firstLanguage);
  }, [changeLanguage, firstLanguage, speech, settings]);
  const begin = async (h: Handover) => {
    speech.stop();
    setBusy(true);
    try {
      if (h.language !== currentLanguage()) await changeLanguage(h.language);
      setPictograms(h.pictograms);
      setReadAll(h.readAloud);
      const session = await startSession({
        id: newId(),
        at: now(),
        instrument,
        language: h.language,
        reference: h.reference,
        readAloud: h.readAloud,
        pictograms: h.pictograms,
      });
      if (session.settings) setSettings(session.settings); // the snapshot this session keeps
      setView({ kind: 'session', loaded: { session, answers: {}, answeredAt: {} } });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const openStaff = async () => {
    speech.stop();
    setReadAll(false);
    const App = await loadStaffApp();
    setView({ kind: 'staff', App });
  };

  const sessionId = view.kind === 'session' ? view.loaded.session.id : null;
  const changeReadAll = useCallback(
    (on: boolean) => {
      setReadAll(on);
      if (sessionId) saveReadAloud(sessionId, on, now()).catch(fail);
    },
    [sessionId, fail],
  );
  const withReadAloud = (children: ComponentChildren) => (
    <ReadAloudProvider
      speech={speech}
      language={language}
      readAll={readAll}
      onReadAll={changeReadAll}
    >
      {children}
    </ReadAloudProvider>
  );

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
      withReadAloud(
        <>
          {/* Without settings the tablet's languages are unknown: offer every language, so "ask staff" reaches the client. */}
          <LanguageMenu
            codes={LANGUAGES.map((l) => l.code)}
            current={language}
            onChoose={changeLanguage}
          />
          <StorageErrorScreen
            problem={view.problem}
            onRetry={() => void boot()}
            onStaff={() => void openStaff()}
          />
        </>,
      )
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
          onStart={() => void begin({ reference: null, language, pictograms, readAloud: readAll })}
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
            if (how === 'completed') void sync().then((m) => m.requestSync());
          }}
        />
      );
      break;
    case 'thanks':
    case 'declined':
      screen = (
        <MessageScreen name={view.kind} seconds={settings.thanksSeconds} onDone={toWelcome} />
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
  return withReadAloud(
    <KioskContext.Provider value={config}>
      {view.kind === 'storage-error' && (
        <LanguageMenu codes={offered} current={language} onChoose={changeLanguage} />
      )}
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
    </KioskContext.Provider>,
  );
}
