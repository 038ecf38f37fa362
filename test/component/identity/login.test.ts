import { expect } from 'chai';
import jwt from 'jsonwebtoken';
import { useApi } from '../../support/api.js';
import { newAdmin, newLearner, uniqueEmail } from '../../support/fixtures/identity.js';

describe('POST /auth/login and /admin/login', () => {
  const api = useApi();
  const login = (path: string, email: string, password: string) =>
    api.request('POST', path, { body: { email, password } });
  /** The parts of a problem that must not reveal which check failed. */
  const comparable = (body: Record<string, unknown>) => ({ ...body, request_id: undefined });

  it('issues a learner token with sub, scope, sid, iat, exp, iss and aud', async () => {
    const learner = await newLearner(api);
    const response = await login('/api/v1/auth/login', learner.email.toUpperCase(), learner.password);
    expect(response.status).to.equal(200);
    expect(response.body).to.include({ token_type: 'Bearer', expires_in: 900 });
    const claims = jwt.verify(response.body.access_token, api.config.jwt.secret, {
      algorithms: ['HS256'],
    }) as jwt.JwtPayload;
    expect(claims).to.include({
      sub: String(learner.id),
      scope: 'user',
      iss: 'adaptive-learning-platform',
      aud: 'adaptive-learning-api',
    });
    expect(claims.sid).to.match(/^[1-9]\d*$/);
    expect(claims.exp! - claims.iat!).to.equal(900);
    expect(jwt.decode(response.body.access_token, { complete: true })!.header.alg).to.equal('HS256');
  });

  it('answers an unknown email and a wrong password with the same 401 invalid_credentials', async () => {
    const learner = await newLearner(api);
    const wrongPassword = await login('/api/v1/auth/login', learner.email, 'not-the-password');
    const unknownEmail = await login('/api/v1/auth/login', uniqueEmail('nobody'), 'not-the-password');
    expect(wrongPassword.status).to.equal(401);
    expect(comparable(wrongPassword.body)).to.deep.equal(comparable(unknownEmail.body));
    expect(wrongPassword.body.code).to.equal('invalid_credentials');
  });

  it('issues an admin token, and refuses learners at the admin door with the same 401', async () => {
    const admin = await newAdmin(api);
    const learner = await newLearner(api);
    const ok = await login('/api/v1/admin/login', admin.email, admin.password);
    expect(ok.status).to.equal(200);
    expect((jwt.decode(ok.body.access_token) as jwt.JwtPayload).scope).to.equal('admin');
    const asLearner = await login('/api/v1/admin/login', learner.email, learner.password);
    const wrong = await login('/api/v1/admin/login', admin.email, 'wrong-password');
    expect(asLearner.status).to.equal(401);
    expect(comparable(asLearner.body)).to.deep.equal(comparable(wrong.body));
  });

  it('refuses an inactive admin exactly like a wrong password (no account probing)', async () => {
    const admin = await newAdmin(api);
    await api.db.pool.query('UPDATE admin_users SET is_active = false WHERE id = $1', [admin.id]);
    const inactive = await login('/api/v1/admin/login', admin.email, admin.password);
    const unknown = await login('/api/v1/admin/login', uniqueEmail('ghost'), admin.password);
    expect(inactive.status).to.equal(401);
    expect(comparable(inactive.body)).to.deep.equal(comparable(unknown.body));
  });

  it('validates the body against the contract', async () => {
    const response = await api.request('POST', '/api/v1/auth/login', { body: { email: 'a@b.c' } });
    expect(response.status).to.equal(400);
    expect(response.body.code).to.equal('validation_failed');
  });
});

describe('login rate limiting', () => {
  describe('per email (failures only)', () => {
    const api = useApi({ env: { LOGIN_RATE_LIMIT_PER_EMAIL: '3', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60' } });

    it('answers 429 rate_limited with Retry-After once an email has failed too often, even with the right password', async () => {
      const learner = await newLearner(api);
      for (let i = 0; i < 3; i += 1) {
        expect(
          (
            await api.request('POST', '/api/v1/auth/login', {
              body: { email: learner.email, password: 'wrong-password' },
            })
          ).status,
        ).to.equal(401);
      }
      const limited = await api.request('POST', '/api/v1/auth/login', {
        body: { email: learner.email, password: learner.password },
      });
      expect(limited.status).to.equal(429);
      expect(limited.body.code).to.equal('rate_limited');
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).to.be.within(1, 60);
      expect(limited.body.retry_after).to.equal(retryAfter);
    });

    it('checks no more passwords than the limit even when 30 wrong guesses arrive at once', async () => {
      const learner = await newLearner(api);
      const responses = await Promise.all(
        Array.from({ length: 30 }, () =>
          api.request('POST', '/api/v1/auth/login', { body: { email: learner.email, password: 'wrong-password' } }),
        ),
      );
      expect(responses.filter((r) => r.status === 401)).to.have.length(3);
      expect(responses.filter((r) => r.status === 429)).to.have.length(27);
    });

    it('does not count successful logins against the email', async () => {
      const learner = await newLearner(api);
      for (let i = 0; i < 5; i += 1) {
        expect(
          (
            await api.request('POST', '/api/v1/auth/login', {
              body: { email: learner.email, password: learner.password },
            })
          ).status,
        ).to.equal(200);
      }
    });

    it('limits wrong current passwords of POST /users/me/password like logins, sharing the email budget', async () => {
      const learner = await newLearner(api);
      const hashOf = async () =>
        (await api.db.pool.query('SELECT password_hash FROM users WHERE id = $1', [learner.id])).rows[0].password_hash;
      const before = await hashOf();
      const change = (currentPassword: string) =>
        api.request('POST', '/api/v1/users/me/password', {
          token: learner.token,
          body: { current_password: currentPassword, new_password: 'a-new-password-123' },
        });
      for (let attempt = 0; attempt < 2; attempt += 1) expect((await change('wrong-guess')).status).to.equal(401);
      const login = await api.request('POST', '/api/v1/auth/login', {
        body: { email: learner.email, password: 'wrong-guess' },
      });
      expect(login.status).to.equal(401);
      const limited = await change(learner.password);
      expect(limited.status).to.equal(429);
      expect(limited.body.code).to.equal('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).to.be.greaterThan(0);
      const stillOld = await api.request('POST', '/api/v1/auth/login', {
        body: { email: learner.email, password: learner.password },
      });
      expect(stillOld.status).to.equal(429);
      // Refused, so unchanged.
      expect(await hashOf()).to.equal(before);
    });
  });

  describe('per client address (every attempt)', () => {
    const api = useApi({ env: { LOGIN_RATE_LIMIT_PER_IP: '4', LOGIN_RATE_LIMIT_WINDOW_SECONDS: '60' } });

    it('answers 429 after the address used up its attempts, for learners and admins alike', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i += 1) {
        const path = i % 2 === 0 ? '/api/v1/auth/login' : '/api/v1/admin/login';
        statuses.push(
          (await api.request('POST', path, { body: { email: uniqueEmail('flood'), password: 'whatever-pw' } })).status,
        );
      }
      expect(statuses).to.deep.equal([401, 401, 401, 401, 429, 429]);
    });
  });
});
