/** The audio element and Cache Storage wrapped: playing one sound file, and keeping audio packs for offline use. */

let element: HTMLAudioElement | null = null;
const player = (): HTMLAudioElement => (element ??= new Audio());
// A sound loaded into the element ahead of a tap (see `primeSound`), with its object URL.
let primed: { blob: Blob; url: string } | null = null;
let busy = false;

/** Loads a sound into the (idle) audio element, so playing this very blob next starts without decoding first. */
export function primeSound(blob: Blob): void {
  if (busy || primed?.blob === blob) return;
  if (primed) URL.revokeObjectURL(primed.url);
  const audio = player();
  primed = { blob, url: URL.createObjectURL(blob) };
  audio.preload = 'auto';
  audio.src = primed.url;
  audio.load();
}

/**
 * Resolves true at the next touch or key press (a page opened without one, e.g. after a reload, may not start sound
 * before it), false when `signal` stops the wait first.
 */
function nextGesture(signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      window.removeEventListener('pointerdown', go, true);
      window.removeEventListener('keydown', go, true);
      signal.removeEventListener('abort', cancel);
      resolve(ok);
    };
    const go = () => done(true);
    const cancel = () => done(false);
    window.addEventListener('pointerdown', go, true);
    window.addEventListener('keydown', go, true);
    signal.addEventListener('abort', cancel);
  });
}

/**
 * Plays a sound; resolves when it has ended or `signal` stopped it, rejects when the file cannot be played. When the
 * browser refuses sound until the user has touched the page (read-everything after a reload), it plays at the first touch.
 */
export function playSound(blob: Blob, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  const audio = player();
  const ready = primed?.blob === blob ? primed.url : null;
  if (primed && !ready) URL.revokeObjectURL(primed.url);
  primed = null;
  const url = ready ?? URL.createObjectURL(blob);
  busy = true;
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown) => {
      busy = false;
      audio.removeEventListener('ended', ended);
      audio.removeEventListener('error', failed);
      signal.removeEventListener('abort', stop);
      URL.revokeObjectURL(url);
      if (error) reject(error instanceof Error ? error : new Error('audio cannot be played'));
      else resolve();
    };
    const ended = () => finish();
    const failed = () =>
      finish(new Error(`audio cannot be played (${audio.error?.message ?? 'error'})`));
    const stop = () => {
      audio.pause();
      finish();
    };
    audio.addEventListener('ended', ended);
    audio.addEventListener('error', failed);
    signal.addEventListener('abort', stop);
    audio.src = url;
    const refused = (e: unknown) => (signal.aborted ? undefined : finish(e));
    audio.play().catch(async (e: unknown) => {
      if (!(e instanceof DOMException && e.name === 'NotAllowedError')) return refused(e);
      if (await nextGesture(signal)) audio.play().catch(refused);
    });
  });
}

/** Stops whatever the audio element is playing. */
export function pauseSound(): void {
  element?.pause();
}

/** The named Cache Storage cache, or null where the browser has none (e.g. not a secure context). */
export async function openCache(name: string): Promise<Cache | null> {
  if (typeof caches === 'undefined') return null;
  try {
    return await caches.open(name);
  } catch {
    return null;
  }
}
