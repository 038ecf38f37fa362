import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/web-build.js';
import { useTestDatabase } from '../support/database.js';
import { uniqueName } from '../support/fixtures/admin.js';
import { newAdmin, type Admin } from '../support/fixtures/identity.js';
import { httpClient, type HttpClient } from '../support/http-client.js';
import { JourneyApi } from '../support/reliability/journey-api.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';
import { AdminConsole } from './support/admin-console.page.js';
import { AdminPeople } from './support/admin-people.page.js';
import { chromiumAvailable, expectAccessible, launchChromium, openPage } from './support/browser.js';
import { languageSwitch } from './support/learner-app.page.js';

/**
 * The admin console's people and operations screens in real Chromium against a real server process on a
 * fresh seeded database: learners (search, detail, deactivate, reactivate), bundle import, the audit log.
 */
if (chromiumAvailable()) {
  describe('E2E: learners, bundle import and the audit log in the admin console', function () {
    this.timeout(300_000);
    const db = useTestDatabase({ seeded: true });
    let server: ServerProcess;
    let browser: Browser;
    let client: HttpClient;
    let admin: Admin;
    let files: string;

    before(async () => {
      ensureWebBuild(() => undefined);
      server = await startServerProcess({ databaseUrl: db.url });
      browser = await launchChromium();
      client = httpClient(server.url);
      admin = await newAdmin({ request: client.request, db: { pool: db.pool } });
      files = mkdtempSync(join(tmpdir(), 'alp-import-'));
    });
    after(async () => {
      rmSync(files, { recursive: true, force: true });
      await browser?.close();
      await server?.stop();
    });

    it('finds a learner by keyboard, opens the detail, deactivates them (login refused), reactivates them, and the audit log shows both', async () => {
      const learner = await new JourneyApi(client, db.pool).waitingLearner();
      const { context, page, problems } = await openPage(browser);
      const console_ = new AdminConsole(page, db.pool);
      const people = new AdminPeople(page);
      await console_.logIn(server.url, admin.email, admin.password);

      // The overview links to every area; the header keeps Log out on one line at desktop widths, and its
      // eight links on one row under the brand.
      const main = page.getByRole('main');
      for (const area of ['Approvals', 'Learners', 'Settings', 'Import', 'Audit log'])
        await main.getByRole('link', { name: area, exact: true }).waitFor();
      await console_.checkScreen('admin overview', 'admin-home');
      for (const width of [1280, 1024, 800]) {
        await page.setViewportSize({ width, height: 900 });
        await people.expectHeaderToolsOnOneLine(`at ${width} px (en)`);
        if (width >= 1024) await people.expectNavigationOnOneRow(`at ${width} px (en)`);
        await languageSwitch(page).selectOption('ru');
        await people.expectHeaderToolsOnOneLine(`at ${width} px (ru)`);
        if (width >= 1024) await people.expectNavigationOnOneRow(`at ${width} px (ru)`);
        await languageSwitch(page).selectOption('en');
      }
      await page.setViewportSize({ width: 1280, height: 900 });

      // Keyboard only from here to the deactivation: Tab, typing, Enter.
      await people.tabTo(page.getByRole('navigation').getByRole('link', { name: 'Learners' }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Learners' }).waitFor();
      await people.tabTo(page.getByLabel('Email or name contains'));
      await page.keyboard.type(learner.email.split('@')[0]!);
      await page.keyboard.press('Enter');
      const row = page.getByRole('row').filter({ hasText: learner.email });
      await row.waitFor();
      expect(await page.getByRole('table').getByRole('row').count(), 'header + the one match').to.equal(2);
      expect(new URL(page.url()).searchParams.get('q')).to.equal(learner.email.split('@')[0]);
      await row.getByRole('cell', { name: 'Trainee, awaiting approval' }).waitFor();
      await console_.checkScreen('learner search', 'admin-learners');
      await console_.expectFitsAt360('learner search');

      await people.tabTo(row.getByRole('link', { name: 'Test Learner' }));
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Test Learner' }).waitFor();
      await page.getByText('Active: the learner can log in.').waitFor();
      await page.getByRole('heading', { name: 'Weakness' }).waitFor();
      await page.getByText(/^Diagnostika of .+: \d+ of \d+ correct\. Per module:$/).waitFor();
      const attempts = page.getByRole('table', { name: 'Newest first' });
      expect(await people.rowsOf(attempts)).to.have.length.greaterThan(0);
      const assembly = page.getByText(/^How attempt 1 \(Level exam, Trainee\) was assembled$/);
      await people.tabTo(assembly);
      await page.keyboard.press('Enter');
      const allocation = page.getByRole('table', { name: 'Questions per module' });
      await allocation.waitFor();
      const allocated = await people.rowsOf(allocation);
      expect(allocated.some((cells) => cells[2] === 'one of the weakest modules')).to.equal(true);
      await page.getByRole('table', { name: 'Weakness profile used, weakest first' }).waitFor();
      await console_.checkScreen('learner detail with an assembly open', 'admin-learner-detail');
      await console_.expectFitsAt360('learner detail');

      await people.tabTo(page.getByRole('button', { name: 'Deactivate' }));
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Deactivate Test Learner?' });
      await dialog.waitFor();
      await expectAccessible(page, 'deactivate dialog (en)');
      await people.tabTo(dialog.getByRole('button', { name: 'Deactivate' }), 5);
      await page.keyboard.press('Enter');
      await page.getByText('The learner is deactivated.').waitFor();
      await page.getByText(/^Deactivated: the learner cannot log in/).waitFor();

      // The learner cannot log in, and the access token they hold is refused at once.
      const refused = await client.request('POST', '/api/v1/auth/login', {
        body: { email: learner.email, password: learner.password },
      });
      expect([refused.status, refused.body.code]).to.deep.equal([401, 'invalid_credentials']);
      expect((await client.request('GET', '/api/v1/users/me', { token: learner.token })).status).to.equal(403);

      // Reactivation, in Russian this time: its dialog is checked in the other language.
      await languageSwitch(page).selectOption('ru');
      await page.getByRole('button', { name: 'Разблокировать' }).click();
      const again = page.getByRole('dialog', { name: 'Разблокировать: Test Learner?' });
      await again.waitFor();
      await expectAccessible(page, 'reactivate dialog (ru)');
      await again.getByRole('button', { name: 'Разблокировать' }).click();
      await page.getByText('Учётная запись снова активна.').waitFor();
      await languageSwitch(page).selectOption('en');
      const back = await client.request('POST', '/api/v1/auth/login', {
        body: { email: learner.email, password: learner.password },
      });
      expect(back.status).to.equal(200);

      // The audit log, filtered to this learner, shows both changes, newest first.
      await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
      await page.getByRole('heading', { name: 'Audit log' }).waitFor();
      await page.getByLabel('Entity type').selectOption('learner');
      await page.getByLabel('Entity id').fill(String(learner.id));
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.getByRole('cell', { name: 'is_active: true' }).waitFor();
      const entries = await people.rowsOf(page.getByRole('table', { name: 'Changes, newest first' }));
      expect(entries.map((cells) => cells.slice(1))).to.deep.equal([
        [admin.email, 'Changed a learner’s accountlearner.update', `Learner ${learner.id}`, 'is_active: true'],
        [admin.email, 'Changed a learner’s accountlearner.update', `Learner ${learner.id}`, 'is_active: false'],
      ]);
      await console_.checkScreen('audit log', 'admin-audit-log');
      await console_.expectFitsAt360('audit log');

      expect(problems.requests, 'failed requests').to.deep.equal([]);
      expect(problems.console, 'console errors').to.deep.equal([]);
      await context.close();
    });

    it('imports a valid bundle and sees its summary, imports an invalid one and sees every problem at its path', async () => {
      const track = uniqueName('e2e-track');
      const valid = {
        track,
        modules: [
          {
            name: 'spark-basics',
            questions: [
              { text: 'What is an RDD?', options: ['A resilient distributed dataset', 'A database'], correct_pos: 1 },
              { text: 'Which call triggers computation?', options: ['map', 'count'], correct_pos: 2 },
              { text: 'What is a DataFrame?', options: ['A table with named columns', 'A plot'], correct_pos: 1 },
            ],
            articles: [
              {
                stage: 'trainee-0',
                kind: 'required',
                title: 'Spark in a nutshell',
                content_ref: `${track}/intro`,
                body: '# Spark',
                minitest: [1, 2, 3],
              },
              { stage: 'trainee-0', kind: 'optional', title: 'History of Spark', content_ref: `${track}/history` },
            ],
          },
        ],
      };
      const invalid = {
        track,
        modules: [
          {
            name: 'broken',
            questions: [{ text: 'Only one?', options: ['yes', 'no'], correct_pos: 1 }],
            articles: [
              { stage: 'expert-9', kind: 'required', title: 'Nowhere', content_ref: `${track}/x`, minitest: [1] },
              { stage: 'junior-1', kind: 'mandatory', title: 'Odd kind', content_ref: `${track}/y` },
            ],
          },
          { name: 'broken' },
        ],
      };
      writeFileSync(join(files, 'valid.json'), JSON.stringify(valid));
      writeFileSync(join(files, 'invalid.json'), JSON.stringify(invalid));
      // What the server says about the invalid bundle; the page must show every one of these problems.
      const refused = await client.request('POST', '/api/v1/admin/import', { token: admin.token, body: invalid });
      expect(refused.status, refused.text).to.equal(422);
      const expected = (refused.body.errors as { path: string; message: string; code: string }[]).map((item) => [
        item.path.replace(/^\/body/, ''),
        `${item.message} (${item.code})`,
      ]);
      expect(expected.length).to.be.greaterThan(3);

      const { context, page, problems } = await openPage(browser);
      const console_ = new AdminConsole(page, db.pool);
      const people = new AdminPeople(page);
      await console_.logIn(server.url, admin.email, admin.password);
      await page.getByRole('navigation').getByRole('link', { name: 'Import' }).click();
      await page.getByRole('heading', { name: 'Import a content bundle' }).waitFor();
      await console_.checkScreen('import');

      await people.chooseFile(join(files, 'valid.json'));
      await page.getByRole('button', { name: 'Import the bundle' }).click();
      const done = await page.getByText(/^Imported into track id \d+\.$/).textContent();
      const trackId = Number(/\d+/.exec(done!)![0]);
      const { rows } = await db.pool.query('SELECT name FROM tracks WHERE id = $1', [trackId]);
      expect(rows).to.deep.equal([{ name: track }]);
      expect(await people.rowsOf(page.getByRole('table', { name: 'What the import did' }))).to.deep.equal([
        ['Tracks', '1', '0'],
        ['Modules', '1', '0'],
        ['Questions', '3', '0'],
        ['Articles', '2', '0'],
        ['Minitests', '1', '0'],
      ]);
      await console_.checkScreen('import summary', 'admin-import-summary');

      await people.chooseFile(join(files, 'invalid.json'));
      await page.getByRole('button', { name: 'Import the bundle' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: `the bundle has ${expected.length} problems` })
        .waitFor();
      const shown = await people.rowsOf(page.getByRole('table', { name: 'Every problem, where it is in the bundle' }));
      expect(shown).to.deep.equal(expected);
      await console_.checkScreen('import problems', 'admin-import-problems');
      await console_.expectFitsAt360('import problems');

      // The import is in the audit log, with what it created.
      await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
      await page.getByLabel('Entity type').selectOption('track');
      await page.getByLabel('Entity id').fill(String(trackId));
      await page.getByRole('button', { name: 'Apply filters' }).click();
      const entry = page.getByRole('row').filter({ hasText: 'Imported a content bundle' });
      await entry.waitFor();
      await entry.getByText(`track: ${track}`).waitFor();
      // jsonb keeps its own key order, so the counts are checked one by one.
      const created = await entry
        .getByRole('listitem')
        .filter({ hasText: /^created:/ })
        .textContent();
      for (const count of ['tracks 1', 'modules 1', 'questions 3', 'articles 2', 'minitests 1'])
        expect(created).to.include(count);

      // The one refused request is the invalid bundle, answered 422 as the contract says.
      expect(problems.requests).to.deep.equal([`POST ${server.url}/api/v1/admin/import 422`]);
      expect(
        problems.console.filter((m) => !/status of 422/.test(m)),
        'console errors',
      ).to.deep.equal([]);
      await context.close();
    });
  });
}
