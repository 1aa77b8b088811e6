/** Sets the staff PIN on first run, or asks for it; five wrong tries mean a 30-second wait, also across reloads. */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../i18n/useT.ts';
import { now } from '../platform/clock.ts';
import {
  loadPinHash,
  loadPinLock,
  savePinHash,
  savePinLock,
  type PinHash,
} from '../storage/settings.ts';
import { hashPin, isValidPin, LOCKOUT_MS, MAX_TRIES, verifyPin } from './pin.ts';

/** Props: the stored hash (null: first run), what to do when unlocked, and the way back. */
export interface PinScreenProps {
  readonly stored: PinHash | null;
  readonly onUnlocked: () => void;
  readonly onBack: () => void;
  /** Fewer iterations in tests; the product uses the default. */
  readonly iterations?: number;
}

type PinError = 'format' | 'mismatch' | 'wrong' | 'wait';

/** The PIN screen. */
export function PinScreen({ stored, onUnlocked, onBack, iterations }: PinScreenProps) {
  const t = useT('staff');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<PinError | null>(null);
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const setup = stored === null;

  useEffect(() => {
    const tick = () =>
      void loadPinLock().then((l) =>
        setWait(Math.max(0, Math.ceil((l.lockedUntil - now()) / 1000))),
      );
    tick();
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (!isValidPin(pin)) return setError('format');
    setBusy(true);
    try {
      if (setup) {
        if (pin !== repeat) return setError('mismatch');
        await savePinHash(await hashPin(pin, iterations));
        return onUnlocked();
      }
      const lock = await loadPinLock();
      if (lock.lockedUntil > now()) return setError('wait');
      const current = (await loadPinHash()) ?? stored;
      if (current && (await verifyPin(pin, current))) {
        await savePinLock({ failures: 0, lockedUntil: 0 });
        return onUnlocked();
      }
      const failures = lock.failures + 1;
      const locked = failures >= MAX_TRIES;
      await savePinLock({
        failures: locked ? 0 : failures,
        lockedUntil: locked ? now() + LOCKOUT_MS : 0,
      });
      if (locked) setWait(Math.ceil(LOCKOUT_MS / 1000));
      setError(locked ? 'wait' : 'wrong');
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  const message =
    error === 'wait' || wait > 0
      ? t('pin.errors.wait', { count: wait })
      : error
        ? t(`pin.errors.${error}`)
        : null;
  return (
    <main class="staff screen" data-screen={setup ? 'staff-pin-setup' : 'staff-pin'}>
      <h1>{setup ? t('pin.setup_title') : t('pin.unlock_title')}</h1>
      {setup && <p>{t('pin.setup_intro')}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label for="staff-pin">{t('pin.pin_label')}</label>
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
        {setup && (
          <>
            <label for="staff-pin-repeat">{t('pin.repeat_label')}</label>
            <input
              id="staff-pin-repeat"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={repeat}
              onInput={(e) => setRepeat(e.currentTarget.value.replace(/\D/g, ''))}
            />
          </>
        )}
        {message && (
          <p id="pin-error" class="error" role="alert">
            {message}
          </p>
        )}
        {busy && <p role="status">{t('pin.checking')}</p>}
        <div class="screen-actions">
          <button type="button" class="secondary" onClick={onBack}>
            {t('pin.back_button')}
          </button>
          <button type="submit" class="primary" disabled={busy || wait > 0}>
            {setup ? t('pin.save_button') : t('pin.unlock_button')}
          </button>
        </div>
      </form>
    </main>
  );
}
