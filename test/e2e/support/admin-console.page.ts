import { expect } from 'chai';
import type { Page } from 'playwright-core';
import type pg from 'pg';
import { expectAccessible } from './browser.js';
import { LearnerApp } from './learner-app.page.js';

/**
 * The admin console as an administrator drives it: by role and label only. Screens are checked the
 * same way as the learner app's (axe in English and Russian through the language control, screenshots).
 */
export class AdminConsole {
  private readonly screens: LearnerApp;

  constructor(
    readonly page: Page,
    pool: pg.Pool,
  ) {
    this.screens = new LearnerApp(page, pool);
  }

  checkScreen(name: string, screenshot?: string): Promise<void> {
    return this.screens.checkScreen(name, screenshot);
  }

  async logIn(baseUrl: string, email: string, password: string): Promise<void> {
    await this.page.goto(`${baseUrl}/admin/`);
    await this.page.getByRole('heading', { name: 'Administrator log in' }).waitFor();
    await this.page.getByLabel('Email').fill(email);
    await this.page.getByLabel('Password').fill(password);
    await this.page.getByRole('button', { name: 'Log in' }).click();
    await this.page.getByRole('heading', { name: 'Admin console' }).waitFor();
  }

  /** Opens the pending request of the learner with this email from the queue. */
  async openPendingRequestOf(email: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Approvals' }).click();
    await this.page.getByRole('heading', { name: 'Approval queue' }).waitFor();
    const row = this.page.getByRole('row').filter({ hasText: email });
    await row.getByRole('link').click();
    await this.page.getByRole('heading', { name: /— Pending$/ }).waitFor();
  }

  /** At 360 px (a small phone) the screen fits without horizontal scrolling and stays accessible. */
  async expectFitsAt360(name: string): Promise<void> {
    await this.page.setViewportSize({ width: 360, height: 800 });
    const overflow = await this.page.evaluate(() => {
      const root = (globalThis as any).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    expect(overflow, `horizontal overflow of ${name} at 360 px`).to.equal(0);
    await expectAccessible(this.page, `${name} at 360 px`);
    await this.page.setViewportSize({ width: 1280, height: 900 });
  }

  /** The messages a screen reader announces with the field: its aria-describedby targets. */
  async descriptionOf(label: string): Promise<string> {
    const ids = (await this.page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
    const texts = await Promise.all(
      ids
        .split(' ')
        .filter((id) => id !== '')
        .map((id) => this.page.locator(`[id="${id}"]`).textContent()),
    );
    return texts.join(' ');
  }
}
