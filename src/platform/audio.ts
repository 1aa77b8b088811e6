/** The audio element and Cache Storage wrapped: playing one sound file, and keeping audio packs for offline use. */

let element: HTMLAudioElement | null = null;
const player = (): HTMLAudioElement => (element ??= new Audio());

/** Plays a sound; resolves when it has ended or `signal` stopped it, rejects when the file cannot be played. */
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
    audio.play().catch((e: unknown) => (signal.aborted ? undefined : finish(e)));
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
