// Page object for staff mode on the tablet.
import type { Page } from 'playwright-core';

/** Drives staff mode. */
export class StaffPage {
  constructor(readonly page: Page) {}

  /** From the welcome screen into staff mode; sets the PIN the first time, else unlocks with it. */
  async open(pin = '432198'): Promise<void> {
    await this.page.getByRole('button', { name: 'Medewerker' }).click();
    const setup = this.page.locator('main[data-screen="staff-pin-setup"]');
    const unlock = this.page.locator('main[data-screen="staff-pin"]');
    await setup.or(unlock).waitFor();
    await this.page.getByLabel('Pincode', { exact: true }).fill(pin);
    if (await setup.count()) {
      await this.page.getByLabel('Pincode nog een keer').fill(pin);
      await this.page.getByRole('button', { name: 'Pincode opslaan' }).click();
    } else {
      await this.page.getByRole('button', { name: 'Open' }).click();
    }
    await this.page.waitForSelector('main[data-screen="staff-home"]', { timeout: 30_000 });
  }

  /** Opens the newest completed session's profile. */
  async openNewestProfile(): Promise<void> {
    await this.page.getByRole('button', { name: /Ingevulde vragenlijsten/ }).click();
    await this.page.locator('.staff-row').first().click();
    await this.page.waitForSelector('main[data-screen="staff-profile"]');
  }

  /** The percentage text shown for a posture. */
  async postureValue(posture: string): Promise<string> {
    return (await this.page.locator(`[data-posture="${posture}"] .bar-value`).textContent()) ?? '';
  }

  /** Postures marked dominant. */
  async dominant(): Promise<string[]> {
    return this.page.$$eval('.bar.dominant', (els) =>
      els.map((e) => e.getAttribute('data-posture') ?? ''),
    );
  }

  /** Postures with an advice block. */
  async adviceShown(): Promise<string[]> {
    return this.page.$$eval('[data-advice]', (els) =>
      els.map((e) => e.getAttribute('data-advice') ?? ''),
    );
  }
}
