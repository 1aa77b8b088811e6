/** The workspace: signs in (or sets up the first coordinator), then shows the screens for the user's role. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Instrument } from '../shared/core/instrument.ts';
import type { Me } from '../shared/contract/workspaceApi.ts';
import { useT } from '../shared/i18n/useT.ts';
import { call, ApiError, onSignedOut } from './api.ts';
import { preloadRoute } from './preloadRoute.ts';
import { Workspace } from './context.ts';
import { Routes } from './Routes.tsx';
import { Shell } from './Shell.tsx';
import { SignIn } from './auth/SignIn.tsx';
import { Setup } from './auth/Setup.tsx';
import { FirstPassword } from './auth/FirstPassword.tsx';

/** Props: the instrument whose texts and scales the profiles use. */
export interface WorkspaceAppProps {
  readonly instrument: Instrument;
}

type State =
  | { readonly kind: 'loading' }
  | { readonly kind: 'signed-out'; readonly reason: 'none' | 'idle' | 'server' }
  | { readonly kind: 'setup' }
  | { readonly kind: 'in'; readonly me: Me };

/** The app. */
export function WorkspaceApp({ instrument }: WorkspaceAppProps) {
  const t = useT('workspace');
  const [state, setState] = useState<State>({ kind: 'loading' });

  const enter = useCallback((me: Me) => {
    // The screen's data loads while the shell renders, instead of after it.
    preloadRoute();
    setState({ kind: 'in', me });
  }, []);

  useEffect(() => {
    call('GET /api/auth/me').then(enter, (e: unknown) =>
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
    const me = await call('GET /api/auth/me');
    setState((s) => (s.kind === 'in' ? { ...s, me } : s));
  }, []);

  if (state.kind === 'loading') return <p class="loading-line">{t('common.loading')}</p>;
  if (state.kind === 'setup')
    return (
      <Setup onDone={enter} onCancel={() => setState({ kind: 'signed-out', reason: 'none' })} />
    );
  if (state.kind === 'signed-out')
    return (
      <SignIn
        reason={state.reason}
        onSignedIn={enter}
        onSetup={() => setState({ kind: 'setup' })}
      />
    );
  if (state.me.mustChangePassword)
    return (
      <FirstPassword
        onChanged={refreshMe}
        onSignedOut={() => setState({ kind: 'signed-out', reason: 'none' })}
      />
    );
  return (
    <Workspace.Provider
      value={{
        me: state.me,
        instrument,
        agencyName: state.me.agencyName || t('common.agency_fallback'),
        agencyKnown: state.me.agencyName !== '',
        refreshMe,
      }}
    >
      <Shell onSignedOut={(reason) => setState({ kind: 'signed-out', reason })}>
        <Routes />
      </Shell>
    </Workspace.Provider>
  );
}
