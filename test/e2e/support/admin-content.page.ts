import type { Locator, Page } from 'playwright-core';

/**
 * The admin console's content screens as an author drives them: by role and label only, and by the
 * keyboard alone where a flow says so.
 */
export class AdminContent {
  constructor(readonly page: Page) {}

  async openTrack(name: string): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Tracks' }).click();
    await this.page.getByRole('heading', { name: 'Tracks and modules' }).waitFor();
    await this.page.getByRole('link', { name, exact: true }).click();
    await this.page.getByRole('heading', { name: `Track ${name}` }).waitFor();
  }

  /** Fills and sends the new-question form with the mouse; `correct` is the 1-based correct option. */
  async addQuestion(text: string, options: readonly string[], correct: number): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New question' });
    await form.getByLabel('Question text').fill(text);
    for (const [index, option] of options.entries()) {
      if (index >= 2) await form.getByRole('button', { name: 'Add an option' }).click();
      await form.getByLabel(`Option ${index + 1}`, { exact: true }).fill(option);
    }
    await form.getByLabel('Correct option').selectOption({ label: `Option ${correct}` });
    await form.getByRole('button', { name: 'Add question' }).click();
    await this.page.getByText('Question added.').waitFor();
  }

  /** Presses Tab until `target` has the focus (a keyboard user's way to a control). */
  async tabTo(target: Locator, limit = 60): Promise<void> {
    for (let i = 0; i < limit; i += 1) {
      if (await target.evaluate((el) => el === (globalThis as any).document.activeElement)) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`keyboard: could not reach ${target.toString()} with Tab`);
  }

  /** Whether the focused element shows a focus indicator (an outline or a box shadow). */
  async focusIsVisible(): Promise<boolean> {
    return this.page.evaluate(() => {
      const el = (globalThis as any).document.activeElement;
      const style = (globalThis as any).getComputedStyle(el);
      return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    });
  }
}
