/**
 * Which client an incoming measurement belongs to, as in the pilot: the client's own code typed as the reference
 * (a follow-up, "peilmoment"), else the same handover reference, else the same name and date of birth, else nobody
 * (the server then creates a new client). Pure: the server loads the candidates and applies the answer.
 */

/** Crockford base32 without I, L, O, U (the alphabet of tablet enrollment codes). */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What a measurement offers to match on. */
export interface MatchKeys {
  readonly reference: string | null;
  readonly firstName?: string | undefined;
  readonly lastName?: string | undefined;
  readonly dateOfBirth?: string | undefined;
}

/** A stored client as matching sees it (keys already normalised by the functions below). */
export interface ClientKeys {
  readonly id: string;
  /** "K7QM-3XD2". */
  readonly code: string;
  readonly referenceKey: string | null;
  readonly nameKey: string | null;
  readonly dateOfBirth: string | null;
  /** Milliseconds; the oldest candidate wins a tie, so the answer does not depend on row order. */
  readonly createdAt: number;
}

/** How a measurement was matched. */
export type MatchRule = 'code' | 'reference' | 'name';

/** Formats 8 code characters as XXXX-XXXX. */
export const formatClientCode = (raw: string): string => `${raw.slice(0, 4)}-${raw.slice(4, 8)}`;

/** Makes a new client code from 8 random values 0..255 (the caller supplies the randomness). */
export function clientCodeFrom(bytes: readonly number[]): string {
  if (bytes.length < 8) throw new Error('a client code needs 8 random bytes');
  return formatClientCode(
    bytes
      .slice(0, 8)
      .map((b) => CODE_ALPHABET[b % 32] ?? '0')
      .join(''),
  );
}

/**
 * Reads a reference as a client code when it is one: case, spaces and dashes do not matter, and the letters people
 * confuse with digits are read as Crockford does (O → 0, I and L → 1). Anything else is null.
 */
export function clientCodeOf(reference: string | null): string | null {
  if (reference === null) return null;
  const raw = reference
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (raw.length !== 8) return null;
  for (const ch of raw) if (!CODE_ALPHABET.includes(ch)) return null;
  return formatClientCode(raw);
}

/** A reference as it is compared: trimmed, inner spaces collapsed, upper case; empty is null. */
export function referenceKey(reference: string | null | undefined): string | null {
  const key = (reference ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
  return key === '' ? null : key;
}

/** One name without case, accents or spaces ("  Élif  de Vries" and "elif devries" are the same). */
const nameOf = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s.'’-]+/gu, '');

/** First and last name as one comparable key, or null unless both are given. */
export function nameKey(
  firstName: string | undefined,
  lastName: string | undefined,
): string | null {
  const first = nameOf(firstName ?? '');
  const last = nameOf(lastName ?? '');
  return first === '' || last === '' ? null : `${first}|${last}`;
}

const oldest = (list: readonly ClientKeys[]): ClientKeys | undefined =>
  [...list].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))[0];

/** The client this measurement belongs to and by which rule, or null when it is a new client. */
export function matchClient(
  keys: MatchKeys,
  clients: readonly ClientKeys[],
): { clientId: string; rule: MatchRule } | null {
  const code = clientCodeOf(keys.reference);
  if (code !== null) {
    const byCode = clients.find((c) => c.code === code);
    if (byCode) return { clientId: byCode.id, rule: 'code' };
  }
  const ref = referenceKey(keys.reference);
  if (ref !== null) {
    const byRef = oldest(clients.filter((c) => c.referenceKey === ref));
    if (byRef) return { clientId: byRef.id, rule: 'reference' };
  }
  const name = nameKey(keys.firstName, keys.lastName);
  const dob = (keys.dateOfBirth ?? '').trim();
  if (name !== null && dob !== '') {
    const byName = oldest(clients.filter((c) => c.nameKey === name && c.dateOfBirth === dob));
    if (byName) return { clientId: byName.id, rule: 'name' };
  }
  return null;
}
