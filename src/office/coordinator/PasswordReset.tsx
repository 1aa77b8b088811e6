/**
 * A coordinator sets a temporary password for a staff member who lost theirs: shown to copy and hand over, set only
 * after a confirmation; the server ends that person's sessions, audits it, and asks them to choose their own at the
 * next sign-in.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { MIN_PASSWORD_LENGTH } from '../../shared/core/passwordRules.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { PasswordHint } from '../auth/PasswordHint.tsx';
import { temporaryPassword } from './temporaryPassword.ts';

/** Props: whose password, and what to do when done or cancelled (with a message for the page, or null). */
export interface PasswordResetProps {
  readonly user: { readonly id: string; readonly name: string };
  readonly onClose: (message: string | null) => void;
}

/** The confirmation form. */
export function PasswordReset({ user, onClose }: PasswordResetProps) {
  const t = useT('workspace');
  const [password, setPassword] = useState(() => temporaryPassword());
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [user.id]);
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      await call('PATCH /api/users/:id', { params: { id: user.id }, body: { password } });
      onClose(t('users.reset_done', { name: user.name }));
    } catch (err) {
      setError(t('common.error', { message: err instanceof Error ? err.message : '' }));
    }
  };
  return (
    <form
      class="ws-form panel password-reset"
      aria-labelledby="reset-title"
      onSubmit={submit}
      data-testid="password-reset"
    >
      <h3 id="reset-title" tabIndex={-1} ref={heading}>
        {t('users.reset_title', { name: user.name })}
      </h3>
      <p>{t('users.reset_intro', { name: user.name })}</p>
      <label>
        {t('users.reset_password')}
        <input
          class="code"
          value={password}
          minLength={MIN_PASSWORD_LENGTH}
          required
          autocomplete="off"
          spellcheck={false}
          aria-describedby="reset-hint"
          onInput={(e) => setPassword(e.currentTarget.value)}
          data-testid="reset-password"
        />
      </label>
      <PasswordHint id="reset-hint" />
      <div class="row-actions">
        <button type="submit" class="primary" data-testid="reset-confirm">
          {t('users.reset_confirm')}
        </button>
        <button type="button" onClick={() => onClose(null)}>
          {t('common.cancel')}
        </button>
      </div>
      {error && (
        <p class="error-box" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
