// Staff mode pieces: the PIN hash, and the profile view's texts for dominance, imago ties, caution and gaps.
import { render, screen } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, scoreAnswers } from '../../src/core/scoring.ts';
import { hashPin, isValidPin, verifyPin } from '../../src/staff/pin.ts';
import { ProfileView } from '../../src/staff/ProfileView.tsx';
import { instrument } from './fixtures.ts';
import { addTexts } from '../../src/i18n/index.ts';
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
    expect(isValidPin('12a4')).toBe(false);
    expect(isValidPin('123')).toBe(false);
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
    expect(advice).toEqual(['verbondenheid', 'overgave', 'weerstand']);
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
