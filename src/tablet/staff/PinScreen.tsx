/**
 * Sets the staff PIN (first run, or a change), or asks for it. Wrong tries mean a growing wait (`pinPolicy.ts`),
 * also across reloads; a PIN shorter than today's minimum still opens, and staff are then asked for a new one.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TFunction } from 'i18next';
import { useT } from '../../shared/i18n/useT.ts';
import { now } from '../../shared/platform/clock.ts';
import { loadPinHash, loadPinLock, savePinHash, savePinLock } from '../storage/settings.ts';
import {
  hashPin,
  isPossiblePin,
  isShortPin,
  isValidNewPin,
  MAX_PIN_DIGITS,
  needsRehash,
  PIN_ITERATIONS,
  verifyPin,
} from './pin.ts';
import { triesBeforeWait, TRIES_PER_WAIT, waitAfterFailures } from './pinPolicy.ts';

/**
 * Why the screen is shown: unlock with the PIN, choose the first PIN, choose a new one, or choose a new one because
 * the PIN that just opened is shorter than new PINs must be.
 */
export type PinMode = 'unlock' | 'setup' | 'change' | 'renew';

/** Props: the mode, what to do when done, and the way back. */
export interface PinScreenProps {
  readonly mode: PinMode;
  /** Done; `shortPin` when the PIN that opened is shorter than the minimum (staff are then asked for a new one). */
  readonly onUnlocked: (shortPin: boolean) => void;
  readonly onBack: () => void;
  /** Fewer iterations in tests; the product uses the default. */
  readonly iterations?: number;
}

type PinError = 'format' | 'format_unlock' | 'mismatch' | 'wrong' | 'storage';

const TITLES = {
  unlock: 'pin.unlock_title',
  setup: 'pin.setup_title',
  change: 'pin.change_title',
  renew: 'pin.change_title',
};
const SCREENS = {
  unlock: 'staff-pin',
  setup: 'staff-pin-setup',
  change: 'staff-pin-change',
  renew: 'staff-pin-renew',
};

/** Seconds or minutes to wait, as the message says it. */
function waitText(t: TFunction, seconds: number): string {
  return seconds > 90
    ? t('pin.errors.wait_minutes', { count: Math.ceil(seconds / 60) })
    : t('pin.errors.wait', { count: seconds });
}

/** The PIN screen. */
export function PinScreen({ mode, onUnlocked, onBack, iterations }: PinScreenProps) {
  const t = useT('staff');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<PinError | null>(null);
  const [triesLeft, setTriesLeft] = useState(TRIES_PER_WAIT);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const choosing = mode !== 'unlock';

  useEffect(() => {
    if (choosing) return;
    let stop = false;
    const tick = () =>
      void loadPinLock().then(
        (l) => !stop && setWait(Math.max(0, Math.ceil((l.lockedUntil - now()) / 1000))),
        () => undefined,
      );
    tick();
    const timer = setInterval(tick, 1000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [choosing]);

  const check = async (): Promise<void> => {
    if (choosing) {
      if (pin !== repeat) return setError('mismatch');
      await savePinHash(await hashPin(pin, iterations));
      return onUnlocked(false);
    }
    const lock = await loadPinLock();
    if (lock.lockedUntil > now()) return setWait(Math.ceil((lock.lockedUntil - now()) / 1000));
    const stored = await loadPinHash();
    if (stored && (await verifyPin(pin, stored))) {
      await savePinLock({ failures: 0, lockedUntil: 0 });
      // A hash from before today's iteration count is made again now that the PIN is known.
      if (needsRehash(stored, iterations ?? PIN_ITERATIONS))
        await savePinHash(await hashPin(pin, iterations));
      return onUnlocked(isShortPin(pin));
    }
    const failures = lock.failures + 1;
    const waitMs = waitAfterFailures(failures);
    await savePinLock({ failures, lockedUntil: waitMs ? now() + waitMs : 0 });
    setPin('');
    setTriesLeft(triesBeforeWait(failures));
    if (waitMs) {
      setWait(Math.ceil(waitMs / 1000));
      setError(null);
    } else setError('wrong');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || wait > 0) return;
    if (!(choosing ? isValidNewPin(pin) : isPossiblePin(pin)))
      return setError(choosing ? 'format' : 'format_unlock');
    setBusy(true);
    try {
      await check();
    } catch {
      setError('storage');
    } finally {
      setBusy(false);
    }
  };

  const message =
    wait > 0
      ? waitText(t, wait)
      : error === 'wrong'
        ? `${t('pin.errors.wrong')} ${t('pin.errors.tries_left', { count: triesLeft })}`
        : error
          ? t(`pin.errors.${error}`)
          : null;
  return (
    <main class="staff screen" data-screen={SCREENS[mode]}>
      <h1>{t(TITLES[mode])}</h1>
      {mode === 'renew' && (
        <p class="notice" data-testid="pin-renew">
          {t('pin.renew_intro')}
        </p>
      )}
      {choosing && <p>{t('pin.setup_intro')}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label for="staff-pin">
          {choosing && mode !== 'setup' ? t('pin.new_label') : t('pin.pin_label')}
        </label>
        <input
          id="staff-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={MAX_PIN_DIGITS}
          value={pin}
          aria-invalid={error ? true : undefined}
          aria-describedby={message ? 'pin-error' : undefined}
          onInput={(e) => setPin(e.currentTarget.value.replace(/\D/g, ''))}
        />
        {choosing && (
          <>
            <label for="staff-pin-repeat">{t('pin.repeat_label')}</label>
            <input
              id="staff-pin-repeat"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={MAX_PIN_DIGITS}
              value={repeat}
              aria-invalid={error === 'mismatch' ? true : undefined}
              onInput={(e) => setRepeat(e.currentTarget.value.replace(/\D/g, ''))}
            />
          </>
        )}
        {message && (
          <p id="pin-error" class="error" role="alert" data-testid="pin-message">
            {message}
          </p>
        )}
        {busy && <p role="status">{t('pin.checking')}</p>}
        <div class="screen-actions">
          <button type="button" class="secondary" onClick={onBack}>
            {mode === 'change'
              ? t('pin.cancel_button')
              : mode === 'renew'
                ? t('pin.later_button')
                : t('pin.back_button')}
          </button>
          <button type="submit" class="primary" disabled={busy || wait > 0}>
            {choosing ? t('pin.save_button') : t('pin.unlock_button')}
          </button>
        </div>
      </form>
    </main>
  );
}
