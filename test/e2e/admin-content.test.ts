import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ensureWebBuild } from '../../src/cli/web-build.js';
import { useTestDatabase } from '../support/database.js';
import { newAdmin, type Admin } from '../support/fixtures/identity.js';
import { httpClient, type HttpClient } from '../support/http-client.js';
import { JourneyApi } from '../support/reliability/journey-api.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';
import { AdminConsole } from './support/admin-console.page.js';
import { AdminContent } from './support/admin-content.page.js';
import { chromiumAvailable, expectAccessible, launchChromium, openPage, type PageProblems } from './support/browser.js';

/**
 * The admin console's content screens in real Chromium against a real server process on a fresh seeded
 * database: tracks and modules, the question bank with item statistics, articles with their minitests.
 */
if (chromiumAvailable()) {
  describe('E2E: the admin console content screens in Chromium', function () {
    this.timeout(300_000);
    const db = useTestDatabase({ seeded: true });
    let server: ServerProcess;
    let browser: Browser;
    let client: HttpClient;
    let admin: Admin;
    const unique = Date.now().toString(36);

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

    function expectNoProblems(problems: PageProblems): void {
      expect(problems.requests, 'failed requests').to.deep.equal([]);
      expect(problems.console, 'console errors').to.deep.equal([]);
    }

    it('adds a module by keyboard only, then adds a question, rewords it and deactivates it', async () => {
      const { context, page, problems } = await openPage(browser);
      const console_ = new AdminConsole(page, db.pool);
      const content = new AdminContent(page);
      await console_.logIn(server.url, admin.email, admin.password);
      await content.openTrack('default');
      await console_.checkScreen('track with its modules', 'admin-track');

      // Keyboard only: Tab to the module name, type it, Enter submits; Tab to the new module's bank, Enter.
      const moduleName = `e2e-module-${unique}`;
      await page.getByRole('link', { name: 'Skip to content' }).focus();
      await content.tabTo(page.getByLabel('Module name'));
      expect(await content.focusIsVisible(), 'visible focus on the name field').to.equal(true);
      await page.keyboard.type(moduleName);
      await page.keyboard.press('Enter');
      const bankLink = page.getByRole('link', { name: `Question bank of ${moduleName}` });
      await bankLink.waitFor();
      await page.getByRole('link', { name: 'Skip to content' }).focus();
      await content.tabTo(bankLink);
      expect(await content.focusIsVisible(), 'visible focus on the link').to.equal(true);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `Question bank: ${moduleName}` }).waitFor();
      await page.getByText('No questions in this module yet.').waitFor();
      const { rows: modules } = await db.pool.query('SELECT id FROM modules WHERE name = $1', [moduleName]);
      expect(modules).to.have.length(1);
      await console_.checkScreen('empty question bank');

      await content.addQuestion(`Which keyword removes duplicate rows (${unique})?`, ['UNIQUE', 'DISTINCT', 'ONLY'], 2);
      await page.getByRole('row').filter({ hasText: 'Which keyword removes duplicate rows' }).waitFor();
      await console_.checkScreen('question bank with its new-question form', 'admin-question-bank');
      await console_.expectFitsAt360('question bank');

      await page.getByRole('link', { name: 'Open it' }).click();
      await page.getByRole('heading', { name: /^Question \d+ — Active$/ }).waitFor();
      const questionId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByText('No flags:', { exact: false }).waitFor();
      await console_.checkScreen('question detail');

      const text = page.getByLabel('Question text');
      await text.fill(`Which SQL keyword removes duplicate rows (${unique})?`);
      await page.getByRole('button', { name: 'Save text' }).click();
      await page.getByText('Text saved.').waitFor();

      // The confirmation is modal (the language control behind it is inert): check it in each language.
      const dialog = page.getByRole('dialog');
      for (const [language, deactivate] of [
        ['en', 'Deactivate'],
        ['ru', 'Деактивировать'],
      ] as const) {
        await page.getByRole('button', { name: deactivate }).click();
        await dialog.waitFor();
        await expectAccessible(page, `deactivate confirmation (${language})`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        await page.getByLabel(language === 'en' ? 'Language' : 'Язык').selectOption(language === 'en' ? 'ru' : 'en');
        await page.locator(`html[lang="${language === 'en' ? 'ru' : 'en'}"]`).waitFor();
      }
      await page.getByRole('button', { name: 'Deactivate' }).click();
      await dialog.getByRole('button', { name: 'Deactivate' }).click();
      await page.getByRole('heading', { name: /^Question \d+ — Inactive$/ }).waitFor();
      await page.getByText('The question is deactivated.').waitFor();

      const { rows } = await db.pool.query('SELECT text, is_active, module_id FROM questions WHERE id = $1', [
        questionId,
      ]);
      expect(rows[0]).to.deep.equal({
        text: `Which SQL keyword removes duplicate rows (${unique})?`,
        is_active: false,
        module_id: modules[0].id,
      });
      expectNoProblems(problems);
      await context.close();
    });

    it("shows a module's item statistics with its flags explained, flagged first, and a flagged-only filter", async () => {
      // Evidence through the API: flags need item_min_responses answers, so the track's settings ask for one,
      // and one learner answers the whole diagnostika correctly (facility 1: too easy).
      const { rows: tracks } = await db.pool.query(`SELECT id FROM tracks WHERE name = 'default'`);
      const trackId = Number(tracks[0].id);
      const draft = await client.request('POST', `/api/v1/admin/tracks/${trackId}/settings-versions`, {
        token: admin.token,
        body: {},
      });
      expect(draft.status, draft.text).to.equal(201);
      const edit = await client.request('PATCH', `/api/v1/admin/settings-versions/${draft.body.id}`, {
        token: admin.token,
        body: { settings: { item_min_responses: 1 } },
      });
      expect(edit.status, edit.text).to.equal(200);
      const activated = await client.request('POST', `/api/v1/admin/settings-versions/${draft.body.id}/activate`, {
        token: admin.token,
      });
      expect(activated.status, activated.text).to.equal(200);
      await new JourneyApi(client, db.pool).diagnosedLearner();

      const { context, page, problems } = await openPage(browser);
      const console_ = new AdminConsole(page, db.pool);
      const content = new AdminContent(page);
      await console_.logIn(server.url, admin.email, admin.password);
      await content.openTrack('default');
      await page.getByRole('link', { name: 'Item statistics of python-basics' }).click();
      await page.getByRole('heading', { name: 'Item statistics: python-basics' }).waitFor();
      await page.getByText('Too easy.').first().waitFor();
      const sections = page.getByRole('main').getByRole('region');
      const all = await sections.count();
      // Flagged first: once a section shows no flag, none after it does.
      const flagged = await Promise.all(
        Array.from({ length: all }, (_, i) => sections.nth(i).getByRole('list', { name: 'Flags' }).count()),
      );
      expect(flagged[0]).to.equal(1);
      expect(flagged.join('')).to.match(/^1+0*$/);
      await page
        .getByText(/Almost everyone answers it correctly/)
        .first()
        .waitFor();
      await console_.checkScreen('item statistics report', 'admin-item-statistics');
      await console_.expectFitsAt360('item statistics report');

      const filtered = page.waitForResponse((r) => r.url().includes('flagged_only=true') && r.ok());
      await page.getByText('Flagged questions only').click();
      await filtered;
      await page.getByRole('main').getByRole('region').first().waitFor();
      const onlyFlagged = await sections.count();
      expect(onlyFlagged).to.equal(flagged.filter((f) => f === 1).length);
      for (let i = 0; i < onlyFlagged; i += 1)
        expect(await sections.nth(i).getByRole('list', { name: 'Flags' }).count()).to.equal(1);
      await console_.checkScreen('item statistics, flagged only');

      await sections.first().getByRole('heading').getByRole('link').click();
      await page.getByRole('heading', { name: /^Question \d+ — Active$/ }).waitFor();
      await page.getByText('Too easy.').waitFor();
      expect(
        await page
          .getByRole('table', { name: /How often each option was chosen/ })
          .getByRole('row')
          .count(),
      ).to.be.greaterThan(2);
      await console_.checkScreen('question detail with flags', 'admin-question-statistics');
      expectNoProblems(problems);
      await context.close();
    });

    it('creates a required article with a markdown preview that renders no raw HTML, then sets its minitest', async () => {
      const { context, page, problems } = await openPage(browser);
      const console_ = new AdminConsole(page, db.pool);
      await console_.logIn(server.url, admin.email, admin.password);
      await page.getByRole('navigation').getByRole('link', { name: 'Articles' }).click();
      await page.getByRole('heading', { name: 'Articles', exact: true }).waitFor();
      await page.getByRole('main').getByRole('table').or(page.getByText('No articles match')).first().waitFor();
      await console_.checkScreen('articles list');

      await page.getByRole('link', { name: 'New article' }).click();
      await page.getByRole('heading', { name: 'New article' }).waitFor();
      await page.getByLabel('Track').selectOption({ label: 'default' });
      await page.getByLabel('Module').selectOption({ label: 'python-basics' });
      await page.getByLabel('Stage').selectOption({ label: 'Trainee' });
      await page.getByLabel('Kind').selectOption({ label: 'Required (with a minitest)' });
      await page.getByLabel('Title').fill(`Lists in depth ${unique}`);
      await page.getByLabel('Content reference').fill(`python-basics/trainee/lists-${unique}`);
      await page
        .getByLabel('Body (markdown)')
        .fill('# Lists\n\nA list is **mutable**.\n\n<img src="x" onerror="alert(1)"><script>alert(2)</script>');
      const preview = page.getByRole('region', { name: 'Preview, as learners see it' });
      await preview.getByRole('heading', { name: 'Lists', level: 2 }).waitFor();
      expect(await preview.locator('strong').textContent()).to.equal('mutable');
      expect(await preview.locator('img, script').count(), 'raw HTML is not rendered').to.equal(0);
      await console_.checkScreen('new article with preview', 'admin-article-new');
      await console_.expectFitsAt360('new article');

      await page.getByRole('button', { name: 'Create article' }).click();
      await page.getByRole('heading', { name: `Lists in depth ${unique}`, level: 1 }).waitFor();
      const articleId = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByText('Not set yet: learners are not given this article').waitFor();

      const choices = page.getByRole('group', { name: /^Questions of the article's module/ }).getByRole('checkbox');
      await choices.first().waitFor();
      for (let i = 0; i < 3; i += 1) await choices.nth(i).check();
      await page.getByText("Questions of the article's module (3 chosen)").waitFor();
      await console_.checkScreen('article with its minitest editor', 'admin-article-minitest');
      await page.getByRole('button', { name: 'Save minitest' }).click();
      await page.getByText('Minitest saved.').waitFor();

      const { rows } = await db.pool.query(
        'SELECT question_id FROM article_minitest_questions WHERE article_id = $1 ORDER BY pos',
        [articleId],
      );
      expect(rows).to.have.length(3);
      const picked = rows.map((r) => Number(r.question_id));
      const { rows: inModule } = await db.pool.query(
        `SELECT count(*)::int AS n FROM questions q JOIN modules m ON m.id = q.module_id
          WHERE q.id = ANY($1) AND m.name = 'python-basics' AND q.is_active`,
        [picked],
      );
      expect(inModule[0].n).to.equal(3);
      const { rows: article } = await db.pool.query('SELECT body, kind FROM articles WHERE id = $1', [articleId]);
      expect(article[0].kind).to.equal('required');
      expect(article[0].body).to.contain('<script>alert(2)</script>'); // stored verbatim, only never rendered

      // The list shows it with its minitest set (oldest first: page on until it appears).
      await page.getByRole('link', { name: 'Back to the articles' }).click();
      await page.getByLabel('Module').selectOption({ label: 'python-basics' });
      await page.getByLabel('Kind').selectOption({ label: 'Required (with a minitest)' });
      const row = page.getByRole('row').filter({ hasText: `Lists in depth ${unique}` });
      const table = page.getByRole('main').getByRole('table');
      await table.waitFor();
      const tableRows = table.getByRole('row');
      for (let more = 0; (await row.count()) === 0 && more < 20; more += 1) {
        const before = await tableRows.count();
        await page.getByRole('button', { name: 'Show more' }).click();
        // The next page has landed when the table has grown; the button is disabled, then gone, meanwhile.
        await tableRows.nth(before).waitFor();
      }
      expect(await row.getByRole('cell', { name: 'set', exact: true }).count()).to.equal(1);
      expectNoProblems(problems);
      await context.close();
    });
  });
}
