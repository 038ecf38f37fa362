import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page, Response } from 'playwright-core';
import type pg from 'pg';
import { PROJECT_ROOT } from '../../../src/config/project-paths.js';
import { expectAccessible } from './browser.js';

export const SCREENSHOT_DIR = join(PROJECT_ROOT, 'docs', 'screenshots');

/**
 * The header's language control. Found by its place, not by the word "Language": an answer option on the
 * screen may contain that word too, and the label's name also holds the chosen language.
 */
export function languageSwitch(page: Page): Locator {
  return page.getByRole('banner').getByRole('combobox');
}

interface ServedQuestion {
  readonly id: number;
  readonly text: string;
  readonly options: readonly { readonly id: number; readonly text: string }[];
}

/**
 * The learner app as a user drives it: by role and label only. `answer*` reads the questions the app
 * received (the response it rendered from) and the correct options from the database, as the API
 * never sends them.
 */
export class LearnerApp {
  constructor(
    readonly page: Page,
    private readonly pool: pg.Pool,
  ) {}

  /** axe in English and in Russian (switched through the app's own language control), then back. */
  async checkScreen(name: string, screenshot?: string): Promise<void> {
    await this.page.getByRole('main').waitFor();
    await expectAccessible(this.page, `${name} (en)`);
    if (screenshot !== undefined) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      // The whole page, cut at a few screens so a long report does not make a megabyte picture.
      const width = this.page.viewportSize()?.width ?? 1280;
      const height = Math.min(await this.page.locator('html').evaluate((root) => root.scrollHeight), 2400);
      const path = join(SCREENSHOT_DIR, `${screenshot}.png`);
      await this.page.screenshot({ path, fullPage: true, clip: { x: 0, y: 0, width, height } });
    }
    await languageSwitch(this.page).selectOption('ru');
    await this.page.locator('html[lang="ru"]').waitFor();
    await expectAccessible(this.page, `${name} (ru)`);
    await languageSwitch(this.page).selectOption('en');
    await this.page.locator('html[lang="en"]').waitFor();
  }

  async correctOptions(questions: readonly ServedQuestion[]): Promise<Map<number, number>> {
    const rows = await this.pool.query<{ id: number; correct_option_id: number }>(
      'SELECT id, correct_option_id FROM questions WHERE id = ANY($1)',
      [questions.map((q) => q.id)],
    );
    return new Map(rows.rows.map((row) => [row.id, row.correct_option_id]));
  }

  /** Clicks the button that starts a test and returns the questions the app received. */
  async start(button: RegExp | string, path: RegExp): Promise<ServedQuestion[]> {
    const response = this.page.waitForResponse((r: Response) => path.test(new URL(r.url()).pathname) && r.ok());
    await this.page.getByRole('button', { name: button }).click();
    const body = (await (await response).json()) as { questions: ServedQuestion[] };
    return body.questions;
  }

  /** Answers every question with the mouse (`right(i)`: correctly or not), then confirms the submit. */
  async answerAll(questions: readonly ServedQuestion[], right: (index: number) => boolean): Promise<void> {
    const correct = await this.correctOptions(questions);
    for (const [index, question] of questions.entries()) {
      await this.page.getByText(`Question ${index + 1} of ${questions.length}`, { exact: true }).waitFor();
      const option = right(index)
        ? question.options.find((o) => o.id === correct.get(question.id))!
        : question.options.find((o) => o.id !== correct.get(question.id))!;
      // The native radio is visually hidden inside its label, as in most designed radio groups: click the label.
      await this.page.getByRole('radiogroup').getByText(option.text, { exact: true }).click();
      if (index < questions.length - 1) await this.page.getByRole('button', { name: 'Next', exact: true }).click();
    }
    await this.page.getByRole('button', { name: 'Submit answers' }).click();
    await this.page.getByRole('dialog').getByRole('button', { name: 'Submit', exact: true }).click();
  }

  /** The same with the keyboard alone: Tab to move, arrows to choose, Enter to press. */
  async answerAllWithKeyboard(questions: readonly ServedQuestion[], right: (index: number) => boolean): Promise<void> {
    const correct = await this.correctOptions(questions);
    await this.tabTo('radio');
    for (const [index, question] of questions.entries()) {
      await this.page.getByText(`Question ${index + 1} of ${questions.length}`, { exact: true }).waitFor();
      const wanted = right(index)
        ? question.options.findIndex((o) => o.id === correct.get(question.id))
        : question.options.findIndex((o) => o.id !== correct.get(question.id));
      // Focus is on the first option; Space selects it, each ArrowDown moves the selection one down.
      if (wanted === 0) await this.page.keyboard.press('Space');
      for (let i = 0; i < wanted; i += 1) await this.page.keyboard.press('ArrowDown');
      await this.tabTo(index < questions.length - 1 ? 'Next' : 'Submit answers');
      await this.page.keyboard.press('Enter');
    }
    await this.page.getByRole('dialog').waitFor();
    await this.tabTo('Submit');
    await this.page.keyboard.press('Enter');
  }

  /** Presses Tab until the focused element is a radio (`'radio'`) or has exactly this text. */
  private async tabTo(target: string): Promise<void> {
    for (let i = 0; i < 25; i += 1) {
      const focused = await this.page.evaluate(() => {
        // Runs in the page (a DOM, which this file's TypeScript setup does not declare).
        const el = (globalThis as any).document.activeElement;
        return { type: el?.getAttribute('type') ?? '', text: el?.textContent?.trim() ?? '' };
      });
      if (target === 'radio' ? focused.type === 'radio' : focused.text === target) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`keyboard: could not reach ${target} with Tab`);
  }
}
