// The summary's sentence player: a pause tapped between two sentences (the next one loading) holds before it.
import { describe, expect, it, vi } from 'vitest';
import { createSentencePlayer, type PlayerState } from '../../src/office/summary/sentencePlayer.ts';

describe('sentence player', () => {
  it('holds before the next sentence when paused while it loads, and says it on resume', async () => {
    const audio = document.createElement('audio');
    const play = vi.spyOn(audio, 'play').mockResolvedValue(undefined);
    vi.spyOn(audio, 'pause').mockImplementation(() => undefined);
    let release: (b: Blob) => void = () => undefined;
    const fetchAudio = vi.fn(
      (text: string) =>
        new Promise<Blob>((res) => (text === 'two' ? (release = res) : res(new Blob([text])))),
    );
    const states: PlayerState[] = [];
    const player = createSentencePlayer(audio, fetchAudio, (s) => states.push(s));
    player.start(['one', 'two']);
    await vi.waitFor(() => expect(states.at(-1)?.phase).toBe('playing'));
    expect(play).toHaveBeenCalledTimes(1);
    audio.dispatchEvent(new Event('ended')); // the first sentence ends; the second is still being fetched
    expect(states.at(-1)).toMatchObject({ phase: 'loading', index: 1 });
    player.pause();
    expect(states.at(-1)).toMatchObject({ phase: 'paused', index: 1 });
    const first = audio.src;
    release(new Blob(['two']));
    await vi.waitFor(() => expect(audio.src).not.toBe(first)); // the second sentence is loaded
    expect(play).toHaveBeenCalledTimes(1); // held: the second sentence did not start
    expect(states.at(-1)?.phase).toBe('paused');
    player.resume();
    await vi.waitFor(() => expect(states.at(-1)).toMatchObject({ phase: 'playing', index: 1 }));
    expect(play).toHaveBeenCalledTimes(2);
    player.dispose();
  });
});
