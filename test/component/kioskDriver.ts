// What the kiosk component tests do as the client: tap a button by its name, type into a labelled field, wait for a
// screen, go from the welcome screen to the details and on to the first statement, and answer the statement on screen.
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

/** The id of the statement on screen ('' on other screens). */
export const currentItem = (): string =>
  document.querySelector('[data-item]')?.getAttribute('data-item') ?? '';

/** The screen's heading (a statement's text on an item screen). */
export const heading = (): string => document.querySelector('main h1')?.textContent ?? '';

/** Fills the details screen as Fatima Jansen (7-3-1985) and goes on to the first statement. */
export async function fillDetails(): Promise<void> {
  fireEvent.click(screen.getByLabelText('Vrouw'));
  type('Voornaam', 'Fatima');
  type('Achternaam', 'Jansen');
  type('Dag', '7');
  type('Maand', '3');
  type('Jaar', '1985');
  click('Verder');
  await onScreen('item');
}

/** Welcome → consent → details → the first statement. */
export async function toFirstItem(): Promise<void> {
  await toDetails();
  await fillDetails();
}

/** Answers the statement on screen with `value` and waits for the next one. */
export async function answerCurrent(value = 3): Promise<void> {
  const id = currentItem();
  const button = document.querySelector<HTMLButtonElement>(
    `.answers button[data-value="${value}"]`,
  );
  if (!button) throw new Error('no answer button');
  fireEvent.click(button);
  await waitFor(() => expect(currentItem()).not.toBe(id));
}
