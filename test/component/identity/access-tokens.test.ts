import { generateKeyPairSync } from 'node:crypto';
import { expect } from 'chai';
import { useApi } from '../../support/api.js';
import { newAdmin, newLearner, signToken, type Admin, type Learner } from '../../support/fixtures/identity.js';

/** The JWT attack list against a learner route and an admin route. */
describe('access tokens', () => {
  const api = useApi();
  let learner: Learner;
  let admin: Admin;

  before(async () => {
    learner = await newLearner(api);
    admin = await newAdmin(api);
  });

  const me = (token?: string) => api.request('GET', '/api/v1/users/me', token === undefined ? {} : { token });
  const adminMe = (token?: string) => api.request('GET', '/api/v1/admin/me', token === undefined ? {} : { token });

  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('accepts a valid learner token on learner routes', async () => {
    const response = await me(learner.token);
    expect(response.status).to.equal(200);
    expect(response.body).to.include({ id: learner.id, email: learner.email, graduated_at: null });
  });

  it('accepts a valid admin token on admin routes', async () => {
    const response = await adminMe(admin.token);
    expect(response.status).to.equal(200);
    expect(response.body).to.deep.equal({ id: admin.id, email: admin.email, full_name: 'Test Admin', is_active: true });
  });

  it('401 with WWW-Authenticate: Bearer when no token is sent', async () => {
    for (const response of [await me(), await adminMe()]) {
      expect(response.status).to.equal(401);
      expect(response.body.code).to.equal('unauthorized');
      expect(response.headers.get('www-authenticate')).to.equal('Bearer');
    }
  });

  const attacks: [string, () => string][] = [
    ['a tampered signature', () => learner.token.slice(0, -4) + (learner.token.endsWith('AAAA') ? 'BBBB' : 'AAAA')],
    [
      'a tampered payload',
      () => {
        const [h, , s] = learner.token.split('.');
        return `${h}.${base64url({ sub: '1', scope: 'admin' })}.${s}`;
      },
    ],
    [
      'alg none',
      () =>
        `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: String(learner.id), scope: 'user', iss: 'adaptive-learning-platform', aud: 'adaptive-learning-api', exp: Math.floor(Date.now() / 1000) + 600 })}.`,
    ],
    [
      'another HMAC algorithm (HS512)',
      () => signToken(api, { scope: 'user' }, { algorithm: 'HS512', subject: String(learner.id) }),
    ],
    [
      'an RS256 token',
      () =>
        signToken(
          api,
          { scope: 'user' },
          { algorithm: 'RS256', subject: String(learner.id) },
          generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
        ),
    ],
    [
      'another secret',
      () =>
        signToken(api, { scope: 'user' }, { subject: String(learner.id) }, 'another-secret-that-is-long-enough-too!!'),
    ],
    [
      'an expired token',
      () => signToken(api, { scope: 'user', exp: Math.floor(Date.now() / 1000) - 10 }, { subject: String(learner.id) }),
    ],
    [
      'a not-yet-valid token',
      () => signToken(api, { scope: 'user' }, { subject: String(learner.id), notBefore: 3600 }),
    ],
    [
      'a wrong issuer',
      () => signToken(api, { scope: 'user' }, { subject: String(learner.id), issuer: 'someone-else' }),
    ],
    [
      'a wrong audience',
      () => signToken(api, { scope: 'user' }, { subject: String(learner.id), audience: 'another-api' }),
    ],
    ['a missing sub', () => signToken(api, { scope: 'user' })],
    ['a non-numeric sub', () => signToken(api, { scope: 'user' }, { subject: 'ada' })],
    ['garbage', () => 'not.a.jwt'],
  ];

  for (const [name, forge] of attacks) {
    it(`401 for ${name}`, async () => {
      const response = await me(forge());
      expect(response.status).to.equal(401);
      expect(response.body.code).to.equal('unauthorized');
      expect(response.headers.get('www-authenticate')).to.equal('Bearer error="invalid_token"');
    });
  }

  it('403 forbidden for an admin token on a learner route and a learner token on an admin route', async () => {
    const adminOnLearner = await me(admin.token);
    const learnerOnAdmin = await adminMe(learner.token);
    expect([adminOnLearner.status, learnerOnAdmin.status]).to.deep.equal([403, 403]);
    expect([adminOnLearner.body.code, learnerOnAdmin.body.code]).to.deep.equal(['forbidden', 'forbidden']);
  });

  it('403 for an admin deactivated after login, on the very next request', async () => {
    const other = await newAdmin(api);
    expect((await adminMe(other.token)).status).to.equal(200);
    await api.db.pool.query('UPDATE admin_users SET is_active = false WHERE id = $1', [other.id]);
    const response = await adminMe(other.token);
    expect(response.status).to.equal(403);
    expect(response.body.code).to.equal('forbidden');
  });

  it('404 on /users/me for a valid token whose learner does not exist', async () => {
    const response = await me(signToken(api, { scope: 'user' }, { subject: '987654321' }));
    expect(response.status).to.equal(404);
  });
});
