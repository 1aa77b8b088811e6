/** The frame around every signed-in screen: navigation by role, who is signed in, sign out, and the idle guard. */
import type { ComponentChildren } from 'preact';
import { useT } from '../shared/i18n/useT.ts';
import { call } from './api.ts';
import { useWorkspace } from './context.ts';
import { IdleGuard } from './auth/IdleGuard.tsx';
import { LanguageToggle } from './LanguageToggle.tsx';
import { Link } from './Link.tsx';
import { href, useRoute, type Route } from './router.ts';

/** Props: the screen, and what to do once signed out. */
export interface ShellProps {
  readonly children: ComponentChildren;
  readonly onSignedOut: (reason: 'none' | 'idle') => void;
}

/** The top menu item a screen belongs to: the settings screen is part of Beheer, a client's summary of Cliënten. */
const inSection = (name: Route['name']): Route['name'] =>
  name === 'settings' ? 'admin' : name === 'client' || name === 'summary' ? 'home' : name;

/** The shell. */
export function Shell({ children, onSignedOut }: ShellProps) {
  const t = useT('workspace');
  const { me } = useWorkspace();
  const route = useRoute();
  // Shortened with … when the header is full; the whole text stays in the tooltip.
  const signedInAs = t('nav.signed_in_as', { name: me.name, role: t(`roles.${me.role}`) });
  const signOut = async (everywhere: boolean) => {
    await call(everywhere ? 'POST /api/auth/logout-everywhere' : 'POST /api/auth/logout').catch(
      () => undefined,
    );
    onSignedOut('none');
  };
  const items =
    me.role === 'coordinator'
      ? ([
          ['home', t('nav.clients')],
          ['measurements', t('nav.measurements')],
          ['dashboard', t('nav.dashboard')],
          ['quality', t('nav.quality')],
          ['admin', t('nav.admin')],
          ['account', t('nav.account')],
        ] as const)
      : ([
          ['home', t('nav.my_clients')],
          ['account', t('nav.account')],
        ] as const);
  return (
    <div class="ws">
      <header class="ws-header no-print">
        <span class="ws-brand">{t('title')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {items.map(([name, label]) => (
              <li key={name}>
                <Link to={href({ name })} current={inSection(route.name) === name}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="ws-user">
          {/* The name only: with the role beside it even "Cora" was cut short at 1280 px; the role is in the title. */}
          <span data-testid="signed-in-as" title={signedInAs}>
            {me.name}
            <span class="visually-hidden"> ({t(`roles.${me.role}`)})</span>
          </span>
          <LanguageToggle compact />
          <button type="button" onClick={() => void signOut(false)} data-testid="sign-out">
            {t('nav.sign_out')}
          </button>
        </div>
      </header>
      <main class="ws-main">{children}</main>
      <IdleGuard
        timeoutSeconds={me.idleTimeoutSeconds}
        warningSeconds={me.idleWarningSeconds}
        onExpired={() => {
          void call('POST /api/auth/logout').catch(() => undefined);
          onSignedOut('idle');
        }}
      />
    </div>
  );
}
