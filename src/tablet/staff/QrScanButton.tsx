/** "Scan the QR code" on the enrollment form, where the browser can read QR codes; otherwise nothing (staff type). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { enrollCodeFromText } from '../../shared/core/enrollCode.ts';
import { useT } from '../../shared/i18n/useT.ts';
import { qrScanAvailable, scanQr } from '../platform/qrScanner.ts';

/** Props: called with the code read from the QR code ("XXXX-XXXX-XXXX"). */
export interface QrScanButtonProps {
  readonly onCode: (code: string) => void;
}

/** The button, and the camera view while scanning. */
export function QrScanButton({ onCode }: QrScanButtonProps) {
  const t = useT('sync');
  const [available, setAvailable] = useState(false);
  const [scanning, setScanning] = useState<AbortController | null>(null);
  const [failed, setFailed] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    void qrScanAvailable().then(setAvailable);
  }, []);
  useEffect(() => () => scanning?.abort(), [scanning]);
  useEffect(() => {
    if (!scanning || !video.current) return;
    scanQr(video.current, enrollCodeFromText, scanning.signal).then(
      (code) => {
        if (code) onCode(code);
        setScanning(null);
      },
      () => {
        setFailed(true);
        setScanning(null);
      },
    );
  }, [scanning, onCode]);
  if (!available) return null;
  return (
    <div class="qr-scan">
      {scanning ? (
        <>
          <video ref={video} class="qr-video" muted playsInline aria-label={t('scan_hint')} />
          <p>{t('scan_hint')}</p>
          <button type="button" class="secondary" onClick={() => scanning.abort()}>
            {t('scan_stop')}
          </button>
        </>
      ) : (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setFailed(false);
            setScanning(new AbortController());
          }}
        >
          {t('scan_button')}
        </button>
      )}
      {failed && (
        <p class="error" role="alert">
          {t('scan_failed')}
        </p>
      )}
    </div>
  );
}
