import { expect } from 'chai';
import pg from 'pg';
import { useTestDatabase } from '../../support/database.js';
import { newLearner } from '../../support/fixtures/identity.js';
import { httpClient } from '../../support/http-client.js';
import { startPgBouncer, type PgBouncer } from '../../support/pgbouncer.js';
import { startServerProcess, type ServerProcess } from '../../support/reliability/server-process.js';

/**
 * The harness's PgBouncer really is a transaction-mode pooler (a named statement prepared through
 * one client is already there for the next, which does not know it), and a server with
 * DB_PREPARED_STATEMENTS=false works through it under concurrent requests.
 */
describe('postgres: behind a transaction-mode PgBouncer', function () {
  this.timeout(120_000);
  const db = useTestDatabase({ seeded: true });
  let bouncer: PgBouncer;

  before(async () => {
    bouncer = await startPgBouncer(db.url);
  });
  after(async () => {
    await bouncer?.stop();
  });

  it('shares server connections between clients, so a named prepared statement collides', async () => {
    const first = new pg.Client({ connectionString: bouncer.urlThrough(db.url) });
    const second = new pg.Client({ connectionString: bouncer.urlThrough(db.url) });
    await first.connect();
    await second.connect();
    try {
      await first.query({ name: 'probe', text: 'SELECT 1 AS one' });
      const error = await second.query({ name: 'probe', text: 'SELECT 1 AS one' }).then(
        () => undefined,
        (failure: Error) => failure,
      );
      expect(error?.message).to.equal('prepared statement "probe" already exists');
      const unnamed = await second.query({ text: 'SELECT $1::int AS one', values: [1] });
      expect(unnamed.rows).to.deep.equal([{ one: 1 }]);
    } finally {
      await first.end();
      await second.end();
    }
  });

  describe('a server with DB_PREPARED_STATEMENTS=false', () => {
    let server: ServerProcess;
    before(async () => {
      server = await startServerProcess({
        databaseUrl: bouncer.urlThrough(db.url),
        env: { DB_PREPARED_STATEMENTS: 'false', DB_POOL_MAX: '6', LOG_LEVEL: 'error' },
      });
    });
    after(async () => {
      await server?.stop();
    });

    it('answers signups, logins and reads fired at once, with no 5xx and nothing logged as an error', async () => {
      const client = httpClient(server.url, { timeoutMs: 30_000 });
      const learners = await Promise.all(Array.from({ length: 6 }, () => newLearner(client)));
      const reads = await Promise.all(
        learners.flatMap((learner) =>
          ['/progress/current-stage', '/content/my', '/progress/eligibility'].map((path) =>
            client.request('GET', `/api/v1${path}`, { token: learner.token }),
          ),
        ),
      );
      expect(reads.map((read) => read.status)).to.deep.equal(reads.map(() => 200));
      expect(server.logs.filter((line) => line.includes('prepared statement'))).to.deep.equal([]);
    });
  });
});
