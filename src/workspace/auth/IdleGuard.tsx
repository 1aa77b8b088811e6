/** Signs an idle user out: keeps the server session alive while they work, warns with a countdown before the end. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { WS_API } from '../../core/workspaceApi.ts';
import { useT } from '../../i18n/useT.ts';
import { onUserActivity } from '../../platform/activity.ts';
import { now } from '../../platform/clock.ts';
import { api } from '../api.ts';

/** Props: the server's idle timeout and how long before it the warning shows. */
export interface IdleGuardProps {
  readonly timeoutSeconds: number;
  readonly warningSeconds: number;
  readonly onExpired: () => void;
}

/** The guard: renders nothing until the warning is due. */
export function IdleGuard({ timeoutSeconds, warningSeconds, onExpired }: IdleGuardProps) {
  const t = useT('workspace');
  const lastActive = useRef(now());
  const lastPing = useRef(now());
  const [remaining, setRemaining] = useState<number | null>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // Activity while no warning shows counts; once warned, only the button continues (a stray mouse move must not).
    const off = onUserActivity(() => {
      if (remainingRef.current !== null) return;
      lastActive.current = now();
      // Tell the server now and then that the user is still here, so typing a long note does not sign them out.
      if (now() - lastPing.current > Math.min(60, timeoutSeconds / 4) * 1000) {
        lastPing.current = now();
        void api('GET', WS_API.me).catch(() => undefined);
      }
    });
    const timer = setInterval(() => {
      const idle = (now() - lastActive.current) / 1000;
      const left = Math.ceil(timeoutSeconds - idle);
      if (left <= 0) {
        clearInterval(timer);
        onExpired();
      } else setRemaining(left <= warningSeconds ? left : null);
    }, 250);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [timeoutSeconds, warningSeconds, onExpired]);

  const remainingRef = useRef<number | null>(null);
  remainingRef.current = remaining;
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
            lastActive.current = now();
            lastPing.current = now();
            setRemaining(null);
            void api('GET', WS_API.me).catch(() => undefined);
          }}
        >
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
