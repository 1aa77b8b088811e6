// Staff mode with sessions on the tablet: interrupted ones resumed or erased for good, completed ones opened as profiles.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../../src/shared/core/scoring.ts';
import { database } from '../../src/tablet/storage/db.ts';
import {
  completeSession,
  interruptSession,
  saveAnswer,
  saveDetails,
  startSession,
} from '../../src/tablet/storage/sessions.ts';
import { PILOT_ANSWERS } from '../fixtures/pilotAnswers.ts';
import { freshDatabase, instrument } from './fixtures.ts';
import { click, onScreen, openStaff } from './staffHarness.tsx';

beforeEach(freshDatabase);

const T0 = Date.UTC(2026, 2, 9, 9, 0);

async function interrupted(id: string, reference: string | null, answers: number, at: number) {
  await startSession({ id, at, instrument, language: 'nl', reference });
  const items = Object.entries(PILOT_ANSWERS).slice(0, answers);
  for (const [item, value] of items) await saveAnswer(id, item, value, at + 1);
  await interruptSession(id, at + 2);
}

async function completed(id: string, reference: string | null, firstName: string, at: number) {
  await startSession({ id, at, instrument, language: 'nl', reference });
  await saveDetails(id, { firstName }, { kind: 'item', index: 0 }, at);
  for (const [item, value] of Object.entries(PILOT_ANSWERS)) await saveAnswer(id, item, value, at);
  await completeSession(instrument, id, DEFAULT_SCORING, at + 1);
}

const card = (id: string) => document.querySelector<HTMLElement>(`[data-session="${id}"]`)!;

describe('interrupted sessions', () => {
  it('lists start time, progress and reference, newest first', async () => {
    await interrupted('s-old', 'AFS-1', 3, T0);
    await interrupted('s-new', null, 1, T0 + 60_000);
    await openStaff();
    fireEvent.click(await screen.findByRole('button', { name: 'Onderbroken vragenlijsten (2)' }));
    await onScreen('staff-interrupted');
    await waitFor(() => expect(document.querySelectorAll('[data-session]')).toHaveLength(2));
    const ids = [...document.querySelectorAll('[data-session]')].map((e) =>
      e.getAttribute('data-session'),
    );
    expect(ids).toEqual(['s-new', 's-old']);
    expect(card('s-old').textContent).toContain('AFS-1');
    expect(card('s-old').textContent).toContain('3 van 27 vragen beantwoord');
    expect(card('s-old').textContent).toContain('Begonnen: 09-03-2026');
    expect(card('s-new').textContent).toContain('Zonder naam');
  });

  it('"Hervatten" opens the session again and hands it back to the kiosk', async () => {
    await interrupted('s1', 'AFS-1', 2, T0);
    const { props } = await openStaff();
    fireEvent.click(await screen.findByRole('button', { name: 'Onderbroken vragenlijsten (1)' }));
    await waitFor(() => expect(card('s1')).toBeTruthy());
    fireEvent.click(within(card('s1')).getByRole('button', { name: 'Hervatten' }));
    await waitFor(() => expect(props.onResume).toHaveBeenCalledWith('s1'));
    expect((await database().sessions.get('s1'))?.status).toBe('open');
    expect(await database().answers.where('sessionId').equals('s1').count()).toBe(2);
  });

  it('"Verwijderen" asks first, then erases the session and its answers from the database', async () => {
    await interrupted('s1', 'AFS-1', 4, T0);
    await interrupted('s2', 'AFS-2', 2, T0 + 1);
    await openStaff();
    fireEvent.click(await screen.findByRole('button', { name: 'Onderbroken vragenlijsten (2)' }));
    await waitFor(() => expect(card('s1')).toBeTruthy());
    fireEvent.click(within(card('s1')).getByRole('button', { name: 'Verwijderen' }));
    expect(within(card('s1')).getByRole('alert').textContent).toContain('voorgoed gewist');
    fireEvent.click(within(card('s1')).getByRole('button', { name: 'Nee' }));
    expect(await database().sessions.get('s1')).toBeDefined();

    fireEvent.click(within(card('s1')).getByRole('button', { name: 'Verwijderen' }));
    fireEvent.click(within(card('s1')).getByRole('button', { name: 'Ja, verwijder' }));
    await waitFor(() => expect(document.querySelector('[data-session="s1"]')).toBeNull());
    expect(await database().sessions.get('s1')).toBeUndefined();
    expect(await database().answers.where('sessionId').equals('s1').count()).toBe(0);
    expect(await database().outbox.get('s1')).toBeUndefined();
    expect(await database().answers.where('sessionId').equals('s2').count()).toBe(2);
    click('Terug');
    await onScreen('staff-home');
    await screen.findByRole('button', { name: 'Onderbroken vragenlijsten (1)' });
  });
});

describe('completed sessions', () => {
  it('lists newest first with time, reference or first name and dominant postures, and opens the profile', async () => {
    await completed('c1', null, 'Fatima', T0);
    await completed('c2', 'AFS-77', 'Piet', T0 + 3_600_000);
    await openStaff();
    fireEvent.click(await screen.findByRole('button', { name: 'Ingevulde vragenlijsten (2)' }));
    await onScreen('staff-completed');
    await waitFor(() => expect(document.querySelectorAll('.staff-row')).toHaveLength(2));
    const rows = [...document.querySelectorAll('.staff-row')];
    expect(rows.map((r) => r.getAttribute('data-session'))).toEqual(['c2', 'c1']);
    expect(rows[0]?.textContent).toContain('AFS-77');
    expect(rows[0]?.textContent).toContain('09-03-2026');
    expect(rows[1]?.textContent).toContain('Fatima');
    expect(rows[1]?.textContent).toContain('Dominant: Verbondenheid, Overgave en Weerstand');

    fireEvent.click(rows[1]!);
    await onScreen('staff-profile');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Profiel van Fatima');
    expect(document.querySelector('[data-posture="verbondenheid"]')?.textContent).toContain(
      '93,75%',
    );
    // Staff see the profile, never the answers: no answer label appears on the page.
    expect(document.body.textContent).not.toMatch(/Geheel eens|Oneens/);
    click('Terug');
    await onScreen('staff-completed');
  });
});
