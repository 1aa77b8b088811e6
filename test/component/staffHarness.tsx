// Renders staff mode as the kiosk would, with a cheap PIN hash, and helps unlock it.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, vi } from 'vitest';
import { DEFAULT_SETTINGS, type AgencySettings } from '../../src/shared/core/settings.ts';
import type { StaffAppProps } from '../../src/tablet/kiosk/staffBridge.ts';
import { hashPin } from '../../src/tablet/staff/pin.ts';
import { savePinHash } from '../../src/tablet/storage/settings.ts';
import type { StorageHealth } from '../../src/tablet/storage/health.ts';
import type { Instrument } from '../../src/shared/core/instrument.ts';
import { instrument } from './fixtures.ts';

/** Iterations for tests: the product uses 600,000, which costs about a second per try. */
export const TEST_ITERATIONS = 1000;
/** The PIN the harness stores. */
export const PIN = '246813';

/**
 * Renders StaffApp with spies for its callbacks. The chunk is imported here, not at the top: like in the product it
 * registers its texts when it loads, which needs i18next started (setup.ts does that in beforeAll).
 */
export async function renderStaff(
  over: { settings?: AgencySettings; storage?: StorageHealth; instrument?: Instrument } = {},
) {
  const props = {
    instrument: over.instrument ?? instrument,
    settings: over.settings ?? DEFAULT_SETTINGS,
    storage: over.storage ?? { ok: true, persisted: true, usage: 2_500_000, quota: 1e9 },
    onExit: vi.fn<StaffAppProps['onExit']>(),
    onHandover: vi.fn<StaffAppProps['onHandover']>(),
    onResume: vi.fn<StaffAppProps['onResume']>(),
  } satisfies StaffAppProps;
  const { StaffApp } = await import('../../src/tablet/staff/StaffApp.tsx');
  const result = render(<StaffApp {...props} pinIterations={TEST_ITERATIONS} />);
  return { ...result, props };
}

/** Waits until a staff screen shows. */
export const onScreen = (name: string) =>
  waitFor(() => expect(document.querySelector(`main[data-screen="${name}"]`)).not.toBeNull());

/** Clicks a button by its accessible name. */
export const click = (name: string | RegExp) =>
  fireEvent.click(screen.getByRole('button', { name }));

/** Types a PIN into the unlock screen and submits. */
export async function enterPin(pin: string) {
  await onScreen('staff-pin');
  fireEvent.input(screen.getByLabelText('Pincode'), { target: { value: pin } });
  click('Open');
}

/** Stores the harness PIN, renders staff mode and unlocks it. */
export async function openStaff(over: Parameters<typeof renderStaff>[0] = {}) {
  await savePinHash(await hashPin(PIN, TEST_ITERATIONS));
  const r = await renderStaff(over);
  await enterPin(PIN);
  await onScreen('staff-home');
  return r;
}
