// Staff PIN: the hash itself, first-run setup, unlock, wrong tries and the 30-second wait, locking and changing it.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  hashPin,
  isValidPin,
  LOCKOUT_MS,
  PIN_ITERATIONS,
  verifyPin,
} from '../../src/tablet/staff/pin.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { database } from '../../src/tablet/storage/db.ts';
import { loadPinHash, loadPinLock } from '../../src/tablet/storage/settings.ts';
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
afterEach(() => {
  vi.useRealTimers();
});

const message = () => screen.findByTestId('pin-message');

describe('pin.ts', () => {
  it('accepts 4 to 8 digits only', () => {
    for (const ok of ['1234', '12345678']) expect(isValidPin(ok)).toBe(true);
    for (const bad of ['123', '123456789', '12a4', ' 1234', ''])
      expect(isValidPin(bad)).toBe(false);
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
    fireEvent.input(screen.getByLabelText('Pincode'), { target: { value: '12' } });
    click('Pincode opslaan');
    expect((await message()).textContent).toBe('Gebruik 4 tot 8 cijfers.');
    fireEvent.input(screen.getByLabelText('Pincode'), { target: { value: '1357' } });
    fireEvent.input(screen.getByLabelText('Pincode nog een keer'), { target: { value: '1358' } });
    click('Pincode opslaan');
    await waitFor(async () =>
      expect((await message()).textContent).toBe('De twee pincodes zijn niet gelijk.'),
    );
    fireEvent.input(screen.getByLabelText('Pincode nog een keer'), { target: { value: '1357' } });
    click('Pincode opslaan');
    await onScreen('staff-home');
    const stored = await loadPinHash();
    expect(stored?.iterations).toBe(TEST_ITERATIONS);
    expect(await verifyPin('1357', stored!)).toBe(true);
    const rows = await database().settings.toArray();
    expect(JSON.stringify(rows)).not.toContain('1357');
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

  it('makes staff wait 30 seconds after 5 wrong tries, also after a reload, then accepts the PIN again', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { unmount } = await openStaff();
    click('Vergrendel');
    for (let i = 1; i <= 4; i++) {
      await enterPin('0000');
      await waitFor(() =>
        expect(screen.getByTestId('pin-message').textContent).toContain(`Nog ${5 - i}`),
      );
    }
    await enterPin('0000');
    await waitFor(() =>
      expect(screen.getByTestId('pin-message').textContent).toBe(
        'Te vaak geprobeerd. Wacht 30 seconden.',
      ),
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Open' }).disabled).toBe(true);
    expect((await loadPinLock()).lockedUntil).toBe(Date.now() + LOCKOUT_MS);

    unmount();
    await renderStaff();
    await onScreen('staff-pin');
    await waitFor(() =>
      expect(screen.getByTestId('pin-message').textContent).toMatch(/Wacht \d+ seconden/),
    );

    vi.setSystemTime(Date.now() + LOCKOUT_MS + 1000);
    await waitFor(
      () =>
        expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Open' }).disabled).toBe(
          false,
        ),
      { timeout: 3000 },
    );
    await enterPin(PIN);
    await onScreen('staff-home');
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
    fireEvent.input(screen.getByLabelText('Nieuwe pincode'), { target: { value: '97531' } });
    fireEvent.input(screen.getByLabelText('Pincode nog een keer'), { target: { value: '97531' } });
    click('Pincode opslaan');
    await onScreen('staff-settings');
    expect(await verifyPin('97531', (await loadPinHash())!)).toBe(true);
    expect(await verifyPin(PIN, (await loadPinHash())!)).toBe(false);
  });
});
