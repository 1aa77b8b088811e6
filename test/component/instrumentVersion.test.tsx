// Issue 13 §4 on the tablet: a new questionnaire version from the office reaches the kiosk through the configuration
// fetch and applies from the next client; the client busy when it arrives keeps the version and the texts they started
// with, also after a reload mid-session. The version's translations come with it (no file for it in the build).
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import v2Json from '../fixtures/pilot-2019.v2.json';
import v2Texts from '../fixtures/pilot-2019.v2.translations.json';
import { itemsInOrder, parseInstrument } from '../../src/shared/core/instrument.ts';
import { instrumentNamespace } from '../../src/shared/core/instrumentTexts.ts';
import { i18next } from '../../src/shared/i18n/index.ts';
import { KioskApp } from '../../src/tablet/kiosk/KioskApp.tsx';
import { database } from '../../src/tablet/storage/db.ts';
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

const v2 = parseInstrument(v2Json);
const V1_A1 = 'Het is goed om je aan de regels van de uitkering te houden.';
const V2_A1 = 'Ik vind het goed om me aan de regels van de uitkering te houden.';

/** The office's answer to the configuration fetch: version 2 with its translations. */
const officeSendsV2 = () =>
  officeSends(
    officeConfig({
      instruments: [v2],
      instrumentTexts: [{ id: v2.id, version: v2.version, texts: v2Texts }],
    }),
    '"v2"',
  );

beforeEach(async () => {
  await freshDatabase();
  await enrollTestTablet();
});

describe('a new questionnaire version on the tablet', () => {
  it('keeps the running client on their version and texts (also after a reload) and gives the next client the new one', async () => {
    const services = testServices(); // one id sequence across the reload (a real tablet's ids are random)
    const first = render(<KioskApp instrument={instrument} services={services} />);
    await toFirstItem();
    expect(heading()).toBe(V1_A1);

    // The office's new version arrives while the client answers.
    expect((await officeSendsV2()).kind).toBe('changed');
    await answerCurrent();
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(currentItem()).toBe('A1'));
    expect(heading()).toBe(V1_A1);

    // A reload mid-session resumes the same version with the same texts.
    first.unmount();
    render(<KioskApp instrument={instrument} services={services} />);
    await onScreen('item');
    expect(currentItem()).toBe('A1');
    expect(heading()).toBe(V1_A1);
    const items = itemsInOrder(instrument).length;
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
    expect(done?.instrumentVersion).toBe(1);
    expect(done?.profile?.roles.map((r) => r.scale)).toContain('leraar');

    // Between clients the kiosk takes version 2; the next client answers it, in English with its own translation.
    click('Klaar');
    await waitFor(() =>
      expect(
        document.querySelector('main[data-screen="welcome"]')?.getAttribute('data-instrument'),
      ).toBe('pilot-2019@2'),
    );
    fireEvent.click(document.querySelector('button[data-language="en"]')!);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy());
    click('Start');
    await onScreen('consent');
    const sessions = (await database().sessions.toArray()).sort(
      (a, b) => a.startedAt - b.startedAt,
    );
    expect(sessions.map((s) => s.instrumentVersion)).toEqual([1, 2]);
  });

  it('starts on the new version with its translations when it came before the boot, and keeps it after a reload', async () => {
    await officeSendsV2();
    const first = render(<KioskApp instrument={instrument} services={testServices()} />);
    await onScreen('welcome');
    const welcome = () => document.querySelector('main[data-screen="welcome"]');
    await waitFor(() => expect(welcome()?.getAttribute('data-instrument')).toBe('pilot-2019@2'));
    fireEvent.click(document.querySelector('button[data-language="en"]')!);
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(i18next.t('items.A1', { ns: instrumentNamespace(v2), lng: 'en' })).toBe(
      v2Texts.en['items.A1'],
    );
    expect(i18next.t('items.A11', { ns: instrumentNamespace(v2), lng: 'en' })).toBe(
      v2Texts.en['items.A11'],
    );
    fireEvent.click(document.querySelector('button[data-language="nl"]')!);
    await waitFor(() => expect(document.documentElement.lang).toBe('nl'));
    await toFirstItem();
    expect(heading()).toBe(V2_A1);
    first.unmount();
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await onScreen('item');
    expect(currentItem()).toBe('A1');
    expect(heading()).toBe(V2_A1);
    const [session] = await database().sessions.toArray();
    expect(session?.instrumentVersion).toBe(2);
  });
});
