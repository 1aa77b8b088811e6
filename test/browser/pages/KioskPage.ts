// Page object for the client screens: what a client does, in their words, not selectors.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export { PILOT_ANSWERS } from '../../fixtures/pilotAnswers.ts';
import { PILOT_ANSWERS } from '../../fixtures/pilotAnswers.ts';

/** Drives the kiosk's client flow. */
export class KioskPage {
  constructor(readonly page: Page) {}

  /** Waits until the named screen shows. */
  async expectScreen(name: string): Promise<void> {
    await this.page.waitForSelector(`main[data-screen="${name}"]`, { timeout: 15_000 });
  }

  /** Welcome → consent → agree. */
  async startAndConsent(): Promise<void> {
    await this.expectScreen('welcome');
    await this.page.getByRole('button', { name: 'Beginnen' }).click();
    await this.expectScreen('consent');
    await this.page.getByRole('button', { name: 'Ik doe mee' }).click();
    await this.expectScreen('details');
  }

  /** Fills the pilot's four details and moves on. */
  async fillDetails(
    d = { first: 'Fatima', last: 'Jansen', day: '7', month: '3', year: '1985' },
  ): Promise<void> {
    await this.page.getByRole('radio', { name: 'Vrouw' }).check();
    await this.page.getByLabel('Voornaam').fill(d.first);
    await this.page.getByLabel('Achternaam').fill(d.last);
    await this.page.getByLabel('Dag').fill(d.day);
    await this.page.getByLabel('Maand').fill(d.month);
    await this.page.getByLabel('Jaar').fill(d.year);
    await this.page.getByRole('button', { name: 'Verder' }).click();
    await this.expectScreen('item');
  }

  /** The details by field name, in whichever language the screen is in; then on to the first item. */
  async fillDetailsByName(): Promise<void> {
    await this.page.locator('input[name="gender"][value="female"]').check();
    await this.page.locator('input[name="firstName"]').fill('Fatima');
    await this.page.locator('input[name="lastName"]').fill('Jansen');
    await this.page.locator('input[name="dob-day"]').fill('7');
    await this.page.locator('input[name="dob-month"]').fill('3');
    await this.page.locator('input[name="dob-year"]').fill('1985');
    await this.page.locator('main[data-screen="details"] button[type="submit"]').click();
    await this.expectScreen('item');
  }

  /** Taps the screen's main button (start, agree, submit, done), in whichever language. */
  async primary(): Promise<void> {
    await this.page.locator('main .screen-actions .primary').click();
  }

  /** The item id on screen. */
  async currentItem(): Promise<string> {
    const id = await this.page.locator('[data-item]').first().getAttribute('data-item');
    if (!id) throw new Error('no item on screen');
    return id;
  }

  /** The "Vraag n van m" line. */
  async progress(): Promise<string> {
    return (await this.page.locator('.progress-label').textContent()) ?? '';
  }

  /** Taps an answer on the current item and waits for the next screen. */
  async answer(value: number): Promise<void> {
    const before = await this.progress();
    await this.page.locator(`.answers button[data-value="${value}"]`).click();
    await this.page.waitForFunction(
      (b) => document.querySelector('.progress-label')?.textContent !== b,
      before,
      { timeout: 10_000 },
    );
  }

  /** Answers items from the current one on, with values from `answers`, until the review. */
  async answerUntilReview(
    answers: Readonly<Record<string, number>> = PILOT_ANSWERS,
  ): Promise<void> {
    for (;;) {
      const screen = await this.page.locator('main[data-screen]').getAttribute('data-screen');
      if (screen === 'review') return;
      const id = await this.currentItem();
      const v = answers[id];
      expect(v, `answer for ${id}`).toBeDefined();
      await this.answer(v ?? 3);
    }
  }

  /** Submits on the review screen and waits for the thank-you screen. */
  async submit(): Promise<void> {
    await this.expectScreen('review');
    await this.page.getByRole('button', { name: /Verstuur mijn antwoorden/ }).click();
    await this.expectScreen('thanks');
  }

  /** Reads the answers shown on the review screen, by item id. */
  async reviewAnswers(): Promise<Record<string, string>> {
    return this.page.$$eval('.review-item', (els) =>
      Object.fromEntries(
        els.map((e) => [
          e.getAttribute('data-item') ?? '',
          e.querySelector('.review-answer')?.textContent ?? '',
        ]),
      ),
    );
  }
}
