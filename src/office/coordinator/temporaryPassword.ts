/** A temporary password a coordinator hands over in person: easy to read out and type, long enough for the rule. */
import { MIN_PASSWORD_LENGTH } from '../../shared/core/passwordRules.ts';

/** Letters and digits that cannot be mistaken for one another (no l/1, o/0). */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Four groups of four, e.g. "k7qm-3xd2-hr9t-wp4c" (80 bits of chance); `random` fills a byte array. */
export function temporaryPassword(
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const groups: string[] = [];
  while (groups.join('-').length < MIN_PASSWORD_LENGTH || groups.length < 4) {
    let g = '';
    while (g.length < 4) {
      const [byte = 0] = random(new Uint8Array(1));
      // Rejection sampling: bytes past the last whole multiple of the alphabet would favour its first letters.
      if (byte < 256 - (256 % ALPHABET.length)) g += ALPHABET[byte % ALPHABET.length];
    }
    groups.push(g);
  }
  return groups.join('-');
}
