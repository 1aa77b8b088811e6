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

  /** Opens the first client in the list. */
  async openFirstClient(): Promise<void> {
    await this.page.click('[data-testid=client-list] tbody tr a');
    await this.page.waitForSelector('[data-screen=client]');
  }

  /** The id of the client on screen. */
  async currentClientId(): Promise<string> {
    return (await this.page.getAttribute('[data-screen=client]', 'data-client')) ?? '';
  }

  /** Coordinator: links the client on screen to the staff member with this name. */
  async linkTo(name: string): Promise<void> {
    const option = await this.page.waitForSelector(
      `[data-testid=link-select] option:has-text("${name}")`,
      { state: 'attached' },
    );
    const value = (await option.getAttribute('value')) ?? '';
    await this.page.selectOption('[data-testid=link-select]', value);
    await this.page.click('[data-testid=link-button]');
    await this.page.waitForSelector(`[data-testid=linked-to]:has-text("${name}")`);
  }

  /** Signs out with the header button. */
  async signOut(): Promise<void> {
    await this.page.click('[data-testid=sign-out]');
    await this.page.waitForSelector('[data-screen=signin]');
  }

  /** The value shown on a posture's bar, e.g. "93,75%". */
  async postureValue(scale: string): Promise<string> {
    return (await this.page.textContent(`[data-posture=${scale}] .bar-value`))?.trim() ?? '';
  }

  /** Whether the full advice for a posture is on screen. */
  async hasAdviceFor(scale: string): Promise<boolean> {
    return (await this.page.$(`[data-advice=${scale}]`)) !== null;
  }

  /** Coordinator: erases the client on screen (with the confirmation) and waits for the client list. */
  async eraseClient(): Promise<void> {
    await this.page.click('[data-testid=erase-client]');
    await this.page.click('[data-testid=erase-confirm]');
    await this.page.waitForSelector(
      '[data-screen=clients] [data-testid=no-clients], [data-screen=clients] table',
    );
  }

  /** How many clients the list shows. */
  async clientRows(): Promise<number> {
    return (await this.page.$$('[data-testid=client-list] tbody tr')).length;
  }
}
