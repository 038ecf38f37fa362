import { Writable } from 'node:stream';
import { expect } from 'chai';
import { createLogger } from '../../../src/adapters/logging/logger.js';
import { useApi } from '../../support/api.js';
import { uniqueEmail } from '../../support/fixtures/identity.js';

/**
 * A constraint no rule anticipates: the test adds one the application has never heard of, so the
 * write reaches PostgreSQL, is refused there and travels back through the real stack.
 */
const TRIPWIRE = 'ck_test_only_full_name_tripwire';

describe('a constraint violation no rule anticipated', () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const api = useApi({ logger: createLogger('info', sink) });

  before(async () => {
    await api.db.pool.query(`ALTER TABLE users ADD CONSTRAINT ${TRIPWIRE} CHECK (full_name <> 'Tripwire')`);
  });

  it('answers 409 conflict with a contract-conforming body naming no table, column or constraint, and logs the constraint once', async () => {
    const email = uniqueEmail('tripwire');
    const response = await api.request('POST', '/api/v1/auth/signup', {
      body: { email, full_name: 'Tripwire', password: 'correct-horse-battery' },
    });

    expect(response.status).to.equal(409);
    expect(response.headers.get('content-type')).to.match(/^application\/problem\+json/);
    expect(response.body).to.include({ code: 'conflict', type: '/problems/conflict', status: 409 });
    expect(Object.keys(response.body).sort()).to.deep.equal(
      ['code', 'detail', 'instance', 'request_id', 'status', 'title', 'type'].sort(),
    );
    for (const internal of [TRIPWIRE, 'users', 'full_name', 'constraint', '23514']) {
      expect(response.text, `the body names ${internal}`).not.to.include(internal);
    }

    const logged = lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.constraint === TRIPWIRE);
    expect(logged, 'log lines naming the constraint').to.have.length(1);
    expect(logged[0]).to.include({ code: 'conflict', sqlstate: '23514', msg: 'refused by the database' });
    // The line is the request's own: its id is the one the client was given to quote.
    expect((logged[0]!.req as { id?: unknown }).id).to.equal(response.body.request_id);

    const written = await api.db.pool.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(written.rowCount, 'the refused sign-up wrote nothing').to.equal(0);
  });
});
