// The insecure-context screen: opened over plain http on a network address, staff see what is wrong, why, and the
// https address to use, and no PIN form. And the platform check that decides it.
import { render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InsecureContextScreen } from '../../src/tablet/kiosk/InsecureContextScreen.tsx';
import { secureContextProblem } from '../../src/tablet/platform/secureContext.ts';

afterEach(() => vi.unstubAllGlobals());

describe('insecure context', () => {
  it('names the problem, the reason and the https address; offers no PIN form', () => {
    render(<InsecureContextScreen problem="insecure" httpsUrl="https://intake.test/" />);
    expect(screen.getByRole('heading').textContent).toBe(
      'Deze tablet kan de app hier niet gebruiken',
    );
    expect(screen.getByRole('alert').textContent).toContain('geopend via http');
    expect(document.body.textContent).toContain('De app heeft https nodig');
    expect(screen.getByTestId('https-address').getAttribute('href')).toBe('https://intake.test/');
    expect(document.querySelector('input')).toBeNull();
    expect(document.body.textContent).not.toMatch(/probeer het opnieuw/i);
  });

  it('in a secure context without WebCrypto or service workers, points to a current browser instead', () => {
    render(<InsecureContextScreen problem="unsupported" httpsUrl="https://intake.test/" />);
    expect(screen.getByRole('alert').textContent).toContain('versleuteling of offline opslag');
    expect(screen.queryByTestId('https-address')).toBeNull();
  });

  it('detects http on a network address, and a browser without crypto.subtle', () => {
    vi.stubGlobal('isSecureContext', false);
    expect(secureContextProblem()).toBe('insecure');
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('navigator', { serviceWorker: {} });
    expect(secureContextProblem()).toBeNull();
    vi.stubGlobal('crypto', {});
    expect(secureContextProblem()).toBe('unsupported');
  });
});
