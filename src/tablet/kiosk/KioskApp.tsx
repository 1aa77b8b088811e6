/** The kiosk: a view over `kioskReducer` that decides which screen shows — welcome, a client's session, a closing
 * message, storage error or staff mode. Boot, storage, sync, packs, updates and the clock come in as services. */
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { instrumentKey, type Instrument } from '../../shared/core/instrument.ts';
import type { AgencySettings } from '../../shared/core/settings.ts';
import { LANGUAGES, availableLanguages } from '../../shared/i18n/languages.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { useIdle } from '../../shared/platform/useIdle.ts';
import { trapBackButton } from '../platform/history.ts';
import { StorageError, classifyStorageError } from '../storage/errors.ts';
import { bootKiosk } from './boot.ts';
import { KioskContext } from './context.ts';
import {
  firstLanguage,
  initialKioskState,
  kioskReducer,
  packsComplete,
  worksOffline,
} from './kioskState.ts';
import { LanguageMenu } from './LanguageMenu.tsx';
import { ReadAloudProvider } from './ReadAloudProvider.tsx';
import type { KioskServices } from './services.ts';
import type { Handover } from './staffBridge.ts';
import { StorageErrorScreen } from './StorageErrorScreen.tsx';
import { WelcomeScreen } from './WelcomeScreen.tsx';

/**
 * Props: the instrument this build ships (used until the office sends a newer version; see storage/instrumentPacks.ts),
 * and the services the entry point (or a test) hands in.
 */
export interface KioskAppProps {
  readonly instrument: Instrument;
  readonly services: KioskServices;
}

/** The root component. */
export function KioskApp({ instrument: bundled, services }: KioskAppProps) {
  const t = useT();
  // The version on screen: chosen at boot (the open session's own, or the current one) and between clients only.
  const [instrument, setInstrument] = useState(bundled);
  const { speech, storage, clock, updates } = services;
  const [state, dispatch] = useReducer(
    kioskReducer,
    services.languages.current(),
    initialKioskState,
  );
  const { view, settings, language, readAll, pictograms } = state;

  const changeLanguage = useCallback(
    async (code: string) => {
      speech.stop();
      await services.languages.switch(code, instrument);
      dispatch({ type: 'language', code });
    },
    [instrument, services, speech],
  );

  const fail = useCallback(
    (e: unknown) => {
      console.error(e);
      speech.stop();
      const problem = e instanceof StorageError ? e.problem : classifyStorageError(e);
      dispatch({ type: 'storage-failed', problem });
    },
    [speech],
  );

  const boot = useCallback(
    () => bootKiosk(services, bundled, dispatch, setInstrument).catch(fail),
    [services, bundled, fail],
  );
  useEffect(() => {
    void boot();
    return trapBackButton(() => undefined);
  }, [boot]);

  useEffect(
    () =>
      updates.subscribe(() =>
        dispatch({
          type: 'update',
          waiting: updates.waiting(),
          offlineReady: updates.offlineReady(),
        }),
      ),
    [updates],
  );
  const onWelcome = view.kind === 'welcome';
  useEffect(() => {
    if (!onWelcome) return;
    if (state.update.waiting) updates.apply();
    else updates.check();
  }, [onWelcome, state.update.waiting, updates]);

  // The audio packs of the tablet's languages (not the running session's snapshot: those are what gets cached).
  const packLanguages = (state.tabletSettings ?? settings)?.languages.join(',');
  useEffect(() => {
    if (packLanguages === undefined) return;
    const wanted = packLanguages.split(',');
    return services.packs.subscribe((s) =>
      dispatch({ type: 'packs', ready: packsComplete(s, wanted) }),
    );
  }, [services, packLanguages]);

  // Settings from the office apply between clients (the reducer holds them until the welcome screen shows). The audio
  // packs follow at once, in the background: a new questionnaire version, imported texts or clips the server rendered
  // for them are in the manifests now (files already cached are not fetched again). A language the office switched off
  // stays cached while a client answers (the session's language menu still offers it) and goes between clients.
  const running = useRef<AgencySettings | null>(null);
  running.current = onWelcome ? null : settings;
  const keptFor = useRef<AgencySettings | null>(null);
  const keepPacks = useCallback(
    (wanted: AgencySettings) => {
      const session = running.current;
      keptFor.current = session
        ? { ...wanted, languages: union(wanted.languages, session.languages) }
        : wanted;
      services.packs.keep(keptFor.current);
    },
    [services],
  );
  useEffect(
    () =>
      services.sync.onOfficeSettings((office) => {
        dispatch({ type: 'office-settings', settings: office });
        keepPacks(office);
      }),
    [services, keepPacks],
  );
  const latest = state.tabletSettings;
  useEffect(() => {
    const kept = keptFor.current;
    // Between clients: drop what was kept only for the last client's session.
    if (onWelcome && latest && kept && kept.languages.length > latest.languages.length)
      keepPacks(latest);
  }, [onWelcome, latest, keepPacks]);

  // A new questionnaire version and texts the office imported apply between clients too: whenever the welcome screen
  // shows or gets new settings. A client who tapped "Beginnen" meanwhile keeps the version they started on.
  const betweenClients = useRef(false);
  betweenClients.current = onWelcome && !state.busy;
  useEffect(() => {
    if (!onWelcome) return;
    void services.languages
      .currentInstrument(bundled)
      .then(async (pack) => {
        if (!betweenClients.current) return;
        services.languages.registerInstrument(pack);
        await services.languages.refreshTexts(pack.instrument);
        // The language on screen gets this version's texts loaded before a client can start on it.
        await services.languages.switch(services.languages.current(), pack.instrument);
        if (betweenClients.current) setInstrument(pack.instrument);
      })
      .catch(() => undefined);
  }, [onWelcome, settings, services, bundled]);

  const first = firstLanguage(state);
  const toWelcome = useCallback(() => {
    speech.stop();
    dispatch({ type: 'welcome' });
    void changeLanguage(first);
  }, [changeLanguage, first, speech]);
  const begin = async (h: Handover) => {
    speech.stop();
    dispatch({ type: 'starting', handover: h });
    try {
      if (h.language !== services.languages.current()) await changeLanguage(h.language);
      const [session] = await Promise.all([
        storage.startSession({
          id: services.newId(),
          at: clock.now(),
          instrument,
          language: h.language,
          reference: h.reference,
          modes: { readAloud: h.readAloud, pictograms: h.pictograms },
        }),
        services.screens.load(),
      ]);
      dispatch({ type: 'started', loaded: { session, answers: {}, answeredAt: {} } });
    } catch (e) {
      fail(e);
    }
  };
  const openStaff = async () => {
    speech.stop();
    dispatch({ type: 'read-all', on: false });
    dispatch({ type: 'staff', App: await services.staff.load() });
  };

  const sessionId = view.kind === 'session' ? view.loaded.session.id : null;
  const changeReadAll = useCallback(
    (on: boolean) => {
      dispatch({ type: 'read-all', on });
      if (sessionId) storage.saveReadAloud(sessionId, on, clock.now()).catch(fail);
    },
    [sessionId, fail, storage, clock],
  );
  const withReadAloud = (children: ComponentChildren) => (
    <ReadAloudProvider
      speech={speech}
      language={language}
      readAll={readAll}
      onReadAll={changeReadAll}
      scope={state.client}
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
      void storage.interruptSession(view.loaded.session.id, clock.now()).then(toWelcome, fail);
    },
  );

  const errorScreen = view.kind === 'storage-error' && (
    <StorageErrorScreen
      problem={view.problem}
      onRetry={() => void boot()}
      onStaff={() => void openStaff()}
    />
  );
  if (view.kind === 'loading' || !settings)
    return errorScreen ? (
      withReadAloud(
        <>
          {/* Without settings the tablet's languages are unknown: offer every language, so "ask staff" reaches the client. */}
          <LanguageMenu
            codes={LANGUAGES.map((l) => l.code)}
            current={language}
            onChoose={changeLanguage}
          />
          {errorScreen}
        </>,
      )
    ) : (
      <p class="loading">{t('app.loading')}</p>
    );

  const screens = services.screens.loaded(); // loaded before any view that needs it is dispatched
  const config = { instrument, settings, pictograms };
  const offered = availableLanguages(settings.languages);
  let screen;
  switch (view.kind) {
    case 'storage-error':
      screen = errorScreen;
      break;
    case 'welcome':
      screen = (
        <WelcomeScreen
          instrument={instrumentKey(instrument)}
          busy={state.busy}
          notice={worksOffline(state) ? t('welcome.offline_ready') : null}
          languages={offered}
          language={language}
          onLanguage={(code) => void changeLanguage(code)}
          pictograms={pictograms}
          onPictograms={(on) => dispatch({ type: 'pictograms', on })}
          onStart={() => void begin({ reference: null, language, pictograms, readAloud: readAll })}
          onStaff={() => void openStaff()}
        />
      );
      break;
    case 'session':
      screen = screens && (
        <screens.SessionFlow
          key={view.loaded.session.id}
          loaded={view.loaded}
          onError={fail}
          onFinished={(how) => {
            dispatch({ type: 'finished', how });
            if (how === 'completed') services.sync.request();
          }}
        />
      );
      break;
    case 'thanks':
    case 'declined':
      screen = screens && (
        <screens.MessageScreen
          name={view.kind}
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
          storage={state.health ?? { ok: false, problem: 'failed', detail: '' }}
          onExit={(s) => {
            dispatch({ type: 'settings', settings: s });
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
              await storage.saveLanguage(view.loaded.session.id, code, clock.now());
              await changeLanguage(code);
            } catch (e) {
              fail(e);
            }
          }}
        />
      )}
      {screen}
      {inSession && idle.remaining !== null && screens && (
        <screens.IdleWarning remaining={idle.remaining} onContinue={idle.keepGoing} />
      )}
    </KioskContext.Provider>,
  );
}

/** `a`'s languages, then those only `b` has. */
const union = (a: readonly string[], b: readonly string[]): string[] => [
  ...a,
  ...b.filter((l) => !a.includes(l)),
];
