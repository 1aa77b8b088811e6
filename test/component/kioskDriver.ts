// What the kiosk component tests do as the client: tap a button by its name, type into a labelled field, wait for a
// screen, and go from the welcome screen to the details.
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { expect } from 'vitest';

/** Taps the button with this accessible name. */
export const click = (name: string | RegExp): boolean =>
  fireEvent.click(screen.getByRole('button', { name }));

/** Types `value` into the field with this label. */
export const type = (label: string | RegExp, value: string): boolean =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

/** Waits until the named screen shows. */
export const onScreen = (name: string): Promise<void> =>
  waitFor(() => expect(document.querySelector(`main[data-screen="${name}"]`)).not.toBeNull());

/** Welcome → start → consent → agree → the details screen. */
export async function toDetails(): Promise<void> {
  await onScreen('welcome');
  click('Beginnen');
  await onScreen('consent');
  click('Ik doe mee');
  await onScreen('details');
}
