/**
 * The shape of a tablet enrollment code ("7KQ2-M9XD-4HTR": 12 characters of Crockford-like base 32 in groups of
 * four), once: the workspace's QR code encodes a code in this form and the tablet accepts a scan only in this form.
 */

/** The characters a code is made of (no I, L, O, U). */
export const ENROLL_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const SHAPE = new RegExp(`^[${ENROLL_CODE_ALPHABET}]{12}$`);

/**
 * The code in a scanned or typed text as "XXXX-XXXX-XXXX", or null when the text is no code (case, spaces and
 * dashes do not matter, as on the server).
 */
export function enrollCodeFromText(text: string): string | null {
  const raw = text.toUpperCase().replace(/[\s-]/g, '');
  if (!SHAPE.test(raw)) return null;
  return raw.match(/.{4}/g)?.join('-') ?? null;
}
