// "Deze tablet werkt nu ook zonder internet" only when it is true: the app is installed (service worker) and the
// read-aloud audio of every enabled language is on the tablet. While audio still downloads the welcome screen is silent.
import { act, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { KioskApp } from '../../src/tablet/kiosk/KioskApp.tsx';
import type { PackStatus } from '../../src/tablet/speech/offline.ts';
import { freshDatabase, instrument } from './fixtures.ts';
import { testServices } from './kioskServices.ts';

const NOTICE = 'Deze tablet werkt nu ook zonder internet.';

/** Services whose service worker is installed at once, and whose audio packs report what the test says. */
function installedTablet() {
  const packListeners = new Set<(s: PackStatus) => void>();
  let packs: PackStatus = { running: true, done: 0, total: 0, problem: null, states: {} };
  let installed = false;
  const services = testServices({
    updates: {
      register: () => undefined,
      waiting: () => false,
      offlineReady: () => true,
      subscribe: (l) => {
        // The worker reports "installed" after the first screen.
        setTimeout(() => {
          l();
          installed = true;
        }, 0);
        return () => undefined;
      },
      apply: () => undefined,
      check: () => undefined,
    },
    packs: {
      keep: () => undefined,
      subscribe: (l) => {
        packListeners.add(l);
        l(packs);
        return () => packListeners.delete(l);
      },
    },
  });
  const report = (s: PackStatus) => {
    packs = s;
    void act(() => packListeners.forEach((l) => l(s)));
  };
  return { services, report, isInstalled: () => installed };
}

const all = (state: 'cached' | 'missing') =>
  Object.fromEntries(['nl', 'en', 'ar', 'tr', 'pl', 'uk', 'ti', 'fa'].map((l) => [l, state]));

beforeEach(freshDatabase);

describe('the "works offline" notice', () => {
  it('waits while read-aloud audio is still downloading, and shows once every enabled language is on the tablet', async () => {
    const { services, report, isInstalled } = installedTablet();
    render(<KioskApp instrument={instrument} services={services} />);
    await screen.findByRole('button', { name: 'Beginnen' });
    report({ running: true, done: 137, total: 1165, problem: null, states: { nl: 'cached' } });
    await waitFor(() => expect(isInstalled()).toBe(true)); // the worker's "installed" has arrived
    await act(() => Promise.resolve()); // and the kiosk has rendered it
    expect(screen.queryByText(NOTICE)).toBeNull();
    // A run that ended with a problem (the network went away) leaves languages missing: still not said.
    report({ running: false, done: 400, total: 1165, problem: 'offline', states: all('missing') });
    expect(screen.queryByText(NOTICE)).toBeNull();
    report({ running: false, done: 1165, total: 1165, problem: null, states: all('cached') });
    await waitFor(() => expect(screen.getByText(NOTICE)).not.toBeNull());
  });
});
