/**
 * QR scanning with the camera and the browser's BarcodeDetector (Chrome on Android, Edge, Safari 17+ where enabled).
 * Where either is missing the tablet offers only typing; nothing here is polyfilled.
 */

interface DetectedBarcode {
  readonly rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

const detectorClass = (): BarcodeDetectorClass | null =>
  (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector ?? null;

/** True when this browser can read QR codes from the camera. */
export async function qrScanAvailable(): Promise<boolean> {
  const Detector = detectorClass();
  if (!Detector || typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia)
    return false;
  try {
    return (await Detector.getSupportedFormats()).includes('qr_code');
  } catch {
    return false;
  }
}

/**
 * Shows the back camera in `video` and reads QR codes until `accept` returns a value for one (then returns it), or
 * until `signal` aborts (then null). The camera is always released.
 */
export async function scanQr(
  video: HTMLVideoElement,
  accept: (text: string) => string | null,
  signal: AbortSignal,
): Promise<string | null> {
  const Detector = detectorClass();
  if (!Detector) return null;
  const detector = new Detector({ formats: ['qr_code'] });
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
    audio: false,
  });
  try {
    video.srcObject = stream;
    await video.play();
    while (!signal.aborted) {
      const found = await detector.detect(video).catch(() => []);
      for (const f of found) {
        const value = accept(f.rawValue);
        if (value !== null) return value;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return null;
  } finally {
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  }
}
