// Link suggestion: fit to the client's dominant postures weighed against caseload; random link as in the pilot.
import { describe, expect, it } from 'vitest';
import {
  pickAtRandom,
  suggestStaff,
  type StaffCandidate,
} from '../../src/shared/core/suggestion.ts';

const staff = (over: Partial<StaffCandidate> & { id: string }): StaffCandidate => ({
  name: over.id,
  postures: [],
  caseload: 0,
  disabled: false,
  ...over,
});

describe('suggestStaff', () => {
  it('puts the staff member who works well with both dominant postures first', () => {
    const list = suggestStaff(
      ['verbondenheid', 'overgave'],
      [
        staff({ id: 'one', postures: ['verbondenheid'] }),
        staff({ id: 'both', postures: ['overgave', 'verbondenheid', 'weerstand'] }),
        staff({ id: 'none', postures: ['weerstand'] }),
      ],
    );
    expect(list.map((s) => s.staffId)).toEqual(['both', 'one', 'none']);
    expect(list[0]).toEqual({
      staffId: 'both',
      name: 'both',
      caseload: 0,
      matched: ['verbondenheid', 'overgave'],
      score: 1,
    });
    expect(list[1]?.score).toBe(0.5);
  });

  it('among equal fits prefers the lighter caseload, scored by the documented formula', () => {
    const list = suggestStaff(
      ['weerstand'],
      [
        staff({ id: 'busy', postures: ['weerstand'], caseload: 9 }),
        staff({ id: 'free', postures: ['weerstand'], caseload: 1 }),
      ],
    );
    expect(list.map((s) => s.staffId)).toEqual(['free', 'busy']);
    // fit 1 − 0.5 · caseload / (1 + 9)
    expect(list.map((s) => s.score)).toEqual([0.95, 0.55]);
  });

  it('a much better fit outweighs any caseload difference', () => {
    const list = suggestStaff(
      ['weerstand', 'omzeiling'],
      [
        staff({ id: 'idle', postures: ['weerstand'], caseload: 0 }),
        staff({ id: 'full', postures: ['weerstand', 'omzeiling'], caseload: 50 }),
      ],
    );
    expect(list[0]?.staffId).toBe('full');
  });

  it('leaves disabled staff out', () => {
    const list = suggestStaff(
      ['weerstand'],
      [staff({ id: 'gone', postures: ['weerstand'], disabled: true }), staff({ id: 'here' })],
    );
    expect(list.map((s) => s.staffId)).toEqual(['here']);
  });

  it('without dominant postures ranks by caseload, then name', () => {
    const list = suggestStaff(
      [],
      [
        staff({ id: 'b', name: 'Bea', caseload: 2 }),
        staff({ id: 'a', name: 'Ans', caseload: 2 }),
        staff({ id: 'c', name: 'Cor', caseload: 0 }),
      ],
    );
    expect(list.map((s) => s.staffId)).toEqual(['c', 'a', 'b']);
    expect(list.every((s) => s.matched.length === 0)).toBe(true);
  });

  it('returns nothing when there is no active staff', () => {
    expect(suggestStaff(['weerstand'], [])).toEqual([]);
  });
});

describe('pickAtRandom', () => {
  it('uses the injected random source over the whole list', () => {
    const items = ['a', 'b', 'c', 'd'];
    expect(pickAtRandom(items, () => 0)).toBe('a');
    expect(pickAtRandom(items, () => 0.5)).toBe('c');
    expect(pickAtRandom(items, () => 0.9999)).toBe('d');
    expect(pickAtRandom(items, () => 1)).toBe('d');
  });

  it('returns null for an empty list', () => {
    expect(pickAtRandom([], () => 0.3)).toBeNull();
  });
});
