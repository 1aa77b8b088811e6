// Staff home, handover and device settings: storage warnings, the handover form, validation and saving.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/core/settings.ts';
import { loadSettings } from '../../src/tablet/storage/settings.ts';
import { freshDatabase } from './fixtures.ts';
import { click, onScreen, openStaff } from './staffHarness.tsx';

beforeEach(freshDatabase);

const input = (label: string | RegExp) => screen.getByLabelText<HTMLInputElement>(label);
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(input(label), { target: { value } });
const saveButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Opslaan' });

describe('staff home', () => {
  it('warns when the browser has not granted persistent storage, and shows usage and quota', async () => {
    await openStaff({ storage: { ok: true, persisted: false, usage: 12_345_678, quota: 2e9 } });
    expect(screen.getByTestId('storage-not-persisted').textContent).toContain(
      'kan de browser gegevens wissen',
    );
    expect(screen.getByTestId('storage-status').textContent).toContain(
      'In gebruik: 12,3 MB van 2.000 MB.',
    );
  });

  it('names the storage problem and offers no handover when storage fails', async () => {
    await openStaff({ storage: { ok: false, problem: 'quota', detail: 'QuotaExceededError' } });
    expect(screen.getByTestId('storage-status').textContent).toContain(
      'de opslag van deze tablet is vol',
    );
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Vragenlijst starten voor een cliënt' })
        .disabled,
    ).toBe(true);
  });
});

describe('handover', () => {
  it('hands over with a trimmed reference and the chosen language', async () => {
    const { props } = await openStaff();
    click('Vragenlijst starten voor een cliënt');
    await onScreen('staff-handover');
    const options = [...screen.getByLabelText<HTMLSelectElement>('Taal van de cliënt').options];
    expect(options[0]?.textContent).toBe('Nederlands');
    type(/Kenmerk/, 'AFS 12');
    click('Geef de tablet aan de cliënt');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Gebruik alleen letters, cijfers, - en / (hoogstens 40 tekens).',
    );
    expect(props.onHandover).not.toHaveBeenCalled();
    type(/Kenmerk/, '  2026-03/0412 ');
    click('Geef de tablet aan de cliënt');
    expect(props.onHandover).toHaveBeenCalledWith({
      reference: '2026-03/0412',
      language: 'nl',
      pictograms: false,
      readAloud: false,
    });
  });

  it('hands over without a reference', async () => {
    const { props } = await openStaff();
    click('Vragenlijst starten voor een cliënt');
    click('Geef de tablet aan de cliënt');
    expect(props.onHandover).toHaveBeenCalledWith({
      reference: null,
      language: 'nl',
      pictograms: false,
      readAloud: false,
    });
  });
});

describe('settings', () => {
  it('shows a message at each field out of bounds and does not save until all are fixed', async () => {
    await openStaff();
    click('Instellingen');
    await onScreen('staff-settings');
    type('Naam van de organisatie', '   ');
    type(/Grens voor een dominante houding/, '120');
    type(/Waarschuwing sociale wenselijkheid/, '0,5');
    type(/aftellen in de waarschuwing/, '10');
    type(/tot het medewerkersdeel vergrendelt/, '60,5');
    expect(screen.getByText('Vul de naam van de organisatie in.')).toBeTruthy();
    expect(screen.getByText('Kies een getal van 0 tot 100.')).toBeTruthy();
    expect(screen.getByText('Kies een getal van 1 tot 5.')).toBeTruthy();
    expect(screen.getByText('Kies een getal van 20 tot 300.')).toBeTruthy();
    expect(screen.getByText('Kies een heel getal van 30 tot 3.600.')).toBeTruthy();
    expect(input(/Grens voor een dominante houding/).getAttribute('aria-invalid')).toBe('true');
    expect(saveButton().disabled).toBe(true);
    fireEvent.submit(saveButton().closest('form')!);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves valid settings, which staff mode then uses and hands back on exit', async () => {
    const { props } = await openStaff();
    click('Instellingen');
    await onScreen('staff-settings');
    type('Naam van de organisatie', 'Werkplein Hoogeveen');
    type(/Eigen tekst over doel/, 'Wij vragen dit om u beter te helpen.');
    fireEvent.change(screen.getByLabelText('Geboortedatum'), { target: { value: 'off' } });
    fireEvent.change(screen.getByLabelText('Achternaam'), { target: { value: 'optional' } });
    type(/Grens voor een dominante houding/, '70');
    type(/Waarschuwing sociale wenselijkheid/, '4,5');
    type(/zonder aanraking tot de waarschuwing/, '120');
    type(/aftellen in de waarschuwing/, '20');
    type(/bedankscherm/, '15');
    type(/tot het medewerkersdeel vergrendelt/, '300');
    expect(saveButton().disabled).toBe(false);
    click('Opslaan');
    await screen.findByText('Opgeslagen.');
    const saved = await loadSettings();
    expect(saved).toMatchObject({
      agencyName: 'Werkplein Hoogeveen',
      consentText: 'Wij vragen dit om u beter te helpen.',
      detailFields: {
        gender: 'required',
        firstName: 'required',
        lastName: 'optional',
        dateOfBirth: 'off',
      },
      scoring: { dominantThreshold: 70, desirabilityCautionAbove: 4.5 },
      idleSeconds: 120,
      idleCountdownSeconds: 20,
      thanksSeconds: 15,
      staffLockSeconds: 300,
    });
    click('Terug');
    await onScreen('staff-home');
    click('Terug naar het welkomstscherm');
    expect(props.onExit).toHaveBeenCalledWith(saved);
  });

  it('stores an emptied consent text as "use the default"', async () => {
    await openStaff({ settings: { ...DEFAULT_SETTINGS, consentText: 'Eigen tekst' } });
    click('Instellingen');
    await onScreen('staff-settings');
    expect(input(/Eigen tekst over doel/).value).toBe('Eigen tekst');
    type(/Eigen tekst over doel/, '  ');
    click('Opslaan');
    await waitFor(async () => expect((await loadSettings()).consentText).toBeNull());
  });
});
