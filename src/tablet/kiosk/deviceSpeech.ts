/**
 * The read-aloud engine of this device, loaded on demand: the first screen does not wait for it (the kiosk warms it
 * after the first screen is painted, well before a tap). `stop` works at once, also while the engine is still loading.
 */
import type { Speech } from './readAloud.ts';

type Engine = typeof import('../speech/index.ts');

let engine: Engine | null = null;
let loading: Promise<Engine> | null = null;
// Bumped by every stop: a reading asked for before the engine arrived is dropped if a stop came in between.
let generation = 0;

const load = (): Promise<Engine> =>
  (loading ??= import('../speech/index.ts').then((m) => (engine = m)));

/** The device's read-aloud as the kiosk uses it. */
export const DEVICE_SPEECH: Speech = {
  speakParts: async (parts, onSentence) => {
    const asked = ++generation;
    const m = engine ?? (await load());
    if (asked === generation) await m.speakParts(parts, onSentence);
  },
  stop: () => {
    generation++;
    engine?.stopSpeaking();
  },
  warm: () => {
    load().catch((e: unknown) => console.warn(`read-aloud: engine not loaded: ${String(e)}`));
  },
  prepare: (lng, first) => {
    load().then(
      (m) => m.prepareSpeech(lng, first),
      (e: unknown) => console.warn(`read-aloud: engine not loaded: ${String(e)}`),
    );
  },
};
