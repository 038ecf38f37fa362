import { createHash } from 'node:crypto';
import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { useApi, type ApiResponse } from '../../support/api.js';
import { newAdmin, newLearner, type Admin, type Learner } from '../../support/fixtures/identity.js';
import {
  COOKIE,
  cookieHeader,
  cookieValue,
  logIn,
  logOut,
  refresh,
  setCookieOf,
} from '../../support/fixtures/sessions.js';
import { fireConcurrently } from '../../support/reliability/races.js';
import { DAY, HOUR, TestClock } from '../../support/test-clock.js';
import { assertInvariants } from '../../reliability/invariants.js';

const APP_ORIGIN = 'https://app.example.com';
const sha256 = (token: string) => createHash('sha256').update(token).digest();

describe('sessions: refresh cookies, rotation, logout, password change', () => {
  const clock = new TestClock();
  const api = useApi({ clock, env: { CORS_ORIGINS: APP_ORIGIN, REFRESH_REUSE_GRACE_SECONDS: '10' } });
  let learner: Learner;
  let admin: Admin;

  before(async () => {
    learner = await newLearner(api);
    admin = await newAdmin(api);
  });

  const familyRows = async (token: string) =>
    (
      await api.db.pool.query(
        `SELECT t.id, t.rotated_at, t.revoked_at FROM refresh_tokens t
         WHERE t.family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) ORDER BY t.id`,
        [sha256(token)],
      )
    ).rows;

  describe('cookies', () => {
    it('login sets alp_refresh: HttpOnly, SameSite=Strict, Path=/api/v1/auth, an expiry, not Secure in test', async () => {
      const { response, refreshToken } = await logIn(api, 'learner', learner);
      const line = setCookieOf(response, COOKIE.learner)!;
      expect(line).to.match(/; Path=\/api\/v1\/auth(;|$)/);
      expect(line).to.match(/; HttpOnly(;|$)/);
      expect(line).to.match(/; SameSite=Strict(;|$)/);
      expect(line).to.match(/; Expires=/);
      expect(line).not.to.match(/Secure/);
      // 256 random bits, base64url; stored only as its SHA-256 digest.
      expect(Buffer.from(refreshToken, 'base64url').length).to.equal(32);
      const stored = await api.db.pool.query('SELECT token_hash FROM refresh_tokens WHERE token_hash = $1', [
        sha256(refreshToken),
      ]);
      expect(stored.rowCount).to.equal(1);
      const anywhere = await api.db.pool.query(
        `SELECT count(*)::int AS n FROM refresh_tokens WHERE encode(token_hash, 'escape') LIKE $1 OR user_agent LIKE $1`,
        [`%${refreshToken}%`],
      );
      expect(anywhere.rows[0].n).to.equal(0);
    });

    it('admin login sets alp_admin_refresh on Path=/api/v1/admin/auth; the login body is unchanged', async () => {
      const { response } = await logIn(api, 'admin', admin);
      const line = setCookieOf(response, COOKIE.admin)!;
      expect(line).to.match(/; Path=\/api\/v1\/admin\/auth(;|$)/);
      expect(line).to.match(/; HttpOnly(;|$)/);
      expect(line).to.match(/; SameSite=Strict(;|$)/);
      expect(Object.keys(response.body).sort()).to.deep.equal(['access_token', 'expires_in', 'token_type']);
      expect(setCookieOf(response, COOKIE.learner)).to.equal(undefined);
    });
  });

  describe('refresh', () => {
    it('rotates: 200 with an access token of the same session, a new cookie, the old token marked rotated', async () => {
      const session = await logIn(api, 'learner', learner);
      const refreshed = await refresh(api, 'learner', session.refreshToken);
      expect(refreshed.status, refreshed.text).to.equal(200);
      expect(refreshed.body.token_type).to.equal('Bearer');
      const successor = cookieValue(refreshed, COOKIE.learner)!;
      expect(successor).to.be.a('string').and.not.equal(session.refreshToken);
      const sid = (jwt.decode(session.accessToken) as jwt.JwtPayload).sid;
      expect((jwt.decode(refreshed.body.access_token) as jwt.JwtPayload).sid).to.equal(sid);
      const me = await api.request('GET', '/api/v1/users/me', { token: refreshed.body.access_token });
      expect(me.status).to.equal(200);
      const rows = await familyRows(session.refreshToken);
      expect(rows).to.have.length(2);
      expect(rows[0].rotated_at).to.be.an.instanceOf(Date);
      expect(rows[1].rotated_at).to.equal(null);
    });

    it('within the grace window the same token gets 200 and an access token, no new cookie, no fork', async () => {
      const session = await logIn(api, 'learner', learner);
      const first = await refresh(api, 'learner', session.refreshToken);
      clock.advance(9);
      const again = await refresh(api, 'learner', session.refreshToken);
      expect(again.status, again.text).to.equal(200);
      expect(setCookieOf(again, COOKIE.learner)).to.equal(undefined);
      expect(again.body.access_token).to.be.a('string');
      expect(await familyRows(session.refreshToken)).to.have.length(2);
      // The successor still works.
      const next = await refresh(api, 'learner', cookieValue(first, COOKIE.learner));
      expect(next.status).to.equal(200);
    });

    it('a rotated token presented after the grace window → 401 and its whole family is revoked', async () => {
      const session = await logIn(api, 'learner', learner);
      const rotated = await refresh(api, 'learner', session.refreshToken);
      const newest = cookieValue(rotated, COOKIE.learner)!;
      clock.advance(11);
      const reused = await refresh(api, 'learner', session.refreshToken);
      expect(reused.status).to.equal(401);
      expect(reused.body.code).to.equal('unauthorized');
      const stolen = await refresh(api, 'learner', newest);
      expect(stolen.status).to.equal(401);
      const rows = await familyRows(session.refreshToken);
      expect(rows.every((row) => row.revoked_at instanceof Date)).to.equal(true);
    });

    it('no cookie, a garbage one, or a learner token at the admin door → 401', async () => {
      const session = await logIn(api, 'learner', learner);
      for (const response of [
        await refresh(api, 'learner', undefined),
        await refresh(api, 'learner', 'not-a-token'),
        await api.request('POST', '/api/v1/admin/auth/refresh', {
          headers: cookieHeader('admin', session.refreshToken),
        }),
      ]) {
        expect(response.status).to.equal(401);
        expect(response.body.code).to.equal('unauthorized');
      }
      // The learner's session was not touched by the wrong door.
      expect((await refresh(api, 'learner', session.refreshToken)).status).to.equal(200);
    });

    it('learner sessions end at the absolute lifetime (REFRESH_TTL_DAYS from the first login)', async () => {
      const session = await logIn(api, 'learner', learner);
      let token = session.refreshToken;
      for (let day = 0; day < 13; day += 1) {
        clock.advance(DAY);
        const refreshed = await refresh(api, 'learner', token);
        expect(refreshed.status, `day ${day + 1}`).to.equal(200);
        token = cookieValue(refreshed, COOKIE.learner)!;
      }
      clock.advance(DAY + 1);
      expect((await refresh(api, 'learner', token)).status).to.equal(401);
    });

    it('admin sessions slide (ADMIN_REFRESH_TTL_HOURS per token) up to the same absolute end', async () => {
      const session = await logIn(api, 'admin', admin);
      const idle = await logIn(api, 'admin', admin);
      let token = session.refreshToken;
      for (let step = 0; step < 30; step += 1) {
        clock.advance(11 * HOUR);
        const refreshed = await refresh(api, 'admin', token);
        expect(refreshed.status, `after ${(step + 1) * 11} h`).to.equal(200);
        const me = await api.request('GET', '/api/v1/admin/me', { token: refreshed.body.access_token });
        expect(me.status).to.equal(200);
        token = cookieValue(refreshed, COOKIE.admin)!;
      }
      // 330 h of use: the sliding window never lapsed, but the 14-day family end comes first.
      clock.advance(11 * HOUR);
      expect((await refresh(api, 'admin', token)).status).to.equal(401);
      // The session left idle for more than 12 h expired long ago.
      expect((await refresh(api, 'admin', idle.refreshToken)).status).to.equal(401);
    });
  });

  describe('origin check and CORS', () => {
    it('a foreign Origin → 403 on refresh and logout; this server and CORS_ORIGINS pass', async () => {
      const session = await logIn(api, 'learner', learner);
      for (const path of ['/api/v1/auth/refresh', '/api/v1/auth/logout', '/api/v1/admin/auth/refresh']) {
        const response = await api.request('POST', path, {
          headers: { ...cookieHeader('learner', session.refreshToken), origin: 'https://evil.example.com' },
        });
        expect(response.status, path).to.equal(403);
        expect(response.body.code).to.equal('forbidden');
      }
      const own = await refresh(api, 'learner', session.refreshToken, { origin: api.baseUrl });
      expect(own.status).to.equal(200);
      const fromApp = await refresh(api, 'learner', cookieValue(own, COOKIE.learner), { origin: APP_ORIGIN });
      expect(fromApp.status).to.equal(200);
      expect(fromApp.headers.get('access-control-allow-origin')).to.equal(APP_ORIGIN);
      expect(fromApp.headers.get('access-control-allow-credentials')).to.equal('true');
    });

    it('allows credentials only for CORS_ORIGINS', async () => {
      const preflight = (origin: string) =>
        api.raw('OPTIONS', '/api/v1/auth/refresh', {
          headers: { origin, 'access-control-request-method': 'POST' },
        });
      const allowed = await preflight(APP_ORIGIN);
      expect(allowed.headers.get('access-control-allow-origin')).to.equal(APP_ORIGIN);
      expect(allowed.headers.get('access-control-allow-credentials')).to.equal('true');
      const foreign = await preflight('https://evil.example.com');
      expect(foreign.headers.get('access-control-allow-origin')).to.equal(null);
      expect(foreign.headers.get('access-control-allow-credentials')).to.equal(null);
    });
  });

  describe('logout', () => {
    it('ends the cookie family only, clears the cookie, and is idempotent', async () => {
      const ending = await logIn(api, 'learner', learner);
      const other = await logIn(api, 'learner', learner);
      const response = await logOut(api, 'learner', ending.refreshToken);
      expect(response.status).to.equal(204);
      const cleared = setCookieOf(response, COOKIE.learner)!;
      expect(cleared).to.match(/^alp_refresh=;/);
      expect(cleared).to.match(/Expires=Thu, 01 Jan 1970/);
      expect(cleared).to.match(/; Path=\/api\/v1\/auth(;|$)/);
      expect((await refresh(api, 'learner', ending.refreshToken)).status).to.equal(401);
      expect((await refresh(api, 'learner', other.refreshToken)).status).to.equal(200);
      expect((await logOut(api, 'learner', ending.refreshToken)).status).to.equal(204);
      expect((await logOut(api, 'learner', undefined)).status).to.equal(204);
    });

    it('admin logout ends the admin family', async () => {
      const session = await logIn(api, 'admin', admin);
      const response = await logOut(api, 'admin', session.refreshToken);
      expect(response.status).to.equal(204);
      expect(setCookieOf(response, COOKIE.admin)).to.match(/; Path=\/api\/v1\/admin\/auth(;|$)/);
      expect((await refresh(api, 'admin', session.refreshToken)).status).to.equal(401);
    });

    it('logout-all ends every family of the learner and none of another learner', async () => {
      const mine = [await logIn(api, 'learner', learner), await logIn(api, 'learner', learner)];
      const someone = await newLearner(api);
      const theirs = await logIn(api, 'learner', someone);
      const response = await api.request('POST', '/api/v1/auth/logout-all', { token: mine[0]!.accessToken });
      expect(response.status).to.equal(204);
      for (const session of mine) expect((await refresh(api, 'learner', session.refreshToken)).status).to.equal(401);
      expect((await refresh(api, 'learner', theirs.refreshToken)).status).to.equal(200);
      const list = await api.request('GET', '/api/v1/users/me/sessions', { token: mine[0]!.accessToken });
      expect(list.body).to.deep.equal([]);
    });
  });

  describe('GET and DELETE /users/me/sessions', () => {
    it('lists the live families, marks the current one, revokes one, and 404s for others', async () => {
      const someone = await newLearner(api);
      const phone = await logIn(api, 'learner', someone, { 'user-agent': 'Phone/1.0' });
      const laptop = await logIn(api, 'learner', someone, { 'user-agent': 'Laptop/2.0' });
      const stranger = await newLearner(api);
      const strangers = await logIn(api, 'learner', stranger);

      const listed = await api.request('GET', '/api/v1/users/me/sessions', { token: laptop.accessToken });
      expect(listed.status).to.equal(200);
      // newLearner() logged in once too (fetch's own user agent).
      expect(listed.body.map((s: { user_agent: string }) => s.user_agent).sort()).to.deep.equal([
        'Laptop/2.0',
        'Phone/1.0',
        'node',
      ]);
      const current = listed.body.filter((s: { current: boolean }) => s.current);
      expect(current.map((s: { user_agent: string }) => s.user_agent)).to.deep.equal(['Laptop/2.0']);
      const phoneId = listed.body.find((s: { user_agent: string }) => s.user_agent === 'Phone/1.0').id;

      const theirId = (jwt.decode(strangers.accessToken) as jwt.JwtPayload).sid as string;
      const foreign = await api.request('DELETE', `/api/v1/users/me/sessions/${theirId}`, {
        token: laptop.accessToken,
      });
      expect(foreign.status).to.equal(404);
      const unknown = await api.request('DELETE', '/api/v1/users/me/sessions/999999999', { token: laptop.accessToken });
      expect(unknown.status).to.equal(404);
      expect((await refresh(api, 'learner', strangers.refreshToken)).status).to.equal(200);

      const revoked = await api.request('DELETE', `/api/v1/users/me/sessions/${phoneId}`, {
        token: laptop.accessToken,
      });
      expect(revoked.status).to.equal(204);
      expect((await refresh(api, 'learner', phone.refreshToken)).status).to.equal(401);
      const again = await api.request('DELETE', `/api/v1/users/me/sessions/${phoneId}`, { token: laptop.accessToken });
      expect(again.status).to.equal(404);
      const after = await api.request('GET', '/api/v1/users/me/sessions', { token: laptop.accessToken });
      expect(after.body.map((s: { user_agent: string }) => s.user_agent).sort()).to.deep.equal(['Laptop/2.0', 'node']);
    });
  });

  describe('POST /users/me/password', () => {
    it('checks the current password like a login, then ends every other session and keeps this one', async () => {
      const someone = await newLearner(api);
      const here = await logIn(api, 'learner', someone);
      const elsewhere = await logIn(api, 'learner', someone);
      const stranger = await logIn(api, 'learner', learner);

      const wrong = await api.request('POST', '/api/v1/users/me/password', {
        token: here.accessToken,
        body: { current_password: 'not-my-password', new_password: 'brand-new-password' },
      });
      const wrongLogin = await api.request('POST', '/api/v1/auth/login', {
        body: { email: someone.email, password: 'not-my-password' },
      });
      expect(wrong.status).to.equal(401);
      expect({ ...wrong.body, instance: undefined, request_id: undefined }).to.deep.equal({
        ...wrongLogin.body,
        instance: undefined,
        request_id: undefined,
      });
      expect((await refresh(api, 'learner', elsewhere.refreshToken)).status).to.equal(200);

      const short = await api.request('POST', '/api/v1/users/me/password', {
        token: here.accessToken,
        body: { current_password: someone.password, new_password: 'short' },
      });
      expect(short.status).to.equal(400);

      const changed = await api.request('POST', '/api/v1/users/me/password', {
        token: here.accessToken,
        body: { current_password: someone.password, new_password: 'brand-new-password' },
      });
      expect(changed.status).to.equal(204);
      expect((await refresh(api, 'learner', here.refreshToken)).status).to.equal(200);
      const other = await api.db.pool.query(
        'SELECT bool_and(revoked_at IS NOT NULL) AS ended FROM refresh_tokens WHERE family_id = $1',
        [Number((jwt.decode(elsewhere.accessToken) as jwt.JwtPayload).sid)],
      );
      expect(other.rows[0].ended).to.equal(true);
      expect((await refresh(api, 'learner', stranger.refreshToken)).status).to.equal(200);
      const oldLogin = await api.request('POST', '/api/v1/auth/login', {
        body: { email: someone.email, password: someone.password },
      });
      expect(oldLogin.status).to.equal(401);
      await logIn(api, 'learner', { email: someone.email, password: 'brand-new-password' });
    });
  });

  describe('PATCH /admin/users/{id} is_active', () => {
    it('deactivation: login 401 like a wrong password, refresh 401, access token 403; reactivation restores login', async () => {
      const someone = await newLearner(api);
      const session = await logIn(api, 'learner', someone);
      const patch = (body: unknown) =>
        api.request('PATCH', `/api/v1/admin/users/${someone.id}`, { token: admin.token, body });

      const off = await patch({ is_active: false });
      expect(off.status, off.text).to.equal(200);
      expect(off.body.profile).to.include({ id: someone.id, is_active: false });
      await assertInvariants(api.db.pool);

      const me = await api.request('GET', '/api/v1/users/me', { token: session.accessToken });
      expect(me.status).to.equal(403);
      expect(me.body.code).to.equal('forbidden');
      expect((await refresh(api, 'learner', session.refreshToken)).status).to.equal(401);
      const login = await api.request('POST', '/api/v1/auth/login', {
        body: { email: someone.email, password: someone.password },
      });
      const wrong = await api.request('POST', '/api/v1/auth/login', {
        body: { email: someone.email, password: 'wrong-password' },
      });
      expect(login.status).to.equal(401);
      expect({ ...login.body, request_id: undefined }).to.deep.equal({ ...wrong.body, request_id: undefined });

      const audit = await api.request('GET', `/api/v1/admin/audit-log?entity_type=learner&entity_id=${someone.id}`, {
        token: admin.token,
      });
      expect(audit.body.items[0]).to.include({ action: 'learner.update', admin_id: admin.id, entity_id: someone.id });
      expect(audit.body.items[0].details).to.deep.equal({ is_active: false });

      const on = await patch({ is_active: true });
      expect(on.body.profile.is_active).to.equal(true);
      const back = await logIn(api, 'learner', someone);
      expect((await api.request('GET', '/api/v1/users/me', { token: back.accessToken })).status).to.equal(200);
      // The old session stays ended.
      expect((await refresh(api, 'learner', session.refreshToken)).status).to.equal(401);
    });

    it('refuses an empty change, an unknown property, an unknown learner and a learner token', async () => {
      const empty = await api.request('PATCH', `/api/v1/admin/users/${learner.id}`, { token: admin.token, body: {} });
      expect(empty.status).to.equal(400);
      const unknownField = await api.request('PATCH', `/api/v1/admin/users/${learner.id}`, {
        token: admin.token,
        body: { is_admin: true },
      });
      expect(unknownField.status).to.equal(400);
      const unknown = await api.request('PATCH', '/api/v1/admin/users/999999999', {
        token: admin.token,
        body: { is_active: false },
      });
      expect(unknown.status).to.equal(404);
      const asLearner = await api.request('PATCH', `/api/v1/admin/users/${learner.id}`, {
        token: learner.token,
        body: { is_active: false },
      });
      expect(asLearner.status).to.equal(403);
      const audit = await api.db.pool.query(
        `SELECT count(*)::int AS n FROM admin_audit_log WHERE entity_id = 999999999`,
      );
      expect(audit.rows[0].n).to.equal(0);
    });
  });

  describe('revocations racing refreshes', () => {
    // A revocation takes the owner's row exclusively, refreshes share it: the revocation's update
    // then sees every successor a refresh in flight added, so no session survives it.
    const race = async (revoke: (someone: Learner) => Promise<ApiResponse>, expected: number) => {
      const someone = await newLearner(api);
      const sessions = await Promise.all([1, 2, 3].map(() => logIn(api, 'learner', someone)));
      const responses = await fireConcurrently(30, (index) =>
        index === 15 ? revoke(someone) : refresh(api, 'learner', sessions[index % 3]!.refreshToken),
      );
      expect(responses[15]!.status).to.equal(expected);
      expect(responses.filter((response) => response.status >= 500)).to.deep.equal([]);
      const live = await api.db.pool.query(
        `SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1 AND rotated_at IS NULL AND revoked_at IS NULL`,
        [someone.id],
      );
      expect(live.rows[0].n).to.equal(0);
      await assertInvariants(api.db.pool);
    };

    it('a deactivation among 29 refreshes of three sessions ends all three', () =>
      race(
        (someone) =>
          api.request('PATCH', `/api/v1/admin/users/${someone.id}`, { token: admin.token, body: { is_active: false } }),
        200,
      ));

    it('a logout-all among 29 refreshes of three sessions ends all three', () =>
      race((someone) => api.request('POST', '/api/v1/auth/logout-all', { token: someone.token }), 204));
  });

  describe('afterwards', () => {
    it('every invariant holds, sessions included', () => assertInvariants(api.db.pool));
  });
});
