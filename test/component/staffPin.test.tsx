// Staff PIN: the hash itself, first-run setup, unlock, wrong tries and the growing wait, short PINs from before the
// 6-digit rule, rehashing, locking and changing it.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  hashPin,
  isPossiblePin,
  isValidNewPin,
  PIN_ITERATIONS,
  verifyPin,
} from '../../src/tablet/staff/pin.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { database } from '../../src/tablet/storage/db.ts';
import { loadPinHash, loadPinLock, savePinHash } from '../../src/tablet/storage/settings.ts';
import { freshDatabase } from './fixtures.ts';
import {
  click,
  enterPin,
  onScreen,
  openStaff,
  PIN,
  renderStaff,
  TEST_ITERATIONS,
} from './staffHarness.tsx';

beforeEach(freshDatabase);
// The first render loads the staff chunk; load it once here so no test pays for it inside its own time limit.
beforeAll(() => import('../../src/tablet/staff/StaffApp.tsx'), 30_000);
afterEach(() => {
  vi.useRealTimers();
});

const message = () => screen.findByTestId('pin-message');

describe('pin.ts', () => {
  it('takes 6 to 12 digits for a new PIN, and still opens with the 4 or 5 digits chosen before', () => {
    for (const ok of ['123456', '123456789012']) expect(isValidNewPin(ok)).toBe(true);
    for (const bad of ['1234', '12345', '1234567890123', '12a456', ' 123456', ''])
      expect(isValidNewPin(bad)).toBe(false);
    for (const ok of ['1234', '12345', '123456789012']) expect(isPossiblePin(ok)).toBe(true);
    for (const bad of ['123', '1234567890123', '12a4']) expect(isPossiblePin(bad)).toBe(false);
  });

  it('hashes with PBKDF2 at 600,000 iterations by default, a 16-byte salt per hash, and verifies only the right PIN', async () => {
    expect(PIN_ITERATIONS).toBe(600_000);
    const a = await hashPin('2468', TEST_ITERATIONS);
    const b = await hashPin('2468', TEST_ITERATIONS);
    expect(a.iterations).toBe(TEST_ITERATIONS);
    expect(atob(a.salt)).toHaveLength(16);
    expect(atob(a.hash)).toHaveLength(32);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('2468');
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2469', a)).toBe(false);
    expect(await verifyPin('24680', a)).toBe(false);
  });

  it('verifies with the iterations stored in the hash', async () => {
    const h = await hashPin('13579', 2000);
    expect(await verifyPin('13579', h)).toBe(true);
    expect(await verifyPin('13579', { ...h, iterations: 1000 })).toBe(false);
  });
});

describe('PIN screen', () => {
  it('asks for a new PIN twice on first run and stores only its hash', async () => {
    await renderStaff();
    await onScreen('staff-pin-setup');
    fireEvent.input(screen.getByLabelText('Pincode'), { target: { value: '13579' } });
    click('Pincode opslaan');
    expect((await message()).textContent).toBe('Gebruik 6 tot 12 cijfers.');
    fireEvent.input(screen.getByLabelText('Pincode'), { target: { value: '135791' } });
    fireEvent.input(screen.getByLabelText('Pincode nog een keer'), { target: { value: '135792' } });
    click('Pincode opslaan');
    await waitFor(async () =>
      expect((await message()).textContent).toBe('De twee pincodes zijn niet gelijk.'),
    );
    fireEvent.input(screen.getByLabelText('Pincode nog een keer'), { target: { value: '135791' } });
    click('Pincode opslaan');
    await onScreen('staff-home');
    const stored = await loadPinHash();
    expect(stored?.iterations).toBe(TEST_ITERATIONS);
    expect(await verifyPin('135791', stored!)).toBe(true);
    const rows = await database().settings.toArray();
    expect(JSON.stringify(rows)).not.toContain('135791');
  });

  it('says a wrong PIN is wrong and how many tries are left; the right PIN opens staff mode', async () => {
    const { props } = await openStaff();
    click('Vergrendel');
    await enterPin('1111');
    expect((await message()).textContent).toBe(
      'Deze pincode klopt niet. Nog 4 pogingen, daarna moet u even wachten.',
    );
    expect((await loadPinLock()).failures).toBe(1);
    await enterPin(PIN);
    await onScreen('staff-home');
    expect((await loadPinLock()).failures).toBe(0);
    expect(props.onExit).not.toHaveBeenCalled();
  });

  it('makes staff wait 30 s after 5 wrong tries, 1 min after 10, 5 min after 15, also after a reload', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { unmount } = await openStaff();
    click('Vergrendel');
    const wrongFive = async () => {
      for (let i = 1; i <= 4; i++) {
        await enterPin('000000');
        await waitFor(() =>
          expect(screen.getByTestId('pin-message').textContent).toContain(`Nog ${5 - i}`),
        );
      }
      await enterPin('000000');
    };
    const waitOver = async () => {
      vi.setSystemTime((await loadPinLock()).lockedUntil + 1);
      await waitFor(
        () =>
          expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Open' }).disabled).toBe(
            false,
          ),
        { timeout: 3000 },
      );
    };
    await wrongFive();
    await waitFor(() =>
      expect(screen.getByTestId('pin-message').textContent).toBe(
        'Te vaak geprobeerd. Wacht 30 seconden.',
      ),
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Open' }).disabled).toBe(true);
    expect((await loadPinLock()).lockedUntil).toBe(Date.now() + 30_000);

    unmount();
    await renderStaff();
    await onScreen('staff-pin');
    await waitFor(() =>
      expect(screen.getByTestId('pin-message').textContent).toMatch(/Wacht \d+ seconden/),
    );

    await waitOver();
    await wrongFive();
    await waitFor(() =>
      expect(screen.getByTestId('pin-message').textContent).toBe(
        'Te vaak geprobeerd. Wacht 60 seconden.',
      ),
    );
    expect((await loadPinLock()).lockedUntil).toBe(Date.now() + 60_000);
    await waitOver();
    await wrongFive();
    await waitFor(() =>
      expect(screen.getByTestId('pin-message').textContent).toBe(
        'Te vaak geprobeerd. Wacht 5 minuten.',
      ),
    );
    expect(await loadPinLock()).toEqual({ failures: 15, lockedUntil: Date.now() + 5 * 60_000 });

    await waitOver();
    await enterPin(PIN);
    await onScreen('staff-home');
    expect((await loadPinLock()).failures).toBe(0);
  }, 20_000);

  it('still opens with a 4-digit PIN from before, then asks for a new one of at least 6 digits', async () => {
    await savePinHash(await hashPin('2468', TEST_ITERATIONS));
    await renderStaff();
    await enterPin('2468');
    await onScreen('staff-pin-renew');
    expect(screen.getByTestId('pin-renew').textContent).toContain('korter dan 6 cijfers');
    // The PIN just typed is not carried over into the new-PIN field.
    expect(screen.getByLabelText<HTMLInputElement>('Nieuwe pincode').value).toBe('');
    click('Later');
    await onScreen('staff-home');
    click('Vergrendel');
    await enterPin('2468');
    await onScreen('staff-pin-renew');
    fireEvent.input(screen.getByLabelText('Nieuwe pincode'), { target: { value: '24680' } });
    fireEvent.input(screen.getByLabelText('Pincode nog een keer'), { target: { value: '24680' } });
    click('Pincode opslaan');
    expect((await message()).textContent).toBe('Gebruik 6 tot 12 cijfers.');
    fireEvent.input(screen.getByLabelText('Nieuwe pincode'), { target: { value: '8642097' } });
    fireEvent.input(screen.getByLabelText('Pincode nog een keer'), {
      target: { value: '8642097' },
    });
    click('Pincode opslaan');
    await onScreen('staff-home');
    expect(await verifyPin('8642097', (await loadPinHash())!)).toBe(true);
    expect(await verifyPin('2468', (await loadPinHash())!)).toBe(false);
  });

  it('hashes the PIN again at today’s iteration count when it opens with an older, cheaper hash', async () => {
    await savePinHash(await hashPin(PIN, TEST_ITERATIONS / 2));
    await renderStaff();
    await enterPin(PIN);
    await onScreen('staff-home');
    const stored = await loadPinHash();
    expect(stored?.iterations).toBe(TEST_ITERATIONS);
    expect(await verifyPin(PIN, stored!)).toBe(true);
  });

  it('locks on "Vergrendel" and after the lock time without activity', async () => {
    await openStaff({
      settings: { ...DEFAULT_SETTINGS, staffLockSeconds: 30 },
    });
    click('Vergrendel');
    await enterPin(PIN);
    await onScreen('staff-home');

    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    // The idle guard starts counting when it is (re)enabled; open settings so it restarts under the fake clock.
    click('Instellingen');
    await onScreen('staff-settings');
    vi.advanceTimersByTime(20_000);
    fireEvent.pointerDown(document.body);
    vi.advanceTimersByTime(20_000);
    expect(document.querySelector('main[data-screen="staff-settings"]')).not.toBeNull();
    vi.advanceTimersByTime(12_000);
    vi.useRealTimers();
    await onScreen('staff-pin');
  });

  it('leaves staff mode with the current settings', async () => {
    const { props } = await openStaff();
    click('Terug naar het welkomstscherm');
    expect(props.onExit).toHaveBeenCalledWith(props.settings);
  });

  it('changes the PIN from settings', async () => {
    await openStaff();
    click('Instellingen');
    await onScreen('staff-settings');
    click('Pincode wijzigen');
    await onScreen('staff-pin-change');
    fireEvent.input(screen.getByLabelText('Nieuwe pincode'), { target: { value: '975310' } });
    fireEvent.input(screen.getByLabelText('Pincode nog een keer'), { target: { value: '975310' } });
    click('Pincode opslaan');
    await onScreen('staff-settings');
    expect(await verifyPin('975310', (await loadPinHash())!)).toBe(true);
    expect(await verifyPin(PIN, (await loadPinHash())!)).toBe(false);
  });
});
