/**
 * A QR code as SVG, drawn from the module matrix uqr computes (no canvas, no injected markup): black modules on a
 * white quiet zone of four modules, which phone and tablet cameras need.
 */
import { encode } from 'uqr';

/** Props: the text to encode, the accessible name, and the drawn size in CSS pixels. */
export interface QrCodeProps {
  readonly text: string;
  readonly label: string;
  readonly size?: number;
}

/** The matrix of a text (true = dark), with its quiet zone; exported so a test can decode exactly what is drawn. */
export function qrMatrix(text: string): boolean[][] {
  return encode(text, { ecc: 'M', border: 4 }).data;
}

/** The SVG. */
export function QrCode({ text, label, size = 200 }: QrCodeProps) {
  const m = qrMatrix(text);
  const n = m.length;
  // One path of 1×1 squares: small and crisp at any zoom.
  const d = m
    .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')))
    .join('');
  return (
    <svg
      class="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${n} ${n}`}
      width={size}
      height={size}
      shape-rendering="crispEdges"
      data-testid="enroll-qr"
    >
      <rect width={n} height={n} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
