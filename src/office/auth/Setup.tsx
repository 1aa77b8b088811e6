/** First start: creates the first coordinator with the one-time setup code `npm start` printed. */
import { useState } from 'preact/hooks';
import type { Me } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call, ApiError } from '../api.ts';
import { TextField } from '../ui/TextField.tsx';
import { PasswordHint } from './PasswordHint.tsx';

/** Props: what to do once the coordinator exists (signed in), or on cancel. */
export interface SetupProps {
  readonly onDone: (me: Me) => void;
  readonly onCancel: () => void;
}

/** The screen. */
export function Setup({ onDone, onCancel }: SetupProps) {
  const t = useT('workspace');
  const [f, setF] = useState({ setupCode: '', name: '', username: '', password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (value: string) => setF({ ...f, [k]: value });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (f.password !== f.repeat) return setError(t('setup.mismatch'));
    try {
      const { setupCode, name, username, password } = f;
      onDone(await call('POST /api/auth/setup', { body: { setupCode, name, username, password } }));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'already_set_up') setError(t('setup.already'));
      else if (err instanceof ApiError && err.status === 401) setError(t('setup.code_invalid'));
      else setError(t('common.error', { message: err instanceof Error ? err.message : '' }));
    }
  };

  return (
    <main class="ws-narrow" data-screen="setup">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form class="ws-form" onSubmit={submit}>
        <TextField
          id="setup-code"
          label={t('setup.code')}
          value={f.setupCode}
          onValue={set('setupCode')}
          autocomplete="off"
        />
        <TextField
          id="setup-name"
          label={t('setup.name')}
          value={f.name}
          onValue={set('name')}
          autocomplete="name"
        />
        <TextField
          id="setup-username"
          label={t('signin.username')}
          value={f.username}
          onValue={set('username')}
          autocomplete="username"
        />
        <TextField
          id="setup-password"
          type="password"
          label={t('setup.password')}
          value={f.password}
          onValue={set('password')}
          autocomplete="new-password"
        />
        <PasswordHint />
        <TextField
          id="setup-repeat"
          type="password"
          label={t('setup.repeat')}
          value={f.repeat}
          onValue={set('repeat')}
          autocomplete="new-password"
        />
        {error && (
          <p class="error-box" role="alert">
            {error}
          </p>
        )}
        <div class="row-actions">
          <button type="submit" class="primary">
            {t('setup.submit')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </main>
  );
}
