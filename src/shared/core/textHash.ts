/** A stable short hash of a text's exact wording: audio is named and checked by it, so a changed text never plays an old recording. */

/** FNV-1a 32-bit hash of the normalised text, as hex; the build and the tablet use the same function. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  const s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
