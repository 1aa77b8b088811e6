/** Signs an idle user out: keeps the server session alive while they work, warns with a countdown before the end. */
import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { now } from '../../shared/platform/clock.ts';
import { useIdle } from '../../shared/platform/useIdle.ts';
import { call } from '../api.ts';

/** Props: the server's idle timeout and how long before it the warning shows. */
export interface IdleGuardProps {
  readonly timeoutSeconds: number;
  readonly warningSeconds: number;
  readonly onExpired: () => void;
}

/** The guard: renders nothing until the warning is due. */
export function IdleGuard({ timeoutSeconds, warningSeconds, onExpired }: IdleGuardProps) {
  const t = useT('workspace');
  const lastPing = useRef(now());
  const button = useRef<HTMLButtonElement>(null);
  const ping = () => {
    lastPing.current = now();
    void call('GET /api/auth/me').catch(() => undefined);
  };
  // Activity while no warning shows counts; once warned, only the button continues (a stray mouse move must not).
  const { remaining, keepGoing } = useIdle(
    true,
    timeoutSeconds - warningSeconds,
    warningSeconds,
    onExpired,
    // Tell the server now and then that the user is still here, so typing a long note does not sign them out.
    () => {
      if (now() - lastPing.current > Math.min(60, timeoutSeconds / 4) * 1000) ping();
    },
  );
  const warned = remaining !== null;
  useEffect(() => {
    if (warned) button.current?.focus();
  }, [warned]);

  if (remaining === null) return null;
  return (
    <div class="overlay">
      <div
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="ws-idle-title"
        aria-describedby="ws-idle-body"
        data-testid="idle-warning"
      >
        <h2 id="ws-idle-title">{t('idle.title')}</h2>
        <p id="ws-idle-body" aria-live="polite">
          {t('idle.body', { count: remaining })}
        </p>
        <button
          ref={button}
          type="button"
          class="primary"
          onClick={() => {
            keepGoing();
            ping();
          }}
        >
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
