/** Signs an idle user out: keeps the server session alive while they work, warns with a countdown before the end. */
import { useRef } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { now } from '../../shared/platform/clock.ts';
import { useIdle } from '../../shared/platform/useIdle.ts';
import { IdleDialog } from '../../shared/ui/IdleDialog.tsx';
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
  if (remaining === null) return null;
  return (
    <IdleDialog
      idPrefix="ws-idle"
      title={t('idle.title')}
      body={t('idle.body', { count: remaining })}
      continueLabel={t('idle.continue')}
      onContinue={() => {
        keepGoing();
        ping();
      }}
      dataset={{ 'data-testid': 'idle-warning' }}
    />
  );
}
