import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { useApi } from '../../support/api.js';
import { newLearner } from '../../support/fixtures/identity.js';

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
});
