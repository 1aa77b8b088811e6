// The name on the ID document on the kiosk's details screen (src/tablet/kiosk/DocumentNameField.tsx): asked only
// beside a name in another script or in a language written in another script, and only when names are asked at all;
// Latin letters only; stored with the details; dropped again when the field goes away.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { asksDocumentName } from '../../src/tablet/kiosk/DocumentNameField.tsx';
import { KioskApp } from '../../src/tablet/kiosk/KioskApp.tsx';
import { database } from '../../src/tablet/storage/db.ts';
import { freshDatabase, instrument } from './fixtures.ts';
import { click, onScreen, toDetails, type } from './kioskDriver.ts';
import { testServices } from './kioskServices.ts';

const LABEL = /Naam zoals op uw identiteitsbewijs/;

beforeEach(freshDatabase);

describe('name on the ID document', () => {
  it('appears for a name in another script, takes only Latin letters, and is stored with the details', async () => {
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await toDetails();
    fireEvent.click(screen.getByLabelText('Vrouw'));
    type('Voornaam', 'Fatima');
    type('Achternaam', 'Jansen');
    type('Dag', '7');
    type('Maand', '3');
    type('Jaar', '1985');
    // A Latin name in a Latin-script language: not asked.
    expect(screen.queryByLabelText(LABEL)).toBeNull();

    type('Voornaam', 'فاطمة');
    type('Achternaam', 'الحسن');
    const field = await screen.findByLabelText(LABEL);
    expect(field.getAttribute('dir')).toBe('ltr');
    expect(screen.getByText(/In Latijnse letters/)).toBeTruthy();
    type(LABEL, 'فاطمة');
    click('Verder');
    await screen.findByText(/Gebruik alleen Latijnse letters/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.querySelector('main[data-screen="details"]')).not.toBeNull();

    type(LABEL, 'Fatima Al-Hassan');
    click('Verder');
    await onScreen('item');
    const [session] = await database().sessions.toArray();
    expect(session?.details).toEqual({
      gender: 'female',
      firstName: 'فاطمة',
      lastName: 'الحسن',
      dateOfBirth: '1985-03-07',
      documentName: 'Fatima Al-Hassan',
    });
  });

  it('drops a document name typed before the name became Latin again', async () => {
    render(<KioskApp instrument={instrument} services={testServices()} />);
    await toDetails();
    fireEvent.click(screen.getByLabelText('Man'));
    type('Voornaam', 'Олег');
    await screen.findByLabelText(LABEL);
    type(LABEL, 'Oleh Koval');
    type('Voornaam', 'Oleh');
    type('Achternaam', 'Koval');
    await waitFor(() => expect(screen.queryByLabelText(LABEL)).toBeNull());
    type('Dag', '1');
    type('Maand', '1');
    type('Jaar', '1990');
    click('Verder');
    await onScreen('item');
    const [session] = await database().sessions.toArray();
    expect(session?.details.documentName).toBeUndefined();
  });

  it('is asked in a language written in another script, and never when the agency asks no names', () => {
    const modes = DEFAULT_SETTINGS.detailFields;
    for (const lng of ['ar', 'fa', 'ti', 'uk'])
      expect(asksDocumentName(modes, lng, {}), lng).toBe(true);
    for (const lng of ['nl', 'en', 'tr', 'pl'])
      expect(asksDocumentName(modes, lng, { firstName: 'Ayşe' }), lng).toBe(false);
    expect(asksDocumentName(modes, 'nl', { lastName: 'ፍሰሃ' })).toBe(true);
    const noNames = { ...modes, firstName: 'off', lastName: 'off' } as const;
    expect(asksDocumentName(noNames, 'ar', { firstName: 'فاطمة' })).toBe(false);
  });
});
