/**
 * Read-aloud for the kiosk. The device's voice speaks when it has one for the language; otherwise the audio pack
 * rendered at build time plays (cached offline for the languages enabled on the tablet).
 */
import { cancelSpeech, speakWithVoice, voiceFor } from '../platform/speech.ts';
import { playSound, primeSound } from '../platform/audio.ts';
import { loadManifest, loadPackSound, loadSound, serverAudioUrl } from './packs.ts';
import { createSpeaker, type SpokenPart, type SpokenText } from './speaker.ts';

export type { SpokenText, SpokenPart };

const speaker = createSpeaker({
  voiceFor,
  speakWithVoice,
  cancelVoice: cancelSpeech,
  loadManifest,
  loadSound: (s) =>
    'file' in s ? loadPackSound(s.lng, s.file) : loadSound(serverAudioUrl(s.lng, s.text), true),
  playSound,
  primeSound,
  report: (problem) => console.warn(`read-aloud: ${problem}`),
});

/** Reads `texts` aloud in `lng`; resolves when done or stopped. A new call stops the previous one. */
export function speak(
  lng: string,
  texts: readonly SpokenText[],
  onSentence?: (index: number) => void,
): Promise<void> {
  return speaker.speak(lng, texts, onSentence);
}

/** Reads parts that each have their own language (the welcome screen's "choose your language" prompt). */
export function speakParts(
  parts: readonly SpokenPart[],
  onSentence?: (index: number) => void,
): Promise<void> {
  return speaker.speakParts(parts, onSentence);
}

/** Stops reading aloud at once. */
export function stopSpeaking(): void {
  speaker.stop();
}

/** Which path a language uses on this tablet now: the named device voice, or the audio pack. */
export function speechPath(lng: string): { kind: 'voice'; voiceName: string } | { kind: 'pack' } {
  const p = speaker.pathFor(lng);
  return p.kind === 'voice' ? { kind: 'voice', voiceName: p.voice.name } : p;
}

/** Fetches a language's manifest (and the first sound of `first`) ahead of the first tap, so sound starts quickly. */
export function prepareSpeech(lng: string, first?: SpokenText): void {
  speaker.prepare(lng, first).catch((e: unknown) => console.warn(`read-aloud: ${String(e)}`));
}
