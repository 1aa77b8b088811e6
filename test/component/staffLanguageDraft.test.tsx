// Issue 13 §1: staff mode says when the language chosen for a client is still a draft translation, by the office's
// verdict (sent with the config) where there is one, else by the build's meta.json.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { database } from '../../src/tablet/storage/db.ts';
import { freshDatabase } from './fixtures.ts';
import { click, onScreen, openStaff } from './staffHarness.tsx';

beforeEach(freshDatabase);

const choose = (code: string) =>
  fireEvent.change(screen.getByLabelText<HTMLSelectElement>('Taal van de cliënt'), {
    target: { value: code },
  });
const draftNote = () => screen.queryByTestId('language-draft');

describe('draft languages in staff mode', () => {
  it(
    'marks a draft language at handover, and not one the office marked checked',
    { timeout: 20_000 },
    async () => {
      await database().settings.put({
        key: 'languageStatus',
        value: { en: 'checked', pl: 'draft' },
      });
      await openStaff();
      click('Vragenlijst starten voor een cliënt');
      await onScreen('staff-handover');
      expect(draftNote()).toBeNull(); // Dutch is the source
      choose('pl');
      await waitFor(() =>
        expect(draftNote()?.textContent).toBe(
          'Deze vertaling is nog een concept: nog niet gecontroleerd door een vertaler.',
        ),
      );
      choose('en'); // meta.json says draft; the office's verdict wins
      await waitFor(() => expect(draftNote()).toBeNull());
    },
  );

  it("falls back to the build's own status before the office sent one", async () => {
    await openStaff();
    click('Vragenlijst starten voor een cliënt');
    await onScreen('staff-handover');
    choose('en');
    await waitFor(() => expect(draftNote()?.getAttribute('data-draft')).toBe('en'));
  });
});
