import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/web-build.js';
import { useTestDatabase } from '../support/database.js';
import { httpClient } from '../support/http-client.js';
import { JourneyApi } from '../support/reliability/journey-api.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';
import { chromiumAvailable, launchChromium, openPage, watch } from './support/browser.js';
import { LearnerApp } from './support/learner-app.page.js';

/**
 * Browser sessions against the real refresh endpoints: access tokens that live one minute (the
 * shortest the server allows), several tabs of one browser sharing one refresh cookie.
 */
if (chromiumAvailable()) {
  describe('E2E: browser sessions in Chromium', function () {
    this.timeout(300_000);
    const db = useTestDatabase({ seeded: true });
    let server: ServerProcess;
    let browser: Browser;
    let journey: JourneyApi;

    before(async () => {
      ensureWebBuild(() => undefined);
      server = await startServerProcess({ databaseUrl: db.url, env: { JWT_ACCESS_TTL_MINUTES: '1' } });
      browser = await launchChromium();
      journey = new JourneyApi(httpClient(server.url), db.pool);
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    async function logIn(page: Page, email: string, password: string) {
      await page.goto(`${server.url}/login`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.getByRole('heading', { name: 'Your progress' }).waitFor();
    }

    it('an access token expires mid-exam and the learner finishes without logging in again', async () => {
      const learner = await journey.eligibleLearner();
      const { context, page, problems } = await openPage(browser);
      const refreshes: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/v1/auth/refresh')) refreshes.push(request.method());
      });
      await logIn(page, learner.email, learner.password);
      await page.getByRole('link', { name: 'Go to the level exam' }).click();
      const app = new LearnerApp(page, db.pool);
      const questions = await app.start('Start the exam', /\/exams\/level\/start$/);
      // The token issued at login expires while the learner thinks.
      await page.waitForTimeout(65_000);
      await app.answerAll(questions, () => true);
      await page.getByRole('heading', { name: /^Passed: 20 of 20/ }).waitFor();
      expect(refreshes.length).to.be.greaterThan(0);
      expect(await page.getByRole('heading', { name: 'Log in' }).count()).to.equal(0);
      expect(problems.requests, 'failed requests').to.deep.equal([]);
      expect(problems.console, 'console errors').to.deep.equal([]);
      await context.close();
    });

    it('a second tab and a reload keep the session; logging out in one tab logs out the other', async () => {
      const learner = await journey.diagnosedLearner();
      const { context, page: first, problems } = await openPage(browser);
      await logIn(first, learner.email, learner.password);

      const second = await context.newPage();
      const secondProblems = watch(second);
      await second.goto(`${server.url}/reading`);
      await second.getByRole('heading', { name: 'Reading list' }).waitFor();
      await second.reload();
      await second.getByRole('heading', { name: 'Reading list' }).waitFor();
      await first.reload();
      await first.getByRole('heading', { name: 'Your progress' }).waitFor();

      await first.getByRole('button', { name: 'Log out' }).click();
      await first.getByRole('heading', { name: 'Log in' }).waitFor();
      await second.getByRole('heading', { name: 'Log in' }).waitFor();
      await second.reload();
      await second.getByRole('heading', { name: 'Log in' }).waitFor();

      expect([...problems.requests, ...secondProblems.requests], 'failed requests').to.deep.equal([]);
      expect([...problems.console, ...secondProblems.console], 'console errors').to.deep.equal([]);
      await context.close();
    });
  });
}
