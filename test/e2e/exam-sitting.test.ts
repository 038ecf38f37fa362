import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/web-build.js';
import { useTestDatabase } from '../support/database.js';
import { newAdmin, newLearner } from '../support/fixtures/identity.js';
import { httpClient } from '../support/http-client.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';
import { chromiumAvailable, launchChromium, openPage } from './support/browser.js';
import { LearnerApp } from './support/learner-app.page.js';

/**
 * A timed sitting in real Chromium (docs/product.md, "Exam sittings"): the diagnostika of a track whose active
 * version gives it 20 minutes. Choices are autosaved (the status says so), the time left counts down, and a reload
 * — a crashed tab, another device — resumes with the saved choices and the same deadline.
 */
if (chromiumAvailable()) {
  describe('E2E: a timed sitting autosaves and resumes in Chromium', function () {
    this.timeout(300_000);
    const db = useTestDatabase({ seeded: true });
    let server: ServerProcess;
    let browser: Browser;

    before(async () => {
      ensureWebBuild(() => undefined);
      server = await startServerProcess({ databaseUrl: db.url });
      browser = await launchChromium();
      const api = { ...httpClient(server.url), db: { pool: db.pool } };
      const admin = await newAdmin(api);
      const { rows } = await db.pool.query<{ id: number }>("SELECT id FROM tracks WHERE name = 'default'");
      const draft = await api.request('POST', `/api/v1/admin/tracks/${rows[0]!.id}/settings-versions`, {
        token: admin.token,
        body: { note: 'timed diagnostika', settings: { diagnostika_time_limit_minutes: 20 } },
      });
      expect(draft.status, draft.text).to.equal(201);
      const activated = await api.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, {
        token: admin.token,
      });
      expect(activated.status, activated.text).to.equal(200);
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('saves each choice, shows the time left and restores the choices after a reload', async () => {
      const learner = await newLearner(httpClient(server.url));
      const { context, page, problems } = await openPage(browser);
      const app = new LearnerApp(page, db.pool);
      await page.goto(`${server.url}/`);
      await page.getByLabel('Email').fill(learner.email);
      await page.getByLabel('Password').fill(learner.password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('link', { name: 'Open the diagnostika' }).click();

      const questions = await app.start('Start the diagnostika', /\/diagnostika\/start$/);
      await page
        .getByRole('timer')
        .getByText(/^Time left: (20:00|19:5\d)$/)
        .waitFor();

      // Two choices with the mouse, one with the keyboard alone.
      const saved = page.waitForResponse((r) => r.url().endsWith('/api/v1/diagnostika/answers') && r.ok());
      await page.getByRole('radiogroup').getByText(questions[0]!.options[1]!.text, { exact: true }).click();
      await saved;
      await page.getByRole('status').getByText('All answers saved.').waitFor();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByRole('radiogroup').getByText(questions[1]!.options[2]!.text, { exact: true }).click();
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByText('Question 3 of 20', { exact: true }).waitFor();
      // Moving to a question puts the focus into its options: an arrow key chooses.
      await page.keyboard.press('ArrowDown');
      await page.getByText('Answered: 3 of 20').waitFor();
      await page.getByRole('status').getByText('All answers saved.').waitFor();
      await app.checkScreen('a timed sitting', 'exam-sitting');

      const stored = await db.pool.query(
        `SELECT s.question_id, s.selected_option_id FROM diagnostika_saved_answers s
           JOIN diagnostika_results d ON d.id = s.diagnostika_id JOIN users u ON u.id = d.user_id
          WHERE u.email = $1 ORDER BY s.question_id`,
        [learner.email],
      );
      expect(stored.rows.map((row) => [Number(row.question_id), Number(row.selected_option_id)])).to.have.deep.members([
        [questions[0]!.id, questions[0]!.options[1]!.id],
        [questions[1]!.id, questions[1]!.options[2]!.id],
        [questions[2]!.id, questions[2]!.options[1]!.id],
      ]);

      // A reload loses nothing: the resumed sitting restores every saved choice and keeps its deadline.
      await page.reload();
      await app.start('Start the diagnostika', /\/diagnostika\/start$/);
      await page.getByText('Answered: 3 of 20').waitFor();
      await page
        .getByRole('timer')
        .getByText(/^Time left: 19:\d\d$/)
        .waitFor();
      expect(await page.getByRole('radio', { name: questions[0]!.options[1]!.text, exact: true }).isChecked()).to.equal(
        true,
      );

      expect(problems.requests, 'failed requests').to.deep.equal([]);
      expect(problems.console, 'console errors').to.deep.equal([]);
      await context.close();
    });
  });
}
