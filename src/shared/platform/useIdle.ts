/**
 * The idle countdown of the kiosk, staff mode and the office workspace: after `idleSeconds` without a touch or key, a
 * warning counts down `countdownSeconds`, then `onExpire` runs.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { onUserActivity } from './activity.ts';

/** The warning's state: null while the client is active, else the seconds left. */
export interface IdleState {
  readonly remaining: number | null;
  readonly keepGoing: () => void;
}

/**
 * Watches activity while `enabled`; the warning ignores stray touches and ends only through `keepGoing`.
 * `onActivity` hears the activity that counts (none while the warning shows).
 */
export function useIdle(
  enabled: boolean,
  idleSeconds: number,
  countdownSeconds: number,
  onExpire: () => void,
  onActivity?: () => void,
): IdleState {
  const [remaining, setRemaining] = useState<number | null>(null);
  const lastActivity = useRef(Date.now());
  const warningSince = useRef<number | null>(null);
  const expire = useRef(onExpire);
  expire.current = onExpire;
  const active = useRef(onActivity);
  active.current = onActivity;

  useEffect(() => {
    if (!enabled) {
      setRemaining(null);
      warningSince.current = null;
      return;
    }
    lastActivity.current = Date.now();
    const off = onUserActivity(() => {
      if (warningSince.current !== null) return;
      lastActivity.current = Date.now();
      active.current?.();
    });
    const timer = setInterval(() => {
      const now = Date.now();
      if (warningSince.current === null) {
        if (now - lastActivity.current >= idleSeconds * 1000) {
          warningSince.current = now;
          setRemaining(countdownSeconds);
        }
        return;
      }
      const left = countdownSeconds - Math.floor((now - warningSince.current) / 1000);
      if (left <= 0) {
        warningSince.current = null;
        setRemaining(null);
        expire.current();
      } else setRemaining(left);
    }, 250);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [enabled, idleSeconds, countdownSeconds]);

  return {
    remaining,
    keepGoing: () => {
      warningSince.current = null;
      lastActivity.current = Date.now();
      setRemaining(null);
    },
  };
}
