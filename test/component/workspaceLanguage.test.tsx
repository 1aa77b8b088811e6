// The workspace in English: the profile view (staff texts from the tablet) and its numbers follow the chosen language.
// Before, English screens showed "93,75%" and the profile's own sentences in Dutch.
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, scoreAnswers } from '../../src/shared/core/scoring.ts';
import { ProfileView } from '../../src/shared/ui/ProfileView.tsx';
import { dateTime } from '../../src/shared/ui/format.ts';
import { initWorkspaceTexts, switchWorkspaceLanguage } from '../../src/office/i18n.ts';
import { instrument } from './fixtures.ts';
import { PILOT_ANSWERS } from '../fixtures/pilotAnswers.ts';

const show = () =>
  render(
    <ProfileView
      profile={scoreAnswers(instrument, PILOT_ANSWERS, DEFAULT_SCORING)}
      instrument={instrument}
      agencyName="Werkplein"
    />,
  );
const bar = () => document.querySelector('[data-posture="verbondenheid"]')?.textContent ?? '';

beforeAll(() => initWorkspaceTexts(instrument));
afterEach(cleanup);

describe('workspace language', () => {
  it('writes scores, dates and the profile texts in English after switching, and in Dutch after switching back', async () => {
    await switchWorkspaceLanguage('en');
    show();
    expect(bar()).toContain('93.75%');
    expect(bar()).not.toContain('93,75');
    expect(document.body.textContent).toContain('Threshold for dominant');
    expect(dateTime.format(Date.UTC(2026, 10, 30, 9, 5))).toMatch(/^30\/11\/2026/);
    cleanup();

    await switchWorkspaceLanguage('nl');
    show();
    expect(bar()).toContain('93,75%');
    expect(document.body.textContent).not.toContain('Threshold for dominant');
    expect(dateTime.format(Date.UTC(2026, 10, 30, 9, 5))).toMatch(/^30-11-2026/);
  });
});
