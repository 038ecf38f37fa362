import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';
import { COOKIE, cookieValue, logIn, logOut, refresh } from '../../support/fixtures/sessions.js';

describe('logs', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const api = useApi({ logger: createLogger('trace', sink) });

  it('never contain a password, a password hash or an access token', async () => {
    const learner = await newLearner(api);
    await api.request('GET', '/api/v1/users/me', { token: learner.token });
    await api.request('POST', '/api/v1/auth/login', { body: { email: learner.email, password: 'wrong-password-xyz' } });
    const hash = (await api.db.pool.query('SELECT password_hash FROM users WHERE id = $1', [learner.id])).rows[0]
      .password_hash as string;
    const log = lines.join('');
    expect(lines.length).to.be.greaterThan(3);
    expect(log).to.include('/api/v1/users/me');
    for (const secret of [learner.password, 'wrong-password-xyz', hash, learner.token, learner.token.split('.')[2]!]) {
      expect(log).not.to.include(secret);
    }
  });

  it('never contain a refresh token, its hash or a cookie value (login, refresh, grace, reuse, logout)', async () => {
    const learner = await newLearner(api);
    const session = await logIn(api, 'learner', learner);
    const rotated = await refresh(api, 'learner', session.refreshToken);
    await refresh(api, 'learner', session.refreshToken);
    const successor = cookieValue(rotated, COOKIE.learner)!;
    await api.request('GET', '/api/v1/users/me/sessions', { token: rotated.body.access_token });
    await logOut(api, 'learner', successor);
    await refresh(api, 'learner', successor);
    const log = lines.join('');
    expect(log).to.include('/api/v1/auth/refresh');
    for (const token of [session.refreshToken, successor]) {
      const digest = createHash('sha256').update(token).digest();
      for (const secret of [token, encodeURIComponent(token), digest.toString('hex'), digest.toString('base64')])
        expect(log).not.to.include(secret);
    }
    expect(log).not.to.include(rotated.body.access_token.split('.')[2]!);
    expect(log).not.to.match(/alp_refresh=/);
  });
});
