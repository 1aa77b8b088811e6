// Issue 13 §4 on the tablet, after the office changed versions: when the office makes version 1 current again, the
// client answering version 2 finishes on it (also after a reload) and the next client gets version 1; staff mode shows a
// completed session's profile with the scales of the version it was answered in, not the kiosk's current one.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import v2Json from '../fixtures/pilot-2019.v2.json';
import v2Texts from '../fixtures/pilot-2019.v2.translations.json';
import {
  itemsInOrder,
  parseInstrument,
  type Instrument,
} from '../../src/shared/core/instrument.ts';
import { DEFAULT_SCORING } from '../../src/shared/core/scoring.ts';
import { registerInstrumentTexts } from '../../src/shared/i18n/languages.ts';
import { KioskApp } from '../../src/tablet/kiosk/KioskApp.tsx';
import { database } from '../../src/tablet/storage/db.ts';
import {
  completeSession,
  interruptSession,
  saveAnswer,
  saveDetails,
  startSession,
} from '../../src/tablet/storage/sessions.ts';
import { PILOT_ANSWERS } from '../fixtures/pilotAnswers.ts';
import { enrollTestTablet, freshDatabase, instrument } from './fixtures.ts';
import { testServices } from './kioskServices.ts';
import { officeConfig, officeSends } from './officeSends.ts';
import {
  answerCurrent,
  click,
  currentItem,
  heading,
  onScreen,
  toFirstItem,
} from './kioskDriver.ts';
import { onScreen as onStaffScreen, openStaff } from './staffHarness.tsx';

const v2 = parseInstrument(v2Json);
const V1_A1 = 'Het is goed om je aan de regels van de uitkering te houden.';
const V2_A1 = 'Ik vind het goed om me aan de regels van de uitkering te houden.';

const welcomeVersion = () =>
  document.querySelector('main[data-screen="welcome"]')?.getAttribute('data-instrument');

/** The office's configuration with `current` as the version for new clients (an ETag per version). */
const officeSendsVersion = (current: Instrument) =>
  officeSends(
    officeConfig({
      instruments: [current],
      instrumentTexts: current.version === 2 ? [{ id: v2.id, version: 2, texts: v2Texts }] : [],
    }),
    `"v${current.version}"`,
  );

beforeEach(async () => {
  await freshDatabase();
  await enrollTestTablet();
});

describe('the office makes an older version current again', () => {
  it('lets the client on version 2 finish on it, also after a reload, and gives the next client version 1', async () => {
    await officeSendsVersion(v2);
    const services = testServices();
    const first = render(<KioskApp instrument={instrument} services={services} />);
    await waitFor(() => expect(welcomeVersion()).toBe('pilot-2019@2'));
    await toFirstItem();
    expect(heading()).toBe(V2_A1);

    expect((await officeSendsVersion(instrument)).kind).toBe('changed');
    await answerCurrent();
    first.unmount();
    render(<KioskApp instrument={instrument} services={services} />);
    await onScreen('item');
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(currentItem()).toBe('A1'));
    expect(heading()).toBe(V2_A1);

    const items = itemsInOrder(v2).length;
    for (let i = 0; i < items; i++) {
      if (i < items - 1) await answerCurrent();
      else {
        fireEvent.click(document.querySelector('.answers button[data-value="3"]')!);
        await onScreen('review');
      }
    }
    click(/Verstuur mijn antwoorden/);
    await onScreen('thanks');
    const [done] = await database().sessions.toArray();
    expect(done?.instrumentVersion).toBe(2);

    click('Klaar');
    await waitFor(() => expect(welcomeVersion()).toBe('pilot-2019@1'));
    await toFirstItem();
    expect(heading()).toBe(V1_A1);
  });
});

describe('staff mode after a version change', () => {
  it('shows a version-1 profile with version 1’s roles while the kiosk is on version 2', async () => {
    const at = Date.UTC(2026, 2, 9, 9, 0);
    await startSession({ id: 'c1', at, instrument, language: 'nl', reference: null });
    await saveDetails('c1', { firstName: 'Fatima' }, { kind: 'item', index: 0 }, at);
    for (const [item, value] of Object.entries(PILOT_ANSWERS))
      await saveAnswer('c1', item, value, at);
    await completeSession(instrument, 'c1', DEFAULT_SCORING, at + 1);
    await officeSendsVersion(v2);
    registerInstrumentTexts(v2, v2Texts); // as the kiosk does for the version it shows
    await openStaff({ instrument: v2 });
    fireEvent.click(await screen.findByRole('button', { name: /Ingevulde vragenlijsten/ }));
    await onStaffScreen('staff-completed');
    await waitFor(() => expect(document.querySelectorAll('.staff-row')).toHaveLength(1));
    fireEvent.click(document.querySelector('.staff-row')!);
    await onStaffScreen('staff-profile');
    const imago = screen.getByTestId('imago').textContent ?? '';
    expect(imago).toContain('als leraar een 2 uit 5');
    expect(document.body.textContent).not.toContain('scales.');
  });
});

describe('interrupted sessions after a version change', () => {
  it('count progress against the version each session was started in, not the kiosk’s', async () => {
    // Version 3: version 2 without A11, so it has 26 statements where version 1 has 27.
    const v3Json = {
      ...v2Json,
      version: 3,
      parts: v2Json.parts.map((p) => ({ ...p, items: p.items.filter((i) => i.id !== 'A11') })),
    };
    const v3 = parseInstrument(v3Json);
    expect(itemsInOrder(v3)).toHaveLength(26);
    const at = Date.UTC(2026, 2, 9, 9, 0);
    await startSession({ id: 'i1', at, instrument, language: 'nl', reference: 'AFS-1' });
    await saveDetails('i1', { firstName: 'Fatima' }, { kind: 'item', index: 0 }, at);
    for (const item of ['A1', 'A2', 'A3']) await saveAnswer('i1', item, 4, at);
    await interruptSession('i1', at + 2);
    await officeSendsVersion(v3);
    await openStaff({ instrument: v3 });
    fireEvent.click(await screen.findByRole('button', { name: /Onderbroken vragenlijsten/ }));
    await onStaffScreen('staff-interrupted');
    await waitFor(() => expect(document.querySelector('[data-session="i1"]')).not.toBeNull());
    expect(document.querySelector('[data-session="i1"]')?.textContent).toContain(
      '3 van 27 vragen beantwoord',
    );
  });
});
