/** Staff accounts: create, change role and postures, disable or enable, set a temporary password. */
import { useState } from 'preact/hooks';
import type { NewUser, Role, UserUpdate } from '../../shared/contract/workspaceApi.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { call } from '../api.ts';
import { useWorkspace } from '../context.ts';
import { postureIds, useScaleLabel } from '../labels.ts';
import { LoadView } from '../LoadView.tsx';
import { DataTable } from '../ui/DataTable.tsx';
import { useLoad } from '../useLoad.ts';
import { PasswordHint } from '../auth/PasswordHint.tsx';
import { PasswordReset } from './PasswordReset.tsx';

/** The panel. */
export function StaffAccounts() {
  const t = useT('workspace');
  const { instrument, me } = useWorkspace();
  const label = useScaleLabel(instrument);
  const [load, reload] = useLoad(() => call('GET /api/users'), 'users');
  const [f, setF] = useState<NewUser>({ name: '', username: '', role: 'staff', password: '' });
  const [msg, setMsg] = useState<string | null>(null);
  const [resetFor, setResetFor] = useState<{ id: string; name: string } | null>(null);
  const update = async (id: string, body: UserUpdate) => {
    try {
      await call('PATCH /api/users/:id', { params: { id }, body: body });
      reload();
    } catch (e) {
      setMsg(t('common.error', { message: e instanceof Error ? e.message : '' }));
    }
  };
  const create = async (e: Event) => {
    e.preventDefault();
    try {
      await call('POST /api/users', { body: f });
      setF({ name: '', username: '', role: 'staff', password: '' });
      setMsg(t('users.created'));
      reload();
    } catch (err) {
      setMsg(t('common.error', { message: err instanceof Error ? err.message : '' }));
    }
  };
  return (
    <section class="panel" aria-labelledby="users-title" data-testid="staff-accounts">
      <h2 id="users-title">{t('users.title')}</h2>
      <LoadView load={load}>
        {(users) => (
          <DataTable
            headings={[
              t('users.name'),
              t('signin.username'),
              t('users.role'),
              t('users.postures'),
              t('users.caseload'),
              t('users.status'),
            ]}
            rows={users}
            rowKey={(u) => u.id}
            rowAttributes={(u) => ({ 'data-user': u.username })}
            cells={(u) => [
              u.name,
              u.username,
              <select
                aria-label={t('users.role_of', { name: u.name })}
                value={u.role}
                disabled={u.id === me.userId}
                onChange={(e) => void update(u.id, { role: e.currentTarget.value as Role })}
              >
                <option value="staff">{t('roles.staff')}</option>
                <option value="coordinator">{t('roles.coordinator')}</option>
              </select>,
              <div class="checks">
                {postureIds(instrument).map((s) => (
                  <label key={s} class="check small">
                    <input
                      type="checkbox"
                      checked={u.postures.includes(s)}
                      onChange={(e) =>
                        void update(u.id, {
                          postures: e.currentTarget.checked
                            ? [...u.postures, s]
                            : u.postures.filter((p) => p !== s),
                        })
                      }
                    />
                    {label(s)}
                  </label>
                ))}
              </div>,
              u.caseload,
              <>
                {u.disabled ? t('users.disabled') : t('users.active')}{' '}
                {u.id !== me.userId && (
                  <>
                    <button
                      type="button"
                      onClick={() => void update(u.id, { disabled: !u.disabled })}
                    >
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </button>{' '}
                    <button
                      type="button"
                      aria-label={t('users.reset_of', { name: u.name })}
                      onClick={() => {
                        setMsg(null);
                        setResetFor({ id: u.id, name: u.name });
                      }}
                      data-testid="reset-start"
                    >
                      {t('users.reset')}
                    </button>
                  </>
                )}
              </>,
            ]}
          />
        )}
      </LoadView>
      {resetFor && (
        <PasswordReset
          key={resetFor.id}
          user={resetFor}
          onClose={(message) => {
            setResetFor(null);
            setMsg(message);
          }}
        />
      )}
      <form class="ws-form inline-form" onSubmit={create}>
        <h3>{t('users.new')}</h3>
        <label>
          {t('users.name')}
          <input
            value={f.name}
            onInput={(e) => setF({ ...f, name: e.currentTarget.value })}
            required
          />
        </label>
        <label>
          {t('signin.username')}
          <input
            value={f.username}
            onInput={(e) => setF({ ...f, username: e.currentTarget.value })}
            required
            autocomplete="off"
          />
        </label>
        <label>
          {t('users.role')}
          <select
            value={f.role}
            onChange={(e) => setF({ ...f, role: e.currentTarget.value as Role })}
          >
            <option value="staff">{t('roles.staff')}</option>
            <option value="coordinator">{t('roles.coordinator')}</option>
          </select>
        </label>
        <label>
          {t('users.first_password')}
          <input
            type="password"
            value={f.password}
            onInput={(e) => setF({ ...f, password: e.currentTarget.value })}
            required
            autocomplete="new-password"
          />
        </label>
        <PasswordHint />
        <button type="submit" class="primary">
          {t('users.create')}
        </button>
      </form>
      {msg && <p role="status">{msg}</p>}
    </section>
  );
}
