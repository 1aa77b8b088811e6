// The client's printed summary: in the client's language (names, dates, digits), no score for defiant postures unless
// the agency chose it, strengths first, and a true statement of who sees the result, how long it is kept and the rights.
import { render, screen } from '@testing-library/preact';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasurementView, SummaryFacts } from '../../src/shared/contract/workspaceApi.ts';
import { scoreAnswers } from '../../src/shared/core/scoring.ts';
import { addTexts, i18next } from '../../src/shared/i18n/index.ts';
import { languageMeta } from '../../src/shared/i18n/languages.ts';
import { SummarySheet } from '../../src/office/summary/SummarySheet.tsx';
import nl from '../../locales/nl/summary.json';
import fa from '../../locales/fa/summary.json';
import ti from '../../locales/ti/summary.json';
import ar from '../../locales/ar/summary.json';
import { instrument } from './fixtures.ts';

beforeAll(() => {
  addTexts('nl', 'summary', nl);
  addTexts('fa', 'summary', fa);
  addTexts('ti', 'summary', ti);
  addTexts('ar', 'summary', ar);
});

// Everything agreed with: every posture 100% and dominant, both sides.
const answers = Object.fromEntries(instrument.parts.flatMap((p) => p.items).map((i) => [i.id, 5]));
const measurement: MeasurementView = {
  id: '00000000-0000-4000-8000-000000000001',
  instrumentId: instrument.id,
  instrumentVersion: instrument.version,
  language: 'nl',
  deviceName: 'Tablet 1',
  completedAt: '2026-11-30T10:00:00.000Z',
  receivedAt: '2026-11-30T10:01:00.000Z',
  profile: scoreAnswers(instrument, { ...answers, A7: 3, A8: 3, A10: 3 }),
  scoreMismatch: false,
};
const facts: SummaryFacts = { agencyName: 'Werkplein', retentionDays: 365, defiantScores: false };

const show = (code: string, f: SummaryFacts = facts) =>
  render(
    <SummarySheet
      lang={languageMeta(code)}
      t={i18next.getFixedT(code, 'summary')}
      instrument={instrument}
      measurement={measurement}
      code="K7QM-3XD2"
      facts={f}
    />,
  );

const ways = () => [...document.querySelectorAll<HTMLElement>('[data-posture]')];

describe('SummarySheet', () => {
  it('lists deferent postures first, with a percentage, and defiant ones in words only', () => {
    show('nl');
    expect(ways().map((w) => w.dataset.posture)).toEqual([
      'verbondenheid',
      'overgave',
      'weerstand',
      'onthechting',
      'omzeiling',
    ]);
    const text = (scale: string) =>
      ways().find((w) => w.dataset.posture === scale)?.textContent ?? '';
    expect(text('verbondenheid')).toContain('100%');
    expect(text('verbondenheid')).toContain('Achter de regels staan');
    expect(text('omzeiling')).toContain('Kwam minder naar voren');
    expect(text('weerstand')).toContain('Kwam duidelijk naar voren');
    for (const scale of ['weerstand', 'onthechting', 'omzeiling'])
      expect(text(scale)).not.toMatch(/%/);
    // Neither the Dutch technical labels nor any percentage of a defiant posture appears.
    expect(document.body.textContent).not.toMatch(/Omzeiling|Weerstand|Onthechting|Overgave/);
  });

  it('prints defiant percentages when the agency chose so', () => {
    show('nl', { ...facts, defiantScores: true });
    expect(ways().find((w) => w.dataset.posture === 'omzeiling')?.textContent).toContain('50%');
  });

  it('states who sees the result, the research use, the retention date and the rights', () => {
    show('nl');
    const privacy = screen.getByTestId('summary-privacy').textContent ?? '';
    expect(privacy).toContain('coördinatoren van Werkplein');
    expect(privacy).toContain('zonder uw naam');
    expect(privacy).toContain('tot 30 november 2027');
    expect(privacy).toContain('artikel 15');
    expect(privacy).toContain('artikel 17');
    expect(document.body.textContent).not.toContain('Alleen uw eigen medewerker');
  });

  it('says the result is kept until erased on request when the agency set no retention period', () => {
    show('nl', { ...facts, retentionDays: null });
    expect(screen.getByTestId('summary-privacy').textContent).toContain(
      'tot u vraagt om ze te wissen',
    );
  });

  it('writes Persian names, dates and digits for Persian', () => {
    show('fa');
    expect(screen.getByTestId('summary-sheet').getAttribute('dir')).toBe('rtl');
    expect(screen.getByTestId('summary-date').textContent).toContain('۳۰ نوامبر ۲۰۲۶');
    const first = ways()[0]?.textContent ?? '';
    expect(first).toContain('پشتیبانی از قوانین');
    expect(first).toContain('۱۰۰٪');
    expect(first).not.toMatch(/[0-9]/);
  });

  it('writes the Tigrinya date in Tigrinya, never "November 30, 2026"', () => {
    show('ti');
    const date = screen.getByTestId('summary-date').textContent ?? '';
    expect(date).toContain('ሕዳር');
    expect(date).not.toContain('November');
    expect(ways()[0]?.textContent).toContain('ንሕግታት ምድጋፍ');
  });

  it('writes Western digits for Arabic, as the Arabic kiosk screens do', () => {
    show('ar');
    expect(screen.getByTestId('summary-date').textContent).toContain('30 نوفمبر 2026');
    expect(ways()[0]?.textContent).toMatch(/100/);
  });
});
