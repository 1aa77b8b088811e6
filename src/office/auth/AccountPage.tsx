/** The user's own account: the postures they work well with, change password, sign out everywhere. */
import { useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { TextField } from '../ui/TextField.tsx';
import { call, ApiError } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { postureIds, useScaleLabel } from '../labels.ts';
import { PasswordHint } from './PasswordHint.tsx';

/** The page. */
export function AccountPage() {
  const t = useT('workspace');
  const { me, instrument, refreshMe } = useWorkspace();
  const label = useScaleLabel(instrument);
  const [postures, setPostures] = useState<string[]>([...me.postures]);
  const [postureMsg, setPostureMsg] = useState<string | null>(null);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [pwMsg, setPwMsg] = useState<{ ok: boolean; text: string } | null>(null);

  const savePostures = async (e: Event) => {
    e.preventDefault();
    try {
      await call('PUT /api/me/postures', { body: { postures } });
      await refreshMe();
      setPostureMsg(t('account.saved'));
    } catch (err) {
      setPostureMsg(t('common.error', { message: err instanceof Error ? err.message : '' }));
    }
  };
  const changePassword = async (e: Event) => {
    e.preventDefault();
    try {
      await call('POST /api/auth/password', { body: { current, next } });
      setPwMsg({ ok: true, text: t('account.password_changed') });
      setCurrent('');
      setNext('');
    } catch (err) {
      const text =
        err instanceof ApiError && err.code === 'password_weak'
          ? t('account.password_weak', { message: err.message })
          : err instanceof ApiError && err.status === 401
            ? t('account.password_wrong')
            : t('common.error', { message: err instanceof Error ? err.message : '' });
      setPwMsg({ ok: false, text });
    }
  };
  const everywhere = async () => {
    await call('POST /api/auth/logout-everywhere').catch(() => undefined);
    location.assign('/werkplek/');
  };

  return (
    <section data-screen="account" class="account">
      <h1>{t('account.title')}</h1>
      <p>
        {t('account.who', { name: me.name, username: me.username, role: t(`roles.${me.role}`) })}
      </p>
      <form class="ws-form" onSubmit={savePostures}>
        <fieldset>
          <legend>{t('account.postures')}</legend>
          <p class="hint">{t('account.postures_hint')}</p>
          {postureIds(instrument).map((s) => (
            <label key={s} class="check">
              <input
                type="checkbox"
                checked={postures.includes(s)}
                onChange={(e) =>
                  setPostures(
                    e.currentTarget.checked ? [...postures, s] : postures.filter((p) => p !== s),
                  )
                }
              />
              {label(s)}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="primary">
          {t('account.save_postures')}
        </button>
        {postureMsg && <p role="status">{postureMsg}</p>}
      </form>
      <form class="ws-form" onSubmit={changePassword}>
        <h2>{t('account.password_title')}</h2>
        <TextField
          id="pw-current"
          type="password"
          label={t('account.password_current')}
          value={current}
          onValue={setCurrent}
          autocomplete="current-password"
        />
        <TextField
          id="pw-next"
          type="password"
          label={t('account.password_next')}
          value={next}
          onValue={setNext}
          autocomplete="new-password"
        />
        <PasswordHint />
        <button type="submit" class="primary">
          {t('account.password_button')}
        </button>
        {pwMsg && (
          <p role={pwMsg.ok ? 'status' : 'alert'} class={pwMsg.ok ? '' : 'error-box'}>
            {pwMsg.text}
          </p>
        )}
      </form>
      <h2>{t('account.everywhere_title')}</h2>
      <p>{t('account.everywhere_intro')}</p>
      <button type="button" onClick={() => void everywhere()} data-testid="sign-out-everywhere">
        {t('account.everywhere_button')}
      </button>
    </section>
  );
}
