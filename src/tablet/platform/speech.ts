/** speechSynthesis wrapped: which languages have a device voice, and speaking one text with it. */

const synth = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

/** The device's voice for a language (`nl` matches `nl-NL`), or null: then the audio pack speaks. */
export function voiceFor(lang: string): SpeechSynthesisVoice | null {
  const voices = synth()?.getVoices() ?? [];
  const want = lang.toLowerCase();
  return voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === want) ?? null;
}

/** Calls `fn` when the device's list of voices changes (Chrome fills it in after page load). */
export function onVoicesChanged(fn: () => void): () => void {
  const s = synth();
  if (!s) return () => undefined;
  s.addEventListener('voiceschanged', fn);
  return () => s.removeEventListener('voiceschanged', fn);
}

/** Speaks a text with a voice; resolves when it ends, fails or `signal` stops it. */
export function speakWithVoice(
  text: string,
  voice: SpeechSynthesisVoice,
  signal: AbortSignal,
): Promise<void> {
  const s = synth();
  if (!s || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    const done = () => {
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      s.cancel();
      done();
    };
    u.onend = done;
    u.onerror = done;
    signal.addEventListener('abort', stop);
    s.speak(u);
  });
}

/** Stops any speech of the device voice. */
export function cancelSpeech(): void {
  synth()?.cancel();
}
