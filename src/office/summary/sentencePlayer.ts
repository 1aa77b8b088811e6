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
  /** The element holds the sentence `state.index` (false while its audio is still being fetched). */
  let ready = false;
  const urls = new Map<number, Promise<string>>();

  /** Read afresh after every await (pause and stop change it meanwhile). */
  const paused = () => state.phase === 'paused';
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
    ready = false;
    set({ phase: 'loading', index: i, total: texts.length, error: null });
    try {
      const url = await urlOf(i);
      if (mine !== run) return;
      if (i + 1 < texts.length) urlOf(i + 1).catch(() => undefined);
      audio.src = url;
      ready = true;
      // Paused between two sentences: this one waits, loaded, for resume.
      if (paused()) return;
      await audio.play();
      if (mine !== run || paused()) return;
      set({ phase: 'playing', index: i, total: texts.length, error: null });
    } catch (e) {
      // A pause while play() was starting interrupts it: that is the pause, not a failure.
      if (mine !== run || paused()) return;
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
    /**
     * Holds the sentence being said where it is; between two sentences (the next one loading) it holds before the
     * next one, so a tap just as a sentence ends is not lost.
     */
    pause() {
      if (state.phase !== 'playing' && state.phase !== 'loading') return;
      audio.pause();
      set({ ...state, phase: 'paused' });
    },
    /** Goes on from where it was held (or, when the next sentence is still being fetched, as soon as it is there). */
    resume() {
      if (state.phase !== 'paused') return;
      const mine = run;
      if (!ready) {
        set({ ...state, phase: 'loading' });
        return;
      }
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
