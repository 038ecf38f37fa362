import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/web-build.js';
import { useTestDatabase } from '../support/database.js';
import { newAdmin, type Admin } from '../support/fixtures/identity.js';
import { httpClient, type HttpClient } from '../support/http-client.js';
import { JourneyApi } from '../support/reliability/journey-api.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';
import { AdminConsole } from './support/admin-console.page.js';
import { chromiumAvailable, launchChromium, openPage } from './support/browser.js';

/**
 * The admin console in real Chromium against a real server process on a fresh seeded database. The
 * learner reaches the approval through the API (the learner journey E2E walks that part in the browser).
 */
if (chromiumAvailable()) {
  describe('E2E: the admin console in Chromium', function () {
    this.timeout(300_000);
    const db = useTestDatabase({ seeded: true });
    let server: ServerProcess;
    let browser: Browser;
    let client: HttpClient;
    let admin: Admin;

    before(async () => {
      ensureWebBuild(() => undefined);
      server = await startServerProcess({ databaseUrl: db.url });
      browser = await launchChromium();
      client = httpClient(server.url);
      admin = await newAdmin({ request: client.request, db: { pool: db.pool } });
    });
    after(async () => {
      await browser?.close();
      await server?.stop();
    });

    it('rejects an approval with a comment, the learner resubmits, the admin approves and the learner sees the next stage', async () => {
      const learner = await new JourneyApi(client, db.pool).waitingLearner();
      const adminTab = await openPage(browser);
      const console_ = new AdminConsole(adminTab.page, db.pool);
      const { page } = adminTab;

      await page.goto(`${server.url}/admin/`);
      await page.getByRole('heading', { name: 'Administrator log in' }).waitFor();
      await console_.checkScreen('admin login', 'admin-login');
      await console_.logIn(server.url, admin.email, admin.password);
      await console_.checkScreen('admin home');

      await console_.openPendingRequestOf(learner.email);
      await page.getByRole('table', { name: 'Level exam' }).getByRole('row').nth(1).waitFor();
      await console_.checkScreen('approval detail', 'admin-approval-detail');
      // Reject stays disabled until a comment is written: a rejection always tells the learner why.
      const reject = page.getByRole('button', { name: 'Reject' });
      expect(await reject.isDisabled()).to.equal(true);
      await page.getByLabel('Comment').fill('Please review the weak modules once more.');
      await reject.click();
      await page.getByRole('heading', { name: /— Rejected$/ }).waitFor();
      await page.getByText('Comment: Please review the weak modules once more.').waitFor();

      await page.getByRole('link', { name: 'Back to the queue' }).click();
      await page.getByLabel('Status').selectOption('rejected');
      await page.getByRole('row').filter({ hasText: learner.email }).waitFor();
      await console_.checkScreen('approval queue (rejected)', 'admin-approval-queue');
      await console_.expectFitsAt360('approval queue');

      // The learner sees the comment and resubmits in the learner app.
      const learnerTab = await openPage(browser);
      const lp = learnerTab.page;
      await lp.goto(`${server.url}/`);
      await lp.getByLabel('Email').fill(learner.email);
      await lp.getByLabel('Password').fill(learner.password);
      await lp.getByRole('button', { name: 'Log in' }).click();
      await lp.getByRole('heading', { name: 'Your progress' }).waitFor();
      await lp.getByRole('link', { name: 'Approvals', exact: true }).click();
      await lp.getByText('Comment: Please review the weak modules once more.').waitFor();
      await lp.getByRole('button', { name: 'Resubmit' }).click();
      await lp.getByText('Resubmitted: a new request is pending.').waitFor();

      // The admin finds the new request in the pending queue and approves it.
      await page.reload();
      await page.getByRole('heading', { name: 'Approval queue' }).waitFor();
      await console_.openPendingRequestOf(learner.email);
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.getByRole('heading', { name: /— Approved$/ }).waitFor();

      await lp.getByRole('link', { name: 'Dashboard' }).click();
      await lp.getByRole('heading', { name: /^Current stage: Junior 1 — In progress/ }).waitFor();

      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Administrator log in' }).waitFor();

      for (const tab of [adminTab, learnerTab]) {
        expect(tab.problems.requests, 'failed requests').to.deep.equal([]);
        expect(tab.problems.console, 'console errors').to.deep.equal([]);
        await tab.context.close();
      }
    });

    it('drafts a settings version with an invalid value, sees each rule at its field, fixes it and activates it', async () => {
      const { context, page, problems } = await openPage(browser);
      const console_ = new AdminConsole(page, db.pool);
      await console_.logIn(server.url, admin.email, admin.password);

      await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
      await page.getByRole('heading', { name: 'Settings versions' }).waitFor();
      await page.getByRole('main').getByRole('listitem').first().waitFor();
      await console_.checkScreen('settings: tracks');
      await page.getByRole('main').getByRole('listitem').first().getByRole('link').click();
      await page.getByRole('cell', { name: 'Active' }).waitFor();
      await console_.checkScreen('settings: versions', 'admin-settings-versions');

      await page.getByRole('button', { name: 'New draft from the active version' }).click();
      await page.getByRole('heading', { name: /^Version \d+ — Draft$/ }).waitFor();
      const versionId = Number(new URL(page.url()).pathname.split('/').pop());
      const minLabel = 'Level exam: min per weak module';
      const original = await page.getByLabel(minLabel, { exact: true }).inputValue();
      await page.getByLabel(minLabel, { exact: true }).fill('30');
      await page.getByRole('button', { name: 'Save draft' }).click();

      await page
        .getByRole('alert')
        .filter({ hasText: /consistency rule/ })
        .waitFor();
      expect(await page.getByLabel(minLabel, { exact: true }).getAttribute('aria-invalid')).to.equal('true');
      const rules = await console_.descriptionOf(minLabel);
      const atTotal = await console_.descriptionOf('Level exam: questions');
      expect(`${rules} ${atTotal}`).to.match(/level_exam_min_per_module \(30\)/);
      await console_.checkScreen('settings editor with rules at their fields', 'admin-settings-invalid');
      await console_.expectFitsAt360('settings editor');

      await page.getByLabel(minLabel, { exact: true }).fill(original);
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByText('Draft saved.').waitFor();
      expect(await page.getByLabel(minLabel, { exact: true }).getAttribute('aria-invalid')).to.equal(null);

      await page.getByRole('button', { name: 'Activate' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
      await page.getByRole('heading', { name: /^Version \d+ — Active$/ }).waitFor();
      const { rows } = await db.pool.query('SELECT status FROM settings_versions WHERE id = $1', [versionId]);
      expect(rows[0].status).to.equal('active');

      // The one refused request is the invalid draft, answered 422 as the contract says.
      expect(problems.requests).to.deep.equal([`PATCH ${server.url}/api/v1/admin/settings-versions/${versionId} 422`]);
      expect(
        problems.console.filter((m) => !/status of 422/.test(m)),
        'console errors',
      ).to.deep.equal([]);
      await context.close();
    });
  });
}
