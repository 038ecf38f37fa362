import { expect } from 'chai';
import { useTestDatabase } from '../support/database.js';
import { newLearner } from '../support/fixtures/identity.js';
import { httpClient, type HttpClient } from '../support/http-client.js';
import { scaled } from '../support/reliability/long-runs.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';
import { assertInvariants } from './invariants.js';
import { RACE_SCENARIOS, RACE_SIZE, runRace } from './race-scenarios.js';

/**
 * Two instances: two real server processes on ONE database, every race of
 * race-scenarios.ts split across them (request i to instance i mod 2) — the database settles
 * it exactly as with one instance. The login throttle is shared through PostgreSQL too.
 */
describe('reliability: two server instances on one database', function () {
  this.timeout(scaled(120_000, 900_000));
  const db = useTestDatabase({ seeded: true });
  const servers: ServerProcess[] = [];
  let clients: HttpClient[] = [];
  const rounds = scaled(1, 10);

  before(async function () {
    this.timeout(120_000);
    const env = {
      LOGIN_RATE_LIMIT_PER_IP: '1000000',
      LOGIN_RATE_LIMIT_PER_EMAIL: '5',
      LOGIN_RATE_LIMIT_WINDOW_SECONDS: '600',
    };
    servers.push(
      ...(await Promise.all([
        startServerProcess({ databaseUrl: db.url, env }),
        startServerProcess({ databaseUrl: db.url, env }),
      ])),
    );
    clients = servers.map((server) => httpClient(server.url));
  });

  after(async () => {
    // Graceful stops: both must exit 0 (SIGTERM handler, pool closed).
    const exits = await Promise.all(servers.map((server) => server.stop()));
    expect(exits).to.deep.equal(servers.map(() => ({ code: 0, signal: null })));
  });

  for (const scenario of RACE_SCENARIOS) {
    it(`${RACE_SIZE} × ${scenario.name}, split over both instances: ${scenario.outcome}; no 5xx; invariants hold`, async () => {
      for (let round = 0; round < rounds; round += 1) await runRace(scenario, { clients, pool: db.pool });
      await assertInvariants(db.pool);
      expect(servers.every((server) => server.isRunning())).to.equal(true);
    });
  }

  it('shares the per-email login limit: failures counted on either instance lock the email on both', async () => {
    const learner = await newLearner(clients[0]!);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const failed = await clients[attempt % 2]!.request('POST', '/api/v1/auth/login', {
        body: { email: learner.email, password: 'wrong-password' },
      });
      expect(failed.status).to.equal(401);
      expect(failed.body.code).to.equal('invalid_credentials');
    }
    for (const client of clients) {
      const limited = await client.request('POST', '/api/v1/auth/login', {
        body: { email: learner.email, password: learner.password },
      });
      expect(limited.status).to.equal(429);
      expect(limited.body.code).to.equal('rate_limited');
      expect(Number(limited.headers.get('retry-after'))).to.be.greaterThan(0);
    }
    await assertInvariants(db.pool);
  });
});
