// The workspace's idle guard on the shared countdown (src/shared/platform/useIdle.ts): activity keeps the user in and pings
// the server now and then, the warning counts down the last seconds, stray activity does not end it, the button does.
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import workspaceNl from '../../locales/nl/workspace.json';
import { addTexts } from '../../src/shared/i18n/index.ts';
import { IdleGuard } from '../../src/office/auth/IdleGuard.tsx';

const fetchMock = vi.fn(() => Promise.resolve(new Response('{}', { status: 200 })));

beforeAll(() => addTexts('nl', 'workspace', workspaceNl));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.stubGlobal('fetch', fetchMock);
  fetchMock.mockClear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const pass = (ms: number) => act(() => void vi.advanceTimersByTime(ms));
const warning = () => screen.queryByTestId('idle-warning');

describe('workspace idle guard', () => {
  it('warns for the last seconds, ignores stray activity then, and signs out at the timeout', async () => {
    const expired = vi.fn();
    render(<IdleGuard timeoutSeconds={60} warningSeconds={20} onExpired={expired} />);
    await pass(30_000);
    fireEvent.pointerDown(document.body);
    // Active after more than a quarter of the timeout: the server hears the user is still here.
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await pass(39_000);
    expect(warning()).toBeNull();
    await pass(1_500);
    expect(warning()?.textContent).toContain('20');
    fireEvent.pointerDown(document.body);
    fireEvent.keyDown(document.body, { key: 'a' });
    await pass(10_000);
    expect(warning()?.textContent).toContain('10');
    expect(expired).not.toHaveBeenCalled();
    await pass(10_500);
    expect(expired).toHaveBeenCalledTimes(1);
  });

  it('continues with the button: the warning goes, the server is told, the clock starts again', async () => {
    const expired = vi.fn();
    render(<IdleGuard timeoutSeconds={60} warningSeconds={20} onExpired={expired} />);
    await pass(41_000);
    expect(warning()).not.toBeNull();
    fireEvent.click(screen.getByRole('button'));
    await pass(250);
    expect(warning()).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await pass(39_000);
    expect(warning()).toBeNull();
    expect(expired).not.toHaveBeenCalled();
  });
});
