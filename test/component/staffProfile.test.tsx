// Staff mode pieces: the PIN hash, and the profile view's texts for dominance, imago ties, caution and gaps.
import { cleanup, render, screen } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, scoreAnswers } from '../../src/shared/core/scoring.ts';
import { hashPin, isValidNewPin, verifyPin } from '../../src/tablet/staff/pin.ts';
import { ProfileView } from '../../src/shared/ui/ProfileView.tsx';
import { instrument } from './fixtures.ts';
import { addTexts } from '../../src/shared/i18n/index.ts';
import staffTexts from '../../locales/nl/staff.json';

beforeAll(() => addTexts('nl', 'staff', staffTexts));

import { PILOT_ANSWERS as PILOT } from '../fixtures/pilotAnswers.ts';

const show = (answers: Record<string, number>, scoring = DEFAULT_SCORING) =>
  render(
    <ProfileView
      profile={scoreAnswers(instrument, answers, scoring)}
      instrument={instrument}
      agencyName="Werkplein"
    />,
  );

describe('staff PIN', () => {
  it('verifies the right PIN only, with a salt per hash', async () => {
    expect(isValidNewPin('12a4')).toBe(false);
    expect(isValidNewPin('123')).toBe(false);
    const a = await hashPin('2468', 1000);
    const b = await hashPin('2468', 1000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toContain('2468');
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2469', a)).toBe(false);
  });
});

describe('ProfileView', () => {
  it('shows the pilot example: 93,75%, advice only for dominant postures, the imago sentence, the caution', () => {
    show(PILOT);
    const bar = document.querySelector('[data-posture="verbondenheid"]');
    expect(bar?.textContent).toContain('93,75%');
    expect(bar?.textContent).toContain('dominant');
    const advice = [...document.querySelectorAll('[data-advice]')].map((e) =>
      e.getAttribute('data-advice'),
    );
    // The pilot example is itself mixed (verbondenheid and overgave beside weerstand): the pyramid rule comes first.
    expect(advice).toEqual(['mixed', 'verbondenheid', 'overgave', 'weerstand']);
    expect(screen.getByTestId('imago').textContent).toBe(
      'Cliënt ziet Werkplein vooral als een begeleider met een score van 5 uit 5. Daarnaast scoorde Werkplein als politieagent een 4 uit 5 en als leraar een 2 uit 5.',
    );
    expect(screen.getByTestId('desirability-caution').textContent).toContain('4,2 uit 5');
  });

  it('names every top role on a tie, and shows no caution under the threshold', () => {
    show({ ...PILOT, B4: 4, B5: 2, B6: 4 }, { ...DEFAULT_SCORING, desirabilityCautionAbove: 4.5 });
    expect(screen.getByTestId('imago').textContent).toBe(
      'Cliënt ziet Werkplein vooral als een begeleider en een leraar met een score van 4 uit 5. Daarnaast scoorde Werkplein als politieagent een 2 uit 5.',
    );
    expect(screen.queryByTestId('desirability-caution')).toBeNull();
  });

  it('says "te weinig antwoorden" instead of a number, and that no posture is dominant', () => {
    show({ A1: 5, B4: 3 });
    expect(document.querySelector('[data-posture="verbondenheid"]')?.textContent).toContain(
      'te weinig antwoorden',
    );
    expect(document.querySelectorAll('[data-advice]')).toHaveLength(0);
    expect(screen.getByText(/Geen houding is dominant/)).toBeTruthy();
  });
});

describe('ProfileView, mixed profiles and ties', () => {
  const all = (v: number) =>
    Object.fromEntries(instrument.parts.flatMap((p) => p.items).map((i) => [i.id, v]));

  it('calls a profile dominant on both sides mixed and gives the pyramid rule from the instrument data', () => {
    show(all(5));
    const mixed = screen.getByTestId('mixed-advice');
    expect(mixed.textContent).toContain('Gemengd profiel');
    expect(mixed.textContent).toContain(instrument.mixedAdvice?.full ?? 'missing');
    expect(mixed.textContent).toMatch(
      /begin onderaan, met voorlichting, advies en duidelijke instructie/,
    );
  });

  it('gives no mixed advice when only one side is dominant', () => {
    show({ A1: 5, A2: 5, A4: 5, A5: 4 });
    expect(screen.queryByTestId('mixed-advice')).toBeNull();
  });

  it('says there is no clear picture when every role ties (all answers neutral), instead of naming all three', () => {
    show(all(3));
    const imago = screen.getByTestId('imago');
    expect(imago.textContent).toBe(
      'Er is geen duidelijk beeld van hoe de cliënt Werkplein ziet: de cliënt gaf elke rol dezelfde score (3 uit 5).',
    );
    expect(imago.textContent).not.toContain('vooral');
  });
});

const fullAdvice = (id: string) =>
  instrument.scales.find((s) => s.id === id)?.advice?.full ?? 'missing advice';

describe('ProfileView, the pilot worked example', () => {
  it('turns verbondenheid 5,5,5,4 into "93,75%", marks it dominant in words, and shows its full advice', () => {
    show({ A1: 5, A2: 5, A4: 5, A5: 4 });
    const bar = document.querySelector('[data-posture="verbondenheid"]')!;
    expect(bar.querySelector('.bar-value')?.textContent).toBe('93,75%');
    expect(bar.querySelector('.dominant-tag')?.textContent).toBe('dominant');
    expect(bar.classList.contains('dominant')).toBe(true);
    const advice = document.querySelector('[data-advice="verbondenheid"]')!;
    expect(advice.textContent).toContain(fullAdvice('verbondenheid'));
    expect(fullAdvice('verbondenheid')).toContain(
      'Pas op met het (dreigen met) straffen en sancties.',
    );
  });

  it('draws five bars in instrument order, each with the threshold line at the profile threshold', () => {
    show(PILOT, { ...DEFAULT_SCORING, dominantThreshold: 70 });
    const bars = [...document.querySelectorAll<HTMLElement>('[data-posture]')];
    expect(bars.map((b) => b.dataset.posture)).toEqual(
      instrument.scales.filter((s) => s.kind === 'posture').map((s) => s.id),
    );
    for (const b of bars)
      expect(b.querySelector<HTMLElement>('.bar-threshold')?.style.insetInlineStart).toBe('70%');
    expect(screen.getByText('Grens voor dominant: 70%')).toBeTruthy();
    // overgave 66,67% is under 70 now: no longer dominant, and its advice is gone.
    expect(document.querySelector('[data-posture="overgave"]')?.textContent).not.toContain(
      'dominant',
    );
    expect(document.querySelector('[data-advice="overgave"]')).toBeNull();
    expect(document.body.textContent).not.toContain(fullAdvice('overgave'));
    expect(document.body.textContent).not.toContain(fullAdvice('omzeiling'));
  });

  it('sets the top role in bold, as the pilot did', () => {
    show(PILOT);
    expect(
      [...screen.getByTestId('imago').querySelectorAll('strong')].map((s) => s.textContent),
    ).toEqual(['begeleider']);
  });

  it('leaves unanswered roles out of the imago sentence', () => {
    show(Object.fromEntries(Object.entries(PILOT).filter(([id]) => id !== 'B6')));
    expect(screen.getByTestId('imago').textContent).toBe(
      'Cliënt ziet Werkplein vooral als een begeleider met een score van 5 uit 5. Daarnaast scoorde Werkplein als politieagent een 4 uit 5.',
    );
  });

  it('shows the caution with its mean only when the mean is above the threshold', () => {
    const high = { ...PILOT, A3: 5, A6: 4, A9: 5, C3: 4, C8: 4 }; // mean 4,4
    show(high);
    const caution = screen.getByTestId('desirability-caution');
    expect(caution.textContent).toContain('4,4 uit 5');
    expect(caution.textContent).toContain('goede indruk');
    cleanup();
    show(high, { ...DEFAULT_SCORING, desirabilityCautionAbove: 4.4 });
    expect(screen.queryByTestId('desirability-caution')).toBeNull();
  });
});
