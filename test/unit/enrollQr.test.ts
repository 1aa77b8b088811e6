// The enrollment QR code: decoding the very matrix the workspace draws (jsQR) gives back the code, and that text is
// exactly what the tablet's scanner accepts; the tablet accepts the code in any case and spacing, nothing else.
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from '../../src/office/coordinator/QrCode.tsx';
import { ENROLL_CODE_ALPHABET, enrollCodeFromText } from '../../src/shared/core/enrollCode.ts';

/** Draws a matrix as RGBA pixels, `scale` pixels per module, as a camera would see the screen. */
function pixels(matrix: boolean[][], scale: number): { data: Uint8ClampedArray; size: number } {
  const size = matrix.length * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const dark = matrix[Math.floor(y / scale)]?.[Math.floor(x / scale)] ?? false;
      const i = (y * size + x) * 4;
      data.fill(dark ? 0 : 255, i, i + 3);
      data[i + 3] = 255;
    }
  return { data, size };
}

const randomCode = (seed: number) => {
  let s = seed;
  const chars = Array.from({ length: 12 }, () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return ENROLL_CODE_ALPHABET[s % 32];
  }).join('');
  return chars.match(/.{4}/g)?.join('-') ?? chars;
};

describe('enrollment QR code', () => {
  it('decodes to the code, which the tablet accepts unchanged', () => {
    for (const seed of [1, 2, 3, 42, 2026]) {
      const code = randomCode(seed);
      const { data, size } = pixels(qrMatrix(code), 6);
      const decoded = jsQR(data, size, size);
      expect(decoded?.data).toBe(code);
      expect(enrollCodeFromText(decoded?.data ?? '')).toBe(code);
    }
  });

  it('the tablet takes any case and spacing, and refuses what is no code', () => {
    expect(enrollCodeFromText(' 7kq2 m9xd-4htr ')).toBe('7KQ2-M9XD-4HTR');
    for (const bad of [
      '',
      '7KQ2-M9XD',
      '7KQ2-M9XD-4HTRX',
      'https://example.org/',
      '7KQ2-M9XD-4HTI',
    ])
      expect(enrollCodeFromText(bad), bad).toBeNull();
  });
});
