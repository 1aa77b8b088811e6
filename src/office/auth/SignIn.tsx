/** The sign-in screen; says why the user was signed out, and how long to wait after too many tries. */
import { useState } from 'preact/hooks';
import type { LoginThrottled, Me } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call, ApiError } from '../api.ts';
import { LanguageToggle } from '../LanguageToggle.tsx';
import { TextField } from '../ui/TextField.tsx';

/** Props: why the form shows, what to do after signing in, and the way to the first-time setup. */
export interface SignInProps {
  readonly reason: 'none' | 'idle' | 'server';
  readonly onSignedIn: (me: Me) => void;
  readonly onSetup: () => void;
}

/** The screen. */
export function SignIn({ reason, onSignedIn, onSetup }: SignInProps) {
  const t = useT('workspace');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await call('POST /api/auth/login', { body: { username, password } }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) {
        const wait = (err.body as Partial<LoginThrottled> | null)?.retryAfterSeconds ?? 60;
        setError(t('signin.throttled', { count: wait }));
      } else if (err instanceof ApiError && err.status === 401) setError(t('signin.failed'));
      else setError(t('common.error', { message: err instanceof Error ? err.message : '' }));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="ws-narrow" data-screen="signin">
      <div class="ws-topline">
        <LanguageToggle />
      </div>
      <h1>{t('signin.title')}</h1>
      {reason === 'idle' && (
        <p class="notice" role="status">
          {t('signin.idle_signed_out')}
        </p>
      )}
      {reason === 'server' && (
        <p class="error-box" role="alert">
          {t('signin.server_unreachable')}
        </p>
      )}
      <form class="ws-form" onSubmit={submit}>
        <TextField
          id="username"
          name="username"
          label={t('signin.username')}
          value={username}
          onValue={setUsername}
          autocomplete="username"
        />
        <TextField
          id="password"
          name="password"
          type="password"
          label={t('signin.password')}
          value={password}
          onValue={setPassword}
          autocomplete="current-password"
        />
        {error && (
          <p class="error-box" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t('signin.submit')}
        </button>
      </form>
      <p>
        <button type="button" class="linklike" onClick={onSetup}>
          {t('signin.first_time')}
        </button>
      </p>
    </main>
  );
}
