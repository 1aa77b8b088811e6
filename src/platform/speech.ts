/** speechSynthesis wrapped: which languages have a voice on this device, and speaking one text. */

const synth = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

/** The device's voice for a language (matching `nl` to `nl-NL`), or null: then the audio pack is used. */
export function voiceFor(lang: string): SpeechSynthesisVoice | null {
  const voices = synth()?.getVoices() ?? [];
  return voices.find((v) => v.lang.toLowerCase().split(/[-_]/)[0] === lang.toLowerCase()) ?? null;
}

/** Speaks a text with a voice; resolves when done or cancelled. */
export function speakWithVoice(text: string, voice: SpeechSynthesisVoice): Promise<void> {
  const s = synth();
  if (!s) return Promise.resolve();
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.onend = () => resolve();
    u.onerror = () => resolve();
    s.speak(u);
  });
}

/** Stops any speech. */
export function cancelSpeech(): void {
  synth()?.cancel();
}
