// Page object for the office workspace (/werkplek/): sign in and open pages by URL, as a user would.
import type { Page, Response } from 'playwright-core';

/** Drives the workspace in one browser page. */
export class WorkspacePage {
  constructor(
    private readonly page: Page,
    private readonly base: string,
  ) {}

  /** Opens the sign-in screen and signs in; resolves once the first signed-in screen shows. */
  async signIn(username: string, password: string): Promise<void> {
    await this.page.goto(`${this.base}/werkplek/`);
    await this.page.waitForSelector('[data-screen=signin]');
    await this.page.fill('#username', username);
    await this.page.fill('#password', password);
    await this.page.click('[data-screen=signin] button[type=submit]');
    await this.page.waitForSelector('[data-screen=clients]');
  }

  /** Opens a client's page by URL; returns the API's answer for that client. */
  async openClientByUrl(id: string): Promise<Response> {
    const answer = this.page.waitForResponse((r) => r.url().endsWith(`/api/clients/${id}`));
    await this.page.goto(`${this.base}/werkplek/clients/${id}`);
    return answer;
  }

  /** The refusal or error shown instead of a page, with its status. */
  async loadError(): Promise<{ status: string | null; text: string }> {
    const el = await this.page.waitForSelector('[data-testid=load-error]');
    return { status: await el.getAttribute('data-status'), text: (await el.textContent()) ?? '' };
  }

  /** Whether any profile content is on screen. */
  async showsProfile(): Promise<boolean> {
    return (await this.page.$$('.profile, [data-testid=history], .bar')).length > 0;
  }
}
