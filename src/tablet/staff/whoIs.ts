/** How staff lists on the tablet name a session: the reference, else the first name with the name on the ID document. */
import type { DetailValues } from '../../shared/core/details.ts';

/**
 * "فاطمة (Fatima Al-Hassan)": a name in another script comes with its Latin form from the ID document, so staff who
 * cannot read the script still know whose session it is. Undefined when there is neither a reference nor a name.
 */
export function whoIs(reference: string | null, details: DetailValues): string | undefined {
  if (reference) return reference;
  const first = details.firstName;
  const doc = details.documentName;
  if (first && doc) return `\u2068${first}\u2069 (${doc})`;
  return first ?? doc;
}
