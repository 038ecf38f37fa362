import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/web-build.js';
import { useTestDatabase } from '../support/database.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';
import { chromiumAvailable, launchChromium, openPage } from './support/browser.js';
import { LearnerApp } from './support/learner-app.page.js';

/**
 * The learner app in real Chromium against a real server (src/main.ts in a child process, serving the
 * built web app) on a fresh seeded database: a new learner climbs from sign-up to the first approval.
 */
if (chromiumAvailable()) {
  describe('E2E: the learner journey in Chromium', function () {
    this.timeout(300_000);
    const db = useTestDatabase({ seeded: true });
    let server: ServerProcess;
    let browser: Browser;

    before(async () => {
      ensureWebBuild(() => undefined);
      server = await startServerProcess({ databaseUrl: db.url });
      browser = await launchChromium();
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('signs up, takes the diagnostika, reads, passes minitests, fails a level exam, passes on retry and waits for approval', async () => {
      const { context, page, problems } = await openPage(browser);
      const app = new LearnerApp(page, db.pool);

      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { name: 'Log in' }).waitFor();
      await app.checkScreen('login', 'login');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await app.checkScreen('sign up');
      await page.getByLabel('Full name').fill('Ada Browser');
      await page.getByLabel('Email').fill('ada.browser@example.com');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Sign up' }).click();

      await page.getByRole('heading', { name: 'Your progress' }).waitFor();
      await page.getByText(/^Take the diagnostika:/).waitFor();
      await app.checkScreen('dashboard before the diagnostika');

      // Diagnostika: every other question right, so the weakness chart has something to show.
      await page.getByRole('link', { name: 'Open the diagnostika' }).click();
      const diagnostika = await app.start('Start the diagnostika', /\/diagnostika\/start$/);
      await app.checkScreen('diagnostika runner', 'exam-runner');
      await app.answerAll(diagnostika, (i) => i % 2 === 0);
      await page.getByRole('heading', { name: 'Diagnostika completed' }).waitFor();
      await app.checkScreen('diagnostika result');

      // Reading: the list is assigned from the weak modules; optional articles are marked read,
      // required ones passed by their minitest (the first minitest fails once, then passes).
      await page.getByRole('link', { name: 'Get your reading list' }).click();
      await page.getByRole('button', { name: 'Get my reading list' }).click();
      const articles = page.getByRole('main').getByRole('listitem');
      await articles.first().waitFor();
      await app.checkScreen('reading list', 'reading-list');
      const titles = await articles.getByRole('link').allTextContents();
      expect(titles.length).to.be.greaterThan(0);
      let failedOnce = false;
      for (const [index, title] of titles.entries()) {
        await page.getByRole('link', { name: 'Reading', exact: true }).click();
        await page.getByRole('link', { name: title, exact: true }).click();
        await page.getByRole('heading', { name: title, level: 1 }).waitFor();
        if (index === 0) await app.checkScreen('article', 'article');
        if (await page.getByRole('button', { name: 'Mark as read' }).isVisible()) {
          await page.getByRole('button', { name: 'Mark as read' }).click();
          await page.getByText('You have read this article.').waitFor();
          continue;
        }
        const minitest = page.waitForResponse((r) => /\/minitest$/.test(new URL(r.url()).pathname) && r.ok());
        await page.getByRole('link', { name: 'Take the minitest' }).click();
        const questions = ((await (await minitest).json()) as { questions: never[] }).questions;
        if (!failedOnce) {
          await app.checkScreen('minitest');
          await app.answerAll(questions, () => false);
          await page.getByText(/Not passed: 0 of 3 correct/).waitFor();
          failedOnce = true;
          await page.getByRole('button', { name: 'Try again' }).click();
        }
        await app.answerAll(questions, () => true);
        await page.getByText('Passed: 3 of 3 correct.').waitFor();
      }

      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByText('You are admitted to the level exam.').waitFor();
      await app.checkScreen('dashboard, admitted to the exam', 'dashboard');

      // The level exam, failed with the keyboard alone…
      await page.getByRole('link', { name: 'Go to the level exam' }).click();
      const first = await app.start('Start the exam', /\/exams\/level\/start$/);
      await app.answerAllWithKeyboard(first, (i) => i < 5);
      await page.getByRole('heading', { name: /^Not passed: 5 of 20/ }).waitFor();
      await page.getByText('You stay on this stage.').waitFor();
      await app.checkScreen('exam result (failed)');

      // …then passed on the retry: the trainee stage ends with a request for approval.
      const second = await app.start('Start a new attempt', /\/exams\/level\/start$/);
      expect(second.map((q) => q.id)).not.to.deep.equal(first.map((q) => q.id));
      await app.answerAll(second, () => true);
      await page.getByRole('heading', { name: /^Passed: 20 of 20/ }).waitFor();
      await page.getByText('Your promotion now waits for an administrator.').waitFor();
      await app.checkScreen('exam result (passed)', 'exam-result');

      await page.getByRole('link', { name: 'Attempts' }).click();
      const levelAttempts = page.getByRole('region', { name: 'Level exams' }).getByRole('row');
      await levelAttempts.nth(2).waitFor();
      await page.getByRole('region', { name: 'Level exams' }).getByRole('cell', { name: 'Not passed' }).waitFor();
      await page
        .getByRole('region', { name: 'Level exams' })
        .getByRole('cell', { name: 'Passed', exact: true })
        .waitFor();
      expect(await levelAttempts.count()).to.equal(3); // header + two attempts
      await app.checkScreen('attempt history', 'attempts');

      await page.getByRole('link', { name: 'Approvals', exact: true }).click();
      await page.getByRole('heading', { name: 'Rank promotion — Pending' }).waitFor();
      await app.checkScreen('approvals', 'approvals');

      await page.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByText('Your promotion is waiting for an administrator’s decision.').waitFor();
      await page.getByRole('heading', { name: 'Current stage: Trainee — Waiting for approval' }).waitFor();

      // At 360 px (a small phone) the same screen fits without horizontal scrolling.
      await page.setViewportSize({ width: 360, height: 800 });
      const overflow = await page.evaluate(() => {
        const root = (globalThis as any).document.documentElement;
        return root.scrollWidth - root.clientWidth;
      });
      expect(overflow, 'horizontal overflow at 360 px').to.equal(0);
      await app.checkScreen('dashboard at 360 px', 'dashboard-360');
      await page.setViewportSize({ width: 1280, height: 900 });

      await page.getByRole('link', { name: 'Account' }).click();
      await page.getByText('This device').waitFor();
      await app.checkScreen('account', 'account');

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Log in' }).waitFor();

      expect(problems.requests, 'failed requests').to.deep.equal([]);
      expect(problems.console, 'console errors').to.deep.equal([]);
      await context.close();
    });
  });
}
