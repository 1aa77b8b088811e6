/**
 * The microphone for the workspace's recording page: MediaRecorder on `navigator.mediaDevices`, kept here because the
 * lint allows raw browser globals only in platform folders. One take at a time; stop() resolves with the audio.
 */

/** A take in progress: stop it to get the audio, or cancel it to throw it away. */
export interface Take {
  readonly stop: () => Promise<Blob>;
  readonly cancel: () => void;
}

/** True when this browser can record (a secure origin with a microphone API and MediaRecorder). */
export function canRecord(): boolean {
  return (
    typeof MediaRecorder !== 'undefined' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function'
  );
}

/** The type to record in: WebM with Opus where the browser has it (Chromium), else what it offers. */
function recordingType(): string | undefined {
  return ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus'].find((t) =>
    MediaRecorder.isTypeSupported(t),
  );
}

/** Asks for the microphone and starts recording; `onBytes` hears how much is recorded so far (every ~0.2 s). */
export async function startTake(onBytes?: (bytes: number) => void): Promise<Take> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
  const type = recordingType();
  const recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
  const chunks: Blob[] = [];
  let bytes = 0;
  recorder.addEventListener('dataavailable', (e) => {
    if (e.data.size > 0) chunks.push(e.data);
    bytes += e.data.size;
    onBytes?.(bytes);
  });
  const release = () => stream.getTracks().forEach((t) => t.stop());
  recorder.start(200);
  return {
    stop: () =>
      new Promise<Blob>((resolve, reject) => {
        recorder.addEventListener('stop', () => {
          release();
          resolve(new Blob(chunks, { type: recorder.mimeType || type || 'audio/webm' }));
        });
        recorder.addEventListener('error', () => {
          release();
          reject(new Error('recording failed'));
        });
        recorder.stop();
      }),
    cancel: () => {
      if (recorder.state !== 'inactive') recorder.stop();
      release();
    },
  };
}
