// Personal details: required/optional/off, names in any script, calendar dates and age bounds, gender options.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanDetails,
  DETAIL_FIELDS,
  GENDER_OPTIONS,
  isCalendarDate,
  validateDetails,
  type DetailField,
  type FieldMode,
} from '../../src/shared/core/details.ts';

const TODAY = '2024-06-15';
const all = (mode: FieldMode): Record<DetailField, FieldMode> => ({
  gender: mode,
  firstName: mode,
  lastName: mode,
  dateOfBirth: mode,
});
const valid = {
  gender: 'female',
  firstName: 'Anna',
  lastName: 'de Vries',
  dateOfBirth: '1985-03-12',
};

const nameError = (name: string) =>
  validateDetails(all('required'), { ...valid, firstName: name }, TODAY).firstName;
const dateError = (date: string, today = TODAY) =>
  validateDetails(all('required'), { ...valid, dateOfBirth: date }, today).dateOfBirth;

describe('required, optional and off', () => {
  it('accepts complete, valid details', () => {
    expect(validateDetails(all('required'), valid, TODAY)).toEqual({});
  });

  it('required fields that are missing, empty or blank are "required"', () => {
    expect(validateDetails(all('required'), {}, TODAY)).toEqual({
      gender: 'required',
      firstName: 'required',
      lastName: 'required',
      dateOfBirth: 'required',
    });
    expect(
      validateDetails(all('required'), { ...valid, firstName: '   ', lastName: '' }, TODAY),
    ).toEqual({ firstName: 'required', lastName: 'required' });
  });

  it('optional fields may be empty but are still checked when filled in', () => {
    expect(validateDetails(all('optional'), {}, TODAY)).toEqual({});
    expect(validateDetails(all('optional'), { firstName: ' ', dateOfBirth: '' }, TODAY)).toEqual(
      {},
    );
    expect(
      validateDetails(
        all('optional'),
        { firstName: 'R2D2', dateOfBirth: '2024-02-30', gender: 'x' },
        TODAY,
      ),
    ).toEqual({ firstName: 'name_invalid', dateOfBirth: 'date_invalid', gender: 'gender_invalid' });
  });

  it('fields that are off are never checked', () => {
    const garbage = { gender: '??', firstName: '123', lastName: '', dateOfBirth: 'tomorrow' };
    expect(validateDetails(all('off'), garbage, TODAY)).toEqual({});
    expect(validateDetails(all('off'), {}, TODAY)).toEqual({});
  });

  it('mixes modes per field', () => {
    const modes: Record<DetailField, FieldMode> = {
      gender: 'off',
      firstName: 'required',
      lastName: 'optional',
      dateOfBirth: 'required',
    };
    expect(validateDetails(modes, { gender: 'nope', lastName: '' }, TODAY)).toEqual({
      firstName: 'required',
      dateOfBirth: 'required',
    });
  });

  it('only ever reports the fields it knows, with known error keys', () => {
    const modeArb = fc.constantFrom<FieldMode>('required', 'optional', 'off');
    const errors = [
      'required',
      'name_too_long',
      'name_invalid',
      'date_invalid',
      'date_future',
      'date_too_old',
      'gender_invalid',
    ];
    fc.assert(
      fc.property(
        fc.record({ gender: modeArb, firstName: modeArb, lastName: modeArb, dateOfBirth: modeArb }),
        fc.record(
          {
            gender: fc.string(),
            firstName: fc.string(),
            lastName: fc.string(),
            dateOfBirth: fc.string(),
          },
          { requiredKeys: [] },
        ),
        (modes, values) => {
          const result = validateDetails(modes, values, TODAY);
          for (const [field, error] of Object.entries(result)) {
            expect(DETAIL_FIELDS).toContain(field);
            expect(modes[field as DetailField]).not.toBe('off');
            expect(errors).toContain(error);
          }
        },
      ),
    );
  });
});

describe('names', () => {
  it.each(['Zoë', 'Zoe\u0308', 'Ağaoğlu', 'محمد', 'Łukasz', 'Олена', 'ተስፋይ', '李', 'Søren'])(
    'accepts %s',
    (name) => expect(nameError(name)).toBeUndefined(),
  );

  it.each(["O'Brien", 'Jean-Luc', 'van der Berg', 'J. R.', '  Anna  '])(
    'accepts %s (apostrophe, hyphen, space, dot; surrounding blanks trimmed)',
    (name) => expect(nameError(name)).toBeUndefined(),
  );

  it.each(['R2D2', '123', 'Anna1', '٣', '-Anna', "'Anna", '.', 'Anna!', 'a@b', 'Ann\nA', 'Anna😀'])(
    'rejects %j',
    (name) => expect(nameError(name)).toBe('name_invalid'),
  );

  it('rejects names longer than 100 characters', () => {
    expect(nameError('a'.repeat(100))).toBeUndefined();
    expect(nameError('a'.repeat(101))).toBe('name_too_long');
    expect(
      validateDetails(all('required'), { ...valid, lastName: 'b'.repeat(101) }, TODAY).lastName,
    ).toBe('name_too_long');
  });

  it('rejects any name containing a digit', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 10 }),
        fc.integer({ min: 0, max: 9 }),
        fc.string({ maxLength: 10 }),
        (a, d, b) => {
          expect(nameError(`A${a}${d}${b}`)).not.toBeUndefined();
        },
      ),
    );
  });
});

describe('dates of birth', () => {
  it('accepts an ordinary past date and the leap day 2000-02-29', () => {
    expect(dateError('1985-03-12')).toBeUndefined();
    expect(dateError('2000-02-29')).toBeUndefined();
  });

  it.each(['2023-02-31', '2023-02-29', '1900-02-29', '2001-04-31', '2000-13-01', '2000-00-10'])(
    'rejects %s as not a calendar date',
    (date) => expect(dateError(date)).toBe('date_invalid'),
  );

  it.each(['15-06-2000', '2000-6-1', '2000/06/01', '20000601', 'gisteren', '2000-06-01T00:00'])(
    'rejects %j as not yyyy-mm-dd',
    (date) => expect(dateError(date)).toBe('date_invalid'),
  );

  it('accepts today and rejects tomorrow and later', () => {
    expect(dateError(TODAY)).toBeUndefined();
    expect(dateError('2024-06-16')).toBe('date_future');
    expect(dateError('2025-01-01')).toBe('date_future');
  });

  it('accepts 120 years ago and rejects 121 years ago', () => {
    expect(dateError('1904-06-15')).toBeUndefined();
    expect(dateError('1904-06-14')).toBe('date_too_old');
    expect(dateError('1903-06-15')).toBe('date_too_old');
  });

  it('handles a leap-day today', () => {
    expect(dateError('2024-02-29', '2024-02-29')).toBeUndefined();
    expect(dateError('2024-03-01', '2024-02-29')).toBe('date_future');
    expect(dateError('1904-02-29', '2024-02-29')).toBeUndefined();
    expect(dateError('1904-02-28', '2024-02-29')).toBe('date_too_old');
  });

  it('isCalendarDate agrees with the calendar for every day of 1999..2001', () => {
    for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2001, 11, 31); t += 86_400_000)
      expect(isCalendarDate(new Date(t).toISOString().slice(0, 10))).toBe(true);
    expect(isCalendarDate('2001-02-29')).toBe(false);
    expect(isCalendarDate('1999-12-32')).toBe(false);
  });
});

describe('gender', () => {
  it.each([...GENDER_OPTIONS])('accepts %s', (g) =>
    expect(validateDetails(all('required'), { ...valid, gender: g }, TODAY)).toEqual({}),
  );

  it.each(['Female', 'f', 'vrouw', 'x', 'female other'])('rejects %j', (g) =>
    expect(validateDetails(all('required'), { ...valid, gender: g }, TODAY).gender).toBe(
      'gender_invalid',
    ),
  );
});

describe('cleanDetails', () => {
  it('keeps asked fields, trimmed', () => {
    expect(
      cleanDetails(all('required'), {
        gender: ' male ',
        firstName: '  Zoë ',
        lastName: 'Ağaoğlu\n',
        dateOfBirth: '2000-02-29',
      }),
    ).toEqual({ gender: 'male', firstName: 'Zoë', lastName: 'Ağaoğlu', dateOfBirth: '2000-02-29' });
  });

  it('drops fields that are off, and empty or blank values', () => {
    const modes: Record<DetailField, FieldMode> = {
      gender: 'off',
      firstName: 'optional',
      lastName: 'required',
      dateOfBirth: 'off',
    };
    expect(cleanDetails(modes, valid)).toEqual({ firstName: 'Anna', lastName: 'de Vries' });
    expect(cleanDetails(modes, { firstName: '   ', lastName: '' })).toEqual({});
    expect(cleanDetails(all('off'), valid)).toEqual({});
  });

  it('drops fields it does not know', () => {
    const values = { ...valid, email: 'a@b.nl' } as typeof valid;
    expect(Object.keys(cleanDetails(all('optional'), values)).sort()).toEqual(
      [...DETAIL_FIELDS].sort(),
    );
  });
});
