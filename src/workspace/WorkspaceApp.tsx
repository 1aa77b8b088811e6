/** The workspace: signs in (or sets up the first coordinator), then shows the screens for the user's role. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Instrument } from '../core/instrument.ts';
import { WS_API, type Me } from '../core/workspaceApi.ts';
import type { AgencySettings } from '../core/settings.ts';
import { useT } from '../i18n/useT.ts';
import { api, ApiError, onSignedOut } from './api.ts';
import { Workspace } from './context.ts';
import { Routes } from './Routes.tsx';
import { Shell } from './Shell.tsx';
import { SignIn } from './auth/SignIn.tsx';
import { Setup } from './auth/Setup.tsx';

/** Props: the instrument whose texts and scales the profiles use. */
export interface WorkspaceAppProps {
  readonly instrument: Instrument;
}

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'signed-out'; readonly reason: 'none' | 'idle' | 'server' }
  | { readonly kind: 'setup' }
  | { readonly kind: 'in'; readonly me: Me; readonly agencyName: string | null };

/** The app. */
export function WorkspaceApp({ instrument }: WorkspaceAppProps) {
  const t = useT('workspace');
  const [state, setState] = useState<State>({ kind: 'loading' });

  const enter = useCallback(async (me: Me) => {
    let agencyName: string | null = null;
    if (me.role === 'coordinator') {
      const settings = await api<AgencySettings>('GET', WS_API.settings).catch(() => null);
      agencyName = settings?.agencyName || null;
    }
    setState({ kind: 'in', me, agencyName });
  }, []);

  useEffect(() => {
    api<Me>('GET', WS_API.me).then(enter, (e: unknown) =>
      setState({
        kind: 'signed-out',
        reason: e instanceof ApiError && e.status === 401 ? 'none' : 'server',
      }),
    );
  }, [enter]);

  useEffect(
    () =>
      onSignedOut(() =>
        setState((s) => (s.kind === 'in' ? { kind: 'signed-out', reason: 'idle' } : s)),
      ),
    [],
  );

  const refreshMe = useCallback(async () => {
    const me = await api<Me>('GET', WS_API.me);
    setState((s) => (s.kind === 'in' ? { ...s, me } : s));
  }, []);

  if (state.kind === 'loading') return <p class="loading-line">{t('common.loading')}</p>;
  if (state.kind === 'setup')
    return (
      <Setup
        onDone={(me) => void enter(me)}
        onCancel={() => setState({ kind: 'signed-out', reason: 'none' })}
      />
    );
  if (state.kind === 'signed-out')
    return (
      <SignIn
        reason={state.reason}
        onSignedIn={(me) => void enter(me)}
        onSetup={() => setState({ kind: 'setup' })}
      />
    );
  return (
    <Workspace.Provider
      value={{
        me: state.me,
        instrument,
        agencyName: state.agencyName ?? t('common.agency_fallback'),
        agencyKnown: state.agencyName !== null,
        refreshMe,
      }}
    >
      <Shell onSignedOut={(reason) => setState({ kind: 'signed-out', reason })}>
        <Routes />
      </Shell>
    </Workspace.Provider>
  );
}
