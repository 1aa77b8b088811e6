/** The audio element and Cache Storage wrapped: playing one sound file, and keeping audio packs for offline use. */

let element: HTMLAudioElement | null = null;
const player = (): HTMLAudioElement => (element ??= new Audio());

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
  const url = URL.createObjectURL(blob);
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: unknown) => {
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
