/**
 * The read-aloud sequence with its side effects passed in: per language it picks the device voice when there is one
 * and the audio pack otherwise, says the texts one after another, and stops the moment a newer call starts.
 */
import { piecesFor, type AudioManifest, type PlayPiece } from '../../shared/core/audioManifest.ts';

/** One text to say: its i18n key with namespace (e.g. "kiosk:welcome.title") and the wording on screen. */
export interface SpokenText {
  readonly key: string;
  readonly text: string;
}

/** A text with the language to say it in (the welcome prompt says each language in its own). */
export interface SpokenPart {
  readonly lng: string;
  readonly text: SpokenText;
}

/** What the speaker needs from the device: voices, packs and a way to play sounds. */
export interface SpeakerDeps<V> {
  readonly voiceFor: (lng: string) => V | null;
  readonly speakWithVoice: (text: string, voice: V, signal: AbortSignal) => Promise<void>;
  readonly cancelVoice: () => void;
  readonly loadManifest: (lng: string) => Promise<AudioManifest | null>;
  /** A pack file by its name, or a server rendering of a text the build could not know. */
  readonly loadSound: (
    source: { lng: string; file: string } | { lng: string; text: string },
  ) => Promise<Blob | null>;
  readonly playSound: (blob: Blob, signal: AbortSignal) => Promise<void>;
  /** Gets a sound ready to play at once (decoded ahead); optional. */
  readonly primeSound?: (blob: Blob) => void;
  readonly report: (problem: string) => void;
}

/** Keys in every pack that stand in when a run-time text cannot be fetched: never skip silently. */
export const AGENCY_STAND_IN = 'kiosk:speech.agency_generic';
export const TEXT_STAND_IN = 'kiosk:speech.unavailable';

const WARM_SOUNDS = 16;

/** Builds speak/stop around the given device. */
export function createSpeaker<V>(deps: SpeakerDeps<V>) {
  let current: AbortController | null = null;

  const stop = () => {
    current?.abort();
    current = null;
    deps.cancelVoice();
  };

  // Sounds fetched ahead of a tap (the first sentence of the screen on show), so the tap starts playing at once.
  const warm = new Map<string, Promise<Blob | null>>();
  const packSound = (lng: string, file: string): Promise<Blob | null> =>
    warm.get(`${lng}/${file}`) ?? deps.loadSound({ lng, file });

  const standIn = (m: AudioManifest, key: string): PlayPiece[] => {
    const e = m.entries[key];
    return e ? (piecesFor(m, key, e.template) ?? []) : [];
  };

  const play = async (m: AudioManifest, pieces: readonly PlayPiece[], signal: AbortSignal) => {
    for (const p of pieces) {
      if (signal.aborted) return;
      let blob: Blob | null;
      if (p.kind === 'agency') {
        blob = await deps.loadSound({ lng: m.lng, text: p.name });
        if (!blob) {
          deps.report(`agency name "${p.name}" has no audio for ${m.lng}; the stand-in is said`);
          await play(m, standIn(m, AGENCY_STAND_IN), signal);
          continue;
        }
      } else {
        blob = await packSound(m.lng, p.file);
        if (!blob) throw new Error(`audio file ${p.file} of ${m.lng} is missing`);
      }
      if (signal.aborted) return;
      await deps.playSound(blob, signal);
    }
  };

  const sayFromPack = async (lng: string, t: SpokenText, signal: AbortSignal) => {
    const m = await deps.loadManifest(lng);
    if (!m) {
      deps.report(`no audio pack for ${lng}: "${t.key}" cannot be read aloud`);
      return;
    }
    const pieces = piecesFor(m, t.key, t.text);
    if (pieces) return play(m, pieces, signal);
    const rendered = await deps.loadSound({ lng, text: t.text });
    if (rendered) return signal.aborted ? undefined : deps.playSound(rendered, signal);
    deps.report(`"${t.key}" in ${lng} has no audio for its wording; the stand-in is said`);
    await play(m, standIn(m, TEXT_STAND_IN), signal);
  };

  /** Says the parts in order; `onSentence` gets the index of each part as it starts. */
  const speakParts = async (
    parts: readonly SpokenPart[],
    onSentence?: (index: number) => void,
  ): Promise<void> => {
    stop();
    const ctl = new AbortController();
    current = ctl;
    try {
      for (const [i, part] of parts.entries()) {
        if (ctl.signal.aborted) break;
        onSentence?.(i);
        const voice = deps.voiceFor(part.lng);
        try {
          if (voice) await deps.speakWithVoice(part.text.text, voice, ctl.signal);
          else await sayFromPack(part.lng, part.text, ctl.signal);
        } catch (e) {
          deps.report(`reading "${part.text.key}" aloud failed: ${String(e)}`);
        }
      }
    } finally {
      if (current === ctl) current = null;
    }
  };

  /** Loads a language's manifest and the first sound of `first`, so a tap on the speaker starts without waiting. */
  const prepare = async (lng: string, first?: SpokenText): Promise<void> => {
    if (deps.voiceFor(lng)) return;
    const m = await deps.loadManifest(lng);
    const piece = m && first ? piecesFor(m, first.key, first.text)?.[0] : undefined;
    if (!piece || piece.kind === 'agency') return;
    const k = `${lng}/${piece.file}`;
    let loading = warm.get(k);
    if (!loading) {
      loading = deps.loadSound({ lng, file: piece.file });
      warm.set(k, loading);
      for (const old of warm.keys()) if (warm.size > WARM_SOUNDS) warm.delete(old);
    }
    const blob = await loading;
    if (!blob) warm.delete(k);
    else if (!current) deps.primeSound?.(blob);
  };

  return {
    speakParts,
    prepare,
    /** Says `texts` in `lng`; resolves when done or stopped. */
    speak: (lng: string, texts: readonly SpokenText[], onSentence?: (index: number) => void) =>
      speakParts(
        texts.map((text) => ({ lng, text })),
        onSentence,
      ),
    stop,
    /** Which path a language takes on this device now. */
    pathFor: (lng: string): { kind: 'voice'; voice: V } | { kind: 'pack' } => {
      const voice = deps.voiceFor(lng);
      return voice ? { kind: 'voice', voice } : { kind: 'pack' };
    },
  };
}
