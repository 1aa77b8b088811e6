// Reading a profile for staff: mixed profiles (both sides of the postures dominant, with the pyramid advice from the
// instrument data) and the imago when roles tie.
import { describe, expect, it } from 'vitest';
import { parseInstrument } from '../../src/shared/core/instrument.ts';
import { instrumentTexts } from '../../src/shared/core/instrumentTexts.ts';
import { isMixedProfile, readImago } from '../../src/shared/core/profileReading.ts';
import { itemsInOrder } from '../../src/shared/core/instrument.ts';
import { scoreAnswers } from '../../src/shared/core/scoring.ts';
import { pilot, rawPilot } from './support.ts';

describe('mixed profile', () => {
  it('is mixed when a deferent and a defiant posture are both dominant', () => {
    expect(isMixedProfile(pilot, ['verbondenheid', 'weerstand'])).toBe(true);
    expect(isMixedProfile(pilot, ['overgave', 'omzeiling', 'onthechting'])).toBe(true);
  });

  it('is not mixed with postures of one side only, or none', () => {
    expect(isMixedProfile(pilot, ['verbondenheid', 'overgave'])).toBe(false);
    expect(isMixedProfile(pilot, ['weerstand', 'onthechting', 'omzeiling'])).toBe(false);
    expect(isMixedProfile(pilot, [])).toBe(false);
  });

  it('follows from real answers: agreeing with everything makes both sides dominant', () => {
    const all5 = Object.fromEntries(itemsInOrder(pilot).map(({ item }) => [item.id, 5]));
    expect(isMixedProfile(pilot, scoreAnswers(pilot, all5).dominant)).toBe(true);
  });

  it('takes the pyramid advice from the instrument data, in its texts', () => {
    expect(pilot.mixedAdvice?.full).toMatch(/voorlichting, advies en duidelijke instructie/);
    expect(pilot.mixedAdvice?.full).toMatch(/sancties/);
    expect(instrumentTexts(pilot)['mixedAdvice.short']).toBe(pilot.mixedAdvice?.short);
    expect(pilot.scales.filter((s) => s.side === 'defiant').map((s) => s.id)).toEqual([
      'weerstand',
      'onthechting',
      'omzeiling',
    ]);
  });

  it('refuses mixed advice when the data names no defiant posture, and a side on a role', () => {
    const raw = rawPilot() as unknown as { scales: Record<string, unknown>[] };
    for (const s of raw.scales) if (s.side === 'defiant') delete s.side;
    expect(() => parseInstrument(raw)).toThrow(/mixedAdvice needs .* defiant/);
    const role = rawPilot() as unknown as { scales: Record<string, unknown>[] };
    const r = role.scales.find((s) => s.kind === 'role');
    if (r) r.side = 'deferent';
    expect(() => parseInstrument(role)).toThrow(/side is only for postures/);
    const odd = rawPilot() as unknown as { scales: Record<string, unknown>[] };
    const first = odd.scales[0];
    if (first) first.side = 'sideways';
    expect(() => parseInstrument(odd)).toThrow(/side must be one of/);
  });
});

describe('imago reading', () => {
  const roles = (b: number | null, p: number | null, l: number | null) => [
    { scale: 'begeleider', value: b },
    { scale: 'politieagent', value: p },
    { scale: 'leraar', value: l },
  ];

  it('has no clear picture when every answered role ties (all neutral)', () => {
    expect(readImago(roles(3, 3, 3), ['begeleider', 'politieagent', 'leraar'])).toEqual({
      kind: 'unclear',
      value: 3,
    });
    expect(readImago(roles(5, null, 5), ['begeleider', 'leraar'])).toEqual({
      kind: 'unclear',
      value: 5,
    });
  });

  it('names the top roles when some tie above the others', () => {
    expect(readImago(roles(5, 1, 5), ['begeleider', 'leraar'])).toEqual({
      kind: 'clear',
      top: ['begeleider', 'leraar'],
    });
    expect(readImago(roles(2, 4, 1), ['politieagent'])).toEqual({
      kind: 'clear',
      top: ['politieagent'],
    });
  });

  it('is clear with one answered role, and none without answers', () => {
    expect(readImago(roles(null, 4, null), ['politieagent'])).toEqual({
      kind: 'clear',
      top: ['politieagent'],
    });
    expect(readImago(roles(null, null, null), [])).toEqual({ kind: 'none' });
  });
});
