// The audio element when the browser refuses sound before a touch (a tablet page after a restart): the sound must
// start at the first touch, and a stop before that touch must leave it silent.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { playSound } from '../../src/tablet/platform/audio.ts';

const refused = () => Promise.reject(new DOMException('no gesture yet', 'NotAllowedError'));

afterEach(() => vi.restoreAllMocks());

describe('playSound when sound needs a touch first', () => {
  it('tries again at the first touch and resolves when the sound ends', async () => {
    const play = vi
      .spyOn(HTMLMediaElement.prototype, 'play')
      .mockImplementationOnce(refused)
      .mockImplementationOnce(function (this: HTMLMediaElement) {
        queueMicrotask(() => this.dispatchEvent(new Event('ended')));
        return Promise.resolve();
      });
    const done = playSound(new Blob(['x'], { type: 'audio/mpeg' }), new AbortController().signal);
    await new Promise((r) => setTimeout(r, 0));
    expect(play).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('pointerdown'));
    await done;
    expect(play).toHaveBeenCalledTimes(2);
  });

  it('stays silent when stopped before the touch', async () => {
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(refused);
    const ctl = new AbortController();
    const done = playSound(new Blob(['x'], { type: 'audio/mpeg' }), ctl.signal);
    await new Promise((r) => setTimeout(r, 0));
    ctl.abort();
    await done;
    window.dispatchEvent(new Event('pointerdown'));
    await new Promise((r) => setTimeout(r, 0));
    expect(play).toHaveBeenCalledTimes(1);
  });
});
