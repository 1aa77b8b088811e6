/** The client's personal details (as the pilot asked them) and their validation, which returns message keys, not texts. */

/** The details the pilot asked before the items, to link answers to the appointment. */
export const DETAIL_FIELDS = ['gender', 'firstName', 'lastName', 'dateOfBirth'] as const;
/** One of the personal-detail fields. */
export type DetailField = (typeof DETAIL_FIELDS)[number];
/** Whether the agency asks a field, and whether the client must fill it in. */
export type FieldMode = 'required' | 'optional' | 'off';
/** The answer options for gender; the kiosk shows a translated label for each. */
export const GENDER_OPTIONS = ['female', 'male', 'other', 'unspecified'] as const;

/**
 * The name as written on the client's ID document, in Latin letters: asked (always optional) beside a name in another
 * script, so staff can read it and find it by typing Latin letters. Not an agency field of its own: it comes with the
 * names, and only when the agency asks for a name at all.
 */
export const DOCUMENT_NAME = 'documentName';

/** What the client typed, by field; absent or empty means not filled in. */
export type DetailValues = Partial<Record<DetailField | typeof DOCUMENT_NAME, string>>;

/** Why a field is not accepted; the UI maps each to a translated sentence. */
export type DetailError =
  | 'required'
  | 'name_too_long'
  | 'name_invalid'
  | 'date_invalid'
  | 'date_future'
  | 'date_too_old'
  | 'gender_invalid'
  | 'document_name_invalid';

const NAME = /^[\p{L}\p{M}][\p{L}\p{M}' .-]*$/u;
const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin}\p{M}' .-]*$/u;
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;

/** True when the agency asks for a first or last name: only then is the name on the ID document asked too. */
export const asksNames = (modes: Readonly<Record<DetailField, FieldMode>>): boolean =>
  modes.firstName !== 'off' || modes.lastName !== 'off';

/** True when a typed name holds a letter outside the Latin script (Arabic, Cyrillic, Ethiopic, …). */
export const hasNonLatinLetters = (s: string | undefined): boolean =>
  NON_LATIN_LETTER.test(s ?? '');

/** Checks the name on the ID document: Latin letters, spaces, ' . - and at most 200 characters. */
export function checkDocumentName(value: string): DetailError | null {
  if (value.length > 200) return 'name_too_long';
  return LATIN_NAME.test(value) ? null : 'document_name_invalid';
}
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a yyyy-mm-dd date against the calendar (no 31 February). */
export function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function checkField(field: DetailField, value: string, today: string): DetailError | null {
  switch (field) {
    case 'gender':
      return (GENDER_OPTIONS as readonly string[]).includes(value) ? null : 'gender_invalid';
    case 'firstName':
    case 'lastName':
      if (value.length > 100) return 'name_too_long';
      return NAME.test(value) ? null : 'name_invalid';
    case 'dateOfBirth': {
      if (!isCalendarDate(value)) return 'date_invalid';
      if (value > today) return 'date_future';
      const oldest = `${Number(today.slice(0, 4)) - 120}${today.slice(4)}`;
      return value < oldest ? 'date_too_old' : null;
    }
  }
}

/** Validates the details the agency asks for; `today` is yyyy-mm-dd (passed in, so this stays pure). */
export function validateDetails(
  modes: Readonly<Record<DetailField, FieldMode>>,
  values: DetailValues,
  today: string,
): Partial<Record<DetailField | typeof DOCUMENT_NAME, DetailError>> {
  const errors: Partial<Record<DetailField | typeof DOCUMENT_NAME, DetailError>> = {};
  for (const field of DETAIL_FIELDS) {
    const mode = modes[field];
    if (mode === 'off') continue;
    const value = (values[field] ?? '').trim();
    if (value === '') {
      if (mode === 'required') errors[field] = 'required';
      continue;
    }
    const error = checkField(field, value, today);
    if (error) errors[field] = error;
  }
  const doc = (values.documentName ?? '').trim();
  if (asksNames(modes) && doc !== '') {
    const error = checkDocumentName(doc);
    if (error) errors.documentName = error;
  }
  return errors;
}

/** Keeps only the fields the agency asks for, trimmed: nothing else is stored (privacy by design). */
export function cleanDetails(
  modes: Readonly<Record<DetailField, FieldMode>>,
  values: DetailValues,
): DetailValues {
  const out: DetailValues = {};
  for (const field of DETAIL_FIELDS) {
    const v = values[field]?.trim();
    if (modes[field] !== 'off' && v) out[field] = v;
  }
  const doc = values.documentName?.trim();
  if (asksNames(modes) && doc) out.documentName = doc;
  return out;
}
