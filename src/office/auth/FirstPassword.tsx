/**
 * Shown instead of the workspace while the password is one a coordinator set: the user chooses their own (the server
 * refuses every other request of this session until then) or signs out.
 */
import { useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../shared/core/passwordRules.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { ApiError, call } from '../api.ts';
import { LanguageToggle } from '../LanguageToggle.tsx';
import { TextField } from '../ui/TextField.tsx';
import { PasswordHint } from './PasswordHint.tsx';

/** Props: what to do once the new password is saved, and on sign-out. */
export interface FirstPasswordProps {
  readonly onChanged: () => Promise<void>;
  readonly onSignedOut: () => void;
}

/** The screen. */
export function FirstPassword({ onChanged, onSignedOut }: FirstPasswordProps) {
  const t = useT('workspace');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (next !== repeat) return setError(t('setup.mismatch'));
    if ([...next].length < MIN_PASSWORD_LENGTH)
      return setError(t('setup.password_hint', { min: MIN_PASSWORD_LENGTH }));
    if (next === current) return setError(t('first_password.same'));
    setBusy(true);
    try {
      await call('POST /api/auth/password', { body: { current, next } });
      await onChanged();
    } catch (err) {
      setError(
        err instanceof ApiError && err.code === 'password_same'
          ? t('first_password.same')
          : err instanceof ApiError && err.code === 'password_weak'
            ? t('account.password_weak', { message: err.message })
            : err instanceof ApiError && err.status === 401
              ? t('account.password_wrong')
              : t('common.error', { message: err instanceof Error ? err.message : '' }),
      );
    } finally {
      setBusy(false);
    }
  };
  const signOut = async () => {
    await call('POST /api/auth/logout').catch(() => undefined);
    onSignedOut();
  };

  return (
    <main class="ws-narrow" data-screen="first-password">
      <div class="ws-topline">
        <LanguageToggle />
      </div>
      <h1>{t('first_password.title')}</h1>
      <p>{t('first_password.intro')}</p>
      <form class="ws-form" onSubmit={submit}>
        <TextField
          id="fp-current"
          type="password"
          label={t('first_password.current')}
          value={current}
          onValue={setCurrent}
          autocomplete="current-password"
        />
        <TextField
          id="fp-next"
          type="password"
          label={t('first_password.next')}
          value={next}
          onValue={setNext}
          autocomplete="new-password"
        />
        <TextField
          id="fp-repeat"
          type="password"
          label={t('first_password.repeat')}
          value={repeat}
          onValue={setRepeat}
          autocomplete="new-password"
        />
        <PasswordHint />
        {error && (
          <p class="error-box" role="alert" data-testid="first-password-error">
            {error}
          </p>
        )}
        <button type="submit" class="primary" disabled={busy}>
          {t('first_password.submit')}
        </button>
      </form>
      <p>
        <button type="button" class="linklike" onClick={() => void signOut()}>
          {t('nav.sign_out')}
        </button>
      </p>
    </main>
  );
}
