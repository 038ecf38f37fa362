import { existsSync } from 'node:fs';
import { expect } from 'chai';
import { chromium, type Browser } from 'playwright-core';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The refresh cookie in a real browser: Chromium stores it from the login, hides it from scripts,
 * sends it to /api/v1/auth/refresh by itself, and keeps sending it after a rotation; logout
 * clears it. The browser, not the test, decides what is sent.
 */
describe('refresh cookie in Chromium', function () {
  this.timeout(60_000);
  const api = useApi();
  let browser: Browser;

  before(async function () {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => browser?.close());

  it('logs in, refreshes with the HttpOnly cookie twice, cannot read it, and logs out', async () => {
    const learner = await newLearner(api);
    const page = await browser.newPage();
    // A page on the API's own origin, as the web app served by the same host would be.
    await page.goto(`${api.baseUrl}/api/v1/health`);
    // A script string: tsx would wrap named functions of a closure in helpers the page does not have.
    const outcome = await page.evaluate(`(async () => {
      const post = async (path, body) => {
        const response = await fetch(path, {
          method: 'POST',
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        return { status: response.status, body: text.length > 0 ? JSON.parse(text) : null };
      };
      const login = await post('/api/v1/auth/login', ${JSON.stringify({ email: learner.email, password: learner.password })});
      const visible = document.cookie;
      const first = await post('/api/v1/auth/refresh');
      const second = await post('/api/v1/auth/refresh');
      const me = await fetch('/api/v1/users/me', { headers: { authorization: 'Bearer ' + second.body.access_token } });
      const logout = await post('/api/v1/auth/logout');
      const afterLogout = await post('/api/v1/auth/refresh');
      return {
        login: login.status,
        visible,
        first: first.status,
        second: second.status,
        me: me.status,
        logout: logout.status,
        afterLogout: afterLogout.status,
      };
    })()`);
    expect(outcome).to.deep.equal({
      login: 200,
      visible: '',
      first: 200,
      second: 200,
      me: 200,
      logout: 204,
      afterLogout: 401,
    });
    const cookies = await page.context().cookies(api.baseUrl + '/api/v1/auth/refresh');
    expect(cookies.filter((cookie) => cookie.name === 'alp_refresh')).to.deep.equal([]);
    // Two rotations in the browser's session: one family of three tokens, all ended by the logout.
    const rows = await api.db.pool.query(
      `SELECT count(*)::int AS tokens, bool_and(revoked_at IS NOT NULL) AS ended
       FROM refresh_tokens WHERE user_id = $1 AND family_id = (SELECT max(family_id) FROM refresh_tokens WHERE user_id = $1)`,
      [learner.id],
    );
    expect(rows.rows[0]).to.deep.equal({ tokens: 3, ended: true });
    await page.close();
  });

  it('stores it HttpOnly, SameSite=Strict, on Path=/api/v1/auth only', async () => {
    const learner = await newLearner(api);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/api/v1/health`);
    await page.evaluate(
      async ({ email, password }) =>
        fetch('/api/v1/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        }),
      { email: learner.email, password: learner.password },
    );
    const [cookie] = (await context.cookies()).filter((c) => c.name === 'alp_refresh');
    expect(cookie).to.include({ path: '/api/v1/auth', httpOnly: true, sameSite: 'Strict', secure: false });
    // Not sent to domain endpoints: the browser attaches it to /api/v1/auth/* only.
    expect(await context.cookies(`${api.baseUrl}/api/v1/users/me`)).to.deep.equal([]);
    await context.close();
  });
});
