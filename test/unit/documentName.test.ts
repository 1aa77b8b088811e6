// The name on the ID document in the pure details rules (src/shared/core/details.ts): Latin letters only, kept only
// when the agency asks for names, and the tablet's staff lists name a session by both names (src/tablet/staff/whoIs.ts).
import { describe, expect, it } from 'vitest';
import {
  checkDocumentName,
  cleanDetails,
  hasNonLatinLetters,
  validateDetails,
} from '../../src/shared/core/details.ts';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { whoIs } from '../../src/tablet/staff/whoIs.ts';

const modes = DEFAULT_SETTINGS.detailFields;
const noNames = { ...modes, firstName: 'off', lastName: 'off' } as const;

describe('name on the ID document', () => {
  it('takes Latin letters with accents, spaces, apostrophes, dots and hyphens, and nothing else', () => {
    for (const ok of ['Fatima Al-Hassan', "Mi'raj O. Şahin", 'Oleksandr Kovalenko', 'Élodie'])
      expect(checkDocumentName(ok), ok).toBeNull();
    for (const bad of ['فاطمة', 'Олена', 'ፍሰሃ', 'Ali2', '-Ali', 'Ali فاطمة'])
      expect(checkDocumentName(bad), bad).toBe('document_name_invalid');
    expect(checkDocumentName('A'.repeat(201))).toBe('name_too_long');
  });

  it('tells a name in another script from a Latin one', () => {
    expect(hasNonLatinLetters('فاطمة')).toBe(true);
    expect(hasNonLatinLetters('Олена')).toBe(true);
    expect(hasNonLatinLetters('ፍሰሃ')).toBe(true);
    expect(hasNonLatinLetters("Ayşe O'Neil-Łukasz")).toBe(false);
    expect(hasNonLatinLetters(undefined)).toBe(false);
  });

  it('is validated and kept only when the agency asks for a name', () => {
    const values = {
      gender: 'male',
      firstName: 'Олег',
      lastName: 'Коваль',
      dateOfBirth: '1990-01-01',
      documentName: ' Oleh Koval ',
    };
    expect(validateDetails(modes, values, '2026-01-01')).toEqual({});
    expect(cleanDetails(modes, values).documentName).toBe('Oleh Koval');
    expect(validateDetails(modes, { ...values, documentName: 'Олег' }, '2026-01-01')).toEqual({
      documentName: 'document_name_invalid',
    });
    expect(cleanDetails(noNames, values)).toEqual({ gender: 'male', dateOfBirth: '1990-01-01' });
    expect(validateDetails(noNames, { ...values, documentName: 'Олег' }, '2026-01-01')).toEqual({});
  });

  it('names a session on the tablet by the first name with the name on the ID document', () => {
    expect(whoIs(null, { firstName: 'فاطمة', documentName: 'Fatima Al-Hassan' })).toBe(
      '\u2068فاطمة\u2069 (Fatima Al-Hassan)',
    );
    expect(whoIs('R-1', { firstName: 'فاطمة', documentName: 'Fatima' })).toBe('R-1');
    expect(whoIs(null, { firstName: 'Anna' })).toBe('Anna');
    expect(whoIs(null, {})).toBeUndefined();
  });
});
