// Matching rules for incoming measurements: client code, then reference, then name and date of birth, else new.
import { describe, expect, it } from 'vitest';
import {
  clientCodeFrom,
  clientCodeOf,
  matchClient,
  nameKey,
  referenceKey,
  type ClientKeys,
} from '../../src/shared/core/matching.ts';

const client = (over: Partial<ClientKeys> & { id: string }): ClientKeys => ({
  code: 'AAAA-AAAA',
  referenceKey: null,
  nameKey: null,
  dateOfBirth: null,
  createdAt: 0,
  ...over,
});

const fatima = client({
  id: 'c1',
  code: 'K7QM-3XD2',
  referenceKey: 'AFSPRAAK-1',
  nameKey: nameKey('Fatima', 'de Vries'),
  dateOfBirth: '1980-04-01',
});
const other = client({
  id: 'c2',
  code: 'ZZZZ-9999',
  referenceKey: 'AFSPRAAK-2',
  nameKey: nameKey('Jan', 'Smit'),
  dateOfBirth: '1970-01-01',
});

describe('client codes', () => {
  it('reads a typed code regardless of case, spaces, dashes and O/I/L look-alikes', () => {
    expect(clientCodeOf('k7qm-3xd2')).toBe('K7QM-3XD2');
    expect(clientCodeOf(' K7QM 3XD2 ')).toBe('K7QM-3XD2');
    expect(clientCodeOf('K7QM3XD2')).toBe('K7QM-3XD2');
    expect(clientCodeOf('OILO-0000')).toBe('0110-0000');
  });

  it('does not read other references as codes', () => {
    expect(clientCodeOf(null)).toBeNull();
    expect(clientCodeOf('AFSPRAAK-123')).toBeNull();
    expect(clientCodeOf('K7QM-3XD')).toBeNull();
    expect(clientCodeOf('K7QM-3XDU')).toBeNull(); // U is not in the alphabet
  });

  it('makes XXXX-XXXX codes from random bytes, readable back as codes', () => {
    const code = clientCodeFrom([0, 31, 32, 255, 7, 8, 9, 10]);
    expect(code).toBe('0Z0Z-789A');
    expect(clientCodeOf(code)).toBe(code);
    expect(() => clientCodeFrom([1, 2])).toThrow();
  });
});

describe('keys', () => {
  it('normalises names for case, accents and spaces, and needs both names', () => {
    expect(nameKey('Élif', 'de  Vries')).toBe(nameKey(' elif ', 'DeVries'));
    expect(nameKey('Zoë', "O'Brien")).toBe(nameKey('zoe', 'obrien'));
    expect(nameKey('Jan', 'Smit')).not.toBe(nameKey('Jan', 'Smid'));
    expect(nameKey('Jan', '')).toBeNull();
    expect(nameKey(undefined, 'Smit')).toBeNull();
  });

  it('normalises references for case and spaces', () => {
    expect(referenceKey(' afspraak  1 ')).toBe('AFSPRAAK 1');
    expect(referenceKey('   ')).toBeNull();
    expect(referenceKey(null)).toBeNull();
  });
});

describe('matchClient', () => {
  const clients = [fatima, other];

  it('matches the client whose code is typed as the reference (follow-up)', () => {
    expect(matchClient({ reference: 'k7qm3xd2', firstName: 'Jan' }, clients)).toEqual({
      clientId: 'c1',
      rule: 'code',
    });
  });

  it('matches on the same reference before the name', () => {
    const keys = {
      reference: 'afspraak-2',
      firstName: 'Fatima',
      lastName: 'de Vries',
      dateOfBirth: '1980-04-01',
    };
    expect(matchClient(keys, clients)).toEqual({ clientId: 'c2', rule: 'reference' });
  });

  it('matches on name and date of birth when the reference is new', () => {
    const keys = {
      reference: 'NEW-1',
      firstName: 'FATIMA',
      lastName: 'De Vries',
      dateOfBirth: '1980-04-01',
    };
    expect(matchClient(keys, clients)).toEqual({ clientId: 'c1', rule: 'name' });
  });

  it('does not match on name alone or on a different date of birth', () => {
    expect(
      matchClient({ reference: null, firstName: 'Fatima', lastName: 'de Vries' }, clients),
    ).toBeNull();
    expect(
      matchClient(
        { reference: null, firstName: 'Fatima', lastName: 'de Vries', dateOfBirth: '1981-04-01' },
        clients,
      ),
    ).toBeNull();
  });

  it('returns null (a new client) when nothing matches', () => {
    expect(matchClient({ reference: 'X' }, clients)).toBeNull();
    expect(matchClient({ reference: null }, [])).toBeNull();
  });

  it('an unknown code falls through to the other rules', () => {
    const keys = {
      reference: 'ABCD-EFGH',
      firstName: 'Jan',
      lastName: 'Smit',
      dateOfBirth: '1970-01-01',
    };
    expect(matchClient(keys, clients)).toEqual({ clientId: 'c2', rule: 'name' });
  });

  it('picks the oldest of several clients with the same reference, whatever the order', () => {
    const a = client({ id: 'a', referenceKey: 'R', createdAt: 20 });
    const b = client({ id: 'b', referenceKey: 'R', createdAt: 10 });
    expect(matchClient({ reference: 'r' }, [a, b])?.clientId).toBe('b');
    expect(matchClient({ reference: 'r' }, [b, a])?.clientId).toBe('b');
  });
});
