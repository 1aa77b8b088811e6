// The audio element when the browser refuses sound before a touch (a tablet page after a restart): the sound must
// start at the first touch, and a stop before that touch must leave it silent.
import { afterEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { playSound } from '../../src/tablet/platform/audio.ts';

const refused = () => Promise.reject(new DOMException('no gesture yet', 'NotAllowedError'));

afterEach(() => vi.restoreAllMocks());

/** Waits until playSound waits for a touch (its pointerdown listener is on the window); returns that listener. */
async function waitingForTouch(
  listens: MockInstance<typeof window.addEventListener>,
): Promise<unknown> {
  await vi.waitFor(() =>
    expect(listens).toHaveBeenCalledWith('pointerdown', expect.any(Function), true),
  );
  return listens.mock.calls.find((c) => c[0] === 'pointerdown')?.[1];
}

describe('playSound when sound needs a touch first', () => {
  it('tries again at the first touch and resolves when the sound ends', async () => {
    const play = vi
      .spyOn(HTMLMediaElement.prototype, 'play')
      .mockImplementationOnce(refused)
      .mockImplementationOnce(function (this: HTMLMediaElement) {
        queueMicrotask(() => this.dispatchEvent(new Event('ended')));
        return Promise.resolve();
      });
    const listens = vi.spyOn(window, 'addEventListener');
    const done = playSound(new Blob(['x'], { type: 'audio/mpeg' }), new AbortController().signal);
    await waitingForTouch(listens);
    expect(play).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('pointerdown'));
    await done;
    expect(play).toHaveBeenCalledTimes(2);
  });

  it('stays silent when stopped before the touch', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(refused);
    const listens = vi.spyOn(window, 'addEventListener');
    const unlistens = vi.spyOn(window, 'removeEventListener');
    const ctl = new AbortController();
    const done = playSound(new Blob(['x'], { type: 'audio/mpeg' }), ctl.signal);
    const onTouch = await waitingForTouch(listens);
    ctl.abort();
    await done;
    // The stop took the touch listener away, so no later touch can start the sound.
    expect(unlistens).toHaveBeenCalledWith('pointerdown', onTouch, true);
    window.dispatchEvent(new Event('pointerdown'));
    expect(play).toHaveBeenCalledTimes(1);
  });
});
