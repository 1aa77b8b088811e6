/**
 * Plays a list of sentences one after the other through one <audio> element: each sentence's audio is fetched from
 * the server (the next one while the current one plays, so there is no gap), and pause, resume and stop act at once.
 * Knows nothing of the screen: it reports where it is through `onChange`.
 */

/** Where the player is: `index` is the sentence being said (or about to be), -1 when idle. */
export interface PlayerState {
  readonly phase: 'idle' | 'loading' | 'playing' | 'paused';
  readonly index: number;
  readonly total: number;
  /** What went wrong the last time (the server's code), or null. */
  readonly error: string | null;
}

/** Nothing is being read. */
export const IDLE: PlayerState = { phase: 'idle', index: -1, total: 0, error: null };

/** Creates a player on `audio`; `fetchAudio` gets one sentence's audio (throws with a `code` on failure). */
export function createSentencePlayer(
  audio: HTMLAudioElement,
  fetchAudio: (text: string) => Promise<Blob>,
  onChange: (s: PlayerState) => void,
) {
  let texts: readonly string[] = [];
  let state: PlayerState = IDLE;
  let run = 0;
  const urls = new Map<number, Promise<string>>();

  const set = (next: PlayerState) => {
    state = next;
    onChange(next);
  };
  const urlOf = (i: number): Promise<string> => {
    let u = urls.get(i);
    if (!u) {
      u = fetchAudio(texts[i] ?? '').then((b) => URL.createObjectURL(b));
      u.catch(() => urls.delete(i));
      urls.set(i, u);
    }
    return u;
  };
  const release = () => {
    for (const u of urls.values())
      void u.then(
        (x) => URL.revokeObjectURL(x),
        () => undefined,
      );
    urls.clear();
  };
  const say = async (i: number, mine: number) => {
    if (i >= texts.length) {
      stop();
      return;
    }
    set({ phase: 'loading', index: i, total: texts.length, error: null });
    try {
      const url = await urlOf(i);
      if (mine !== run) return;
      if (i + 1 < texts.length) urlOf(i + 1).catch(() => undefined);
      audio.src = url;
      await audio.play();
      if (mine !== run) return;
      set({ phase: 'playing', index: i, total: texts.length, error: null });
    } catch (e) {
      if (mine !== run) return;
      stop();
      set({ ...IDLE, error: (e as { code?: string }).code ?? 'audio_failed' });
    }
  };
  const onEnded = () => {
    if (state.phase === 'playing') void say(state.index + 1, run);
  };
  audio.addEventListener('ended', onEnded);

  function stop() {
    run++;
    audio.pause();
    audio.removeAttribute('src');
    audio.load();
    release();
    set(IDLE);
  }

  return {
    /** Starts reading `sentences` from the first (stopping what was being read). */
    start(sentences: readonly string[]) {
      stop();
      texts = sentences;
      void say(0, run);
    },
    /** Holds the sentence being said where it is. */
    pause() {
      if (state.phase !== 'playing') return;
      audio.pause();
      set({ ...state, phase: 'paused' });
    },
    /** Goes on from where it was held. */
    resume() {
      if (state.phase !== 'paused') return;
      const mine = run;
      set({ ...state, phase: 'playing' });
      audio.play().catch(() => mine === run && stop());
    },
    stop,
    /** Stops and lets go of the audio element. */
    dispose() {
      stop();
      audio.removeEventListener('ended', onEnded);
    },
  };
}

/** A player as `createSentencePlayer` makes it. */
export type SentencePlayer = ReturnType<typeof createSentencePlayer>;
