// The client flow on fake-indexeddb: every step is stored before the screen moves, completion queues an outbox record.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { KioskApp } from '../../src/tablet/kiosk/KioskApp.tsx';
import { database } from '../../src/tablet/storage/db.ts';
import { freshDatabase, instrument } from './fixtures.ts';
import {
  answerCurrent,
  click,
  currentItem,
  fillDetails,
  onScreen,
  toDetails,
} from './kioskDriver.ts';
import { testServices } from './kioskServices.ts';

import { PILOT_ANSWERS as PILOT } from '../fixtures/pilotAnswers.ts';

beforeEach(freshDatabase);

describe('kiosk flow', () => {
  it('shows inline messages and does not move on while details are missing', async () => {
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await toDetails();
    click('Verder');
    await waitFor(() => expect(screen.getAllByText('Vul dit in.')).toHaveLength(4));
    expect(document.querySelector('main[data-screen="details"]')).not.toBeNull();
    fireEvent.input(screen.getByLabelText('Dag'), { target: { value: '31' } });
    fireEvent.input(screen.getByLabelText('Maand'), { target: { value: '2' } });
    fireEvent.input(screen.getByLabelText('Jaar'), { target: { value: '1990' } });
    await screen.findByText('Deze datum bestaat niet.');
  });

  it('stores each answer before moving on, and completion queues the scored record in the outbox', async () => {
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await toDetails();
    await fillDetails();
    expect(screen.getByText('Vraag 1 van 27')).toBeTruthy();
    for (let i = 0; i < 27; i++) {
      const id = currentItem();
      const before = await database().answers.count();
      const value = PILOT[id] ?? 3;
      fireEvent.click(document.querySelector(`.answers button[data-value="${value}"]`)!);
      if (i < 26) await waitFor(() => expect(currentItem()).not.toBe(id));
      else await onScreen('review');
      expect(await database().answers.count()).toBe(before + 1);
    }
    click(/Verstuur mijn antwoorden/);
    await onScreen('thanks');
    const [session] = await database().sessions.toArray();
    expect(session?.status).toBe('completed');
    expect(session?.details).toEqual({
      gender: 'female',
      firstName: 'Fatima',
      lastName: 'Jansen',
      dateOfBirth: '1985-03-07',
    });
    const verbondenheid = session?.profile?.postures.find((p) => p.scale === 'verbondenheid');
    expect(verbondenheid?.percent).toBe(93.75);
    const outbox = await database().outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.record?.sessionId).toBe(session?.id);
    expect(outbox[0]?.record?.answers).toEqual(PILOT);
  });

  it('resumes on the same item with every answer after a reload', async () => {
    const first = render(<KioskApp instrument={instrument} services={testServices()} />);
    await toDetails();
    await fillDetails();
    await answerCurrent(5);
    await answerCurrent(4);
    await answerCurrent(3);
    first.unmount();
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await onScreen('item');
    expect(screen.getByText('Vraag 4 van 27')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(screen.getByText('Vraag 3 van 27')).toBeTruthy());
    expect(
      document.querySelector('.answers button[aria-pressed="true"]')?.getAttribute('data-value'),
    ).toBe('3');
  });

  it('keeps nothing when the client declines', async () => {
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await onScreen('welcome');
    click('Beginnen');
    await onScreen('consent');
    click('Ik doe niet mee');
    await onScreen('declined');
    expect(await database().sessions.count()).toBe(0);
  });

  it('does not greet a new client with a session left open long ago', async () => {
    await database().sessions.add({
      id: 'old',
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      language: 'nl',
      languagesUsed: ['nl'],
      pictograms: false,
      readAloud: false,
      status: 'open',
      step: { kind: 'item', index: 3 },
      startedAt: Date.now() - 3_600_000,
      updatedAt: Date.now() - 3_600_000,
      stepAt: Date.now() - 3_600_000,
      completedAt: null,
      reference: null,
      details: { firstName: 'Vorige' },
      consentAt: null,
      profile: null,
    });
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await onScreen('welcome');
    expect((await database().sessions.get('old'))?.status).toBe('interrupted');
  });

  it('tells staff when an answer cannot be stored, and does not move on', async () => {
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await toDetails();
    await fillDetails();
    const table = database().answers;
    const put = table.put.bind(table);
    table.put = () => Promise.reject(new DOMException('disk full', 'QuotaExceededError')) as never;
    try {
      fireEvent.click(document.querySelector('.answers button[data-value="4"]')!);
      await onScreen('storage-error');
      expect(screen.getByText(/de opslag van deze tablet is vol/)).toBeTruthy();
      expect(await database().answers.count()).toBe(0);
    } finally {
      table.put = put;
    }
  });
});
