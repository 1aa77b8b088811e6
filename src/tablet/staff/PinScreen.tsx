/** Sets the staff PIN (first run, or a change), or asks for it; five wrong tries mean a 30-second wait, also across reloads. */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../../shared/i18n/useT.ts';
import { now } from '../../shared/platform/clock.ts';
import { loadPinHash, loadPinLock, savePinHash, savePinLock } from '../storage/settings.ts';
import { hashPin, isValidPin, LOCKOUT_MS, MAX_TRIES, verifyPin } from './pin.ts';

/** Why the screen is shown: unlock with the PIN, choose the first PIN, or choose a new one. */
export type PinMode = 'unlock' | 'setup' | 'change';

/** Props: the mode, what to do when done, and the way back. */
export interface PinScreenProps {
  readonly mode: PinMode;
  readonly onUnlocked: () => void;
  readonly onBack: () => void;
  /** Fewer iterations in tests; the product uses the default. */
  readonly iterations?: number;
}

type PinError = 'format' | 'mismatch' | 'wrong' | 'storage';

const TITLES = { unlock: 'pin.unlock_title', setup: 'pin.setup_title', change: 'pin.change_title' };

/** The PIN screen. */
export function PinScreen({ mode, onUnlocked, onBack, iterations }: PinScreenProps) {
  const t = useT('staff');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<PinError | null>(null);
  const [triesLeft, setTriesLeft] = useState(MAX_TRIES);
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
      return onUnlocked();
    }
    const lock = await loadPinLock();
    if (lock.lockedUntil > now()) return setWait(Math.ceil((lock.lockedUntil - now()) / 1000));
    const stored = await loadPinHash();
    if (stored && (await verifyPin(pin, stored))) {
      await savePinLock({ failures: 0, lockedUntil: 0 });
      return onUnlocked();
    }
    const failures = lock.failures + 1;
    const locked = failures >= MAX_TRIES;
    await savePinLock({
      failures: locked ? 0 : failures,
      lockedUntil: locked ? now() + LOCKOUT_MS : 0,
    });
    setPin('');
    setTriesLeft(MAX_TRIES - failures);
    if (locked) {
      setWait(Math.ceil(LOCKOUT_MS / 1000));
      setError(null);
    } else setError('wrong');
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || wait > 0) return;
    if (!isValidPin(pin)) return setError('format');
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
      ? t('pin.errors.wait', { count: wait })
      : error === 'wrong'
        ? `${t('pin.errors.wrong')} ${t('pin.errors.tries_left', { count: triesLeft })}`
        : error
          ? t(`pin.errors.${error}`)
          : null;
  return (
    <main
      class="staff screen"
      data-screen={
        mode === 'unlock' ? 'staff-pin' : mode === 'setup' ? 'staff-pin-setup' : 'staff-pin-change'
      }
    >
      <h1>{t(TITLES[mode])}</h1>
      {choosing && <p>{t('pin.setup_intro')}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label for="staff-pin">{mode === 'change' ? t('pin.new_label') : t('pin.pin_label')}</label>
        <input
          id="staff-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
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
              maxLength={8}
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
            {mode === 'change' ? t('pin.cancel_button') : t('pin.back_button')}
          </button>
          <button type="submit" class="primary" disabled={busy || wait > 0}>
            {choosing ? t('pin.save_button') : t('pin.unlock_button')}
          </button>
        </div>
      </form>
    </main>
  );
}
