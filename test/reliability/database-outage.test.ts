import { expect } from 'chai';
import { useTestDatabase } from '../support/database.js';
import { newLearner, uniqueEmail, type Learner } from '../support/fixtures/identity.js';
import { httpClient, type HttpClient } from '../support/http-client.js';
import { describeSamples, startLoad, type LoadOperation, type LoadSample } from '../support/reliability/load.js';
import { scaled } from '../support/reliability/long-runs.js';
import { startServerProcess, type ServerProcess } from '../support/reliability/server-process.js';
import { startTcpProxy, type CutMode, type TcpProxy } from '../support/reliability/tcp-proxy.js';
import { assertInvariants } from './invariants.js';

/**
 * Database outage: a server process reaches PostgreSQL only through a TCP proxy.
 * Under a steady mixed load the proxy is cut — connections reset and refused, or blackholed
 * like a network partition — and later restored. Requests must get 503 (never a hang past the
 * request timeout, never a crash), the process must recover on its own, and nothing may be
 * half-written.
 */
const REQUEST_TIMEOUT_MS = 1_500;
const STATEMENT_TIMEOUT_MS = 750;
/**
 * Scheduling noise on a busy 2-core machine, on top of the request timeout: far below a hang (the client gives up at
 * 20 s).
 */
const SLACK_MS = 3_000;

describe('reliability: database outage behind a TCP proxy', function () {
  this.timeout(scaled(120_000, 900_000));
  const db = useTestDatabase({ seeded: true });
  let proxy: TcpProxy;
  let server: ServerProcess;
  let client: HttpClient;
  let learner: Learner;

  before(async function () {
    this.timeout(120_000);
    const target = new URL(db.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    server = await startServerProcess({
      databaseUrl: proxy.urlThrough(db.url),
      env: {
        REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
        DB_POOL_MAX: '4',
        // The login throttle's store is on the outage path too.
        LOGIN_RATE_LIMIT_PER_IP: '1000000',
        LOGIN_RATE_LIMIT_PER_EMAIL: '1000',
      },
    });
    client = httpClient(server.url, { timeoutMs: 20_000 });
    learner = await newLearner(client);
  });

  after(async () => {
    await server?.stop();
    await proxy?.close();
  });

  const signups: { email: string; status: number; id?: number }[] = [];
  const operations = (): LoadOperation[] => [
    { name: 'health', method: 'GET', path: '/api/v1/health', send: () => client.raw('GET', '/api/v1/health') },
    { name: 'health/db', method: 'GET', path: '/api/v1/health/db', send: () => client.raw('GET', '/api/v1/health/db') },
    {
      name: 'signup',
      method: 'POST',
      path: '/api/v1/auth/signup',
      async send() {
        const email = uniqueEmail('outage');
        const response = await client.raw('POST', '/api/v1/auth/signup', {
          body: { email, full_name: 'Outage Learner', password: 'outage-password' },
        });
        signups.push({
          email,
          status: response.status,
          ...(response.status === 201 ? { id: (response.body as { id: number }).id } : {}),
        });
        return response;
      },
    },
    {
      name: 'login',
      method: 'POST',
      path: '/api/v1/auth/login',
      send: () =>
        client.raw('POST', '/api/v1/auth/login', { body: { email: learner.email, password: learner.password } }),
    },
    {
      name: 'users/me',
      method: 'GET',
      path: '/api/v1/users/me',
      send: () => client.raw('GET', '/api/v1/users/me', { token: learner.token }),
    },
  ];
  const DB_OPERATIONS = ['health/db', 'signup', 'login', 'users/me'];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  /** One cycle: load → cut → outage → restore → recovery, then the checks. */
  async function outageCycle(mode: CutMode): Promise<void> {
    const pid = server.pid;
    const load = startLoad(operations(), { workers: 8 });
    await sleep(600);
    const cutAt = Date.now();
    await proxy.cut(mode);
    await sleep(REQUEST_TIMEOUT_MS + 2_500);
    const restoredAt = Date.now();
    await proxy.restore();
    await sleep(3_000);
    await load.stop();
    const samples: readonly LoadSample[] = load.samples;
    const summary = describeSamples(samples);

    // The process survived (a crash shows here with its last words).
    expect(server.isRunning(), `the server process died:\n${server.logs.slice(-15).join('\n')}`).to.equal(true);
    // Every request got an answer (no crash, no hang), inside the request timeout, as the contract says.
    expect(
      samples.filter((s) => s.status === 0),
      `requests without an answer:\n${summary}`,
    ).to.deep.equal([]);
    expect(
      samples.flatMap((s) => s.violations),
      summary,
    ).to.deep.equal([]);
    const slow = samples.filter((s) => s.end - s.start > REQUEST_TIMEOUT_MS + SLACK_MS);
    expect(
      slow.map((s) => `${s.op} ${s.status} ${s.end - s.start} ms`),
      `answers slower than the request timeout:\n${summary}`,
    ).to.deep.equal([]);
    for (const sample of samples) {
      if (sample.status >= 500) expect([503], summary).to.include(sample.status);
      if (sample.status === 503) expect(['db_unavailable', 'request_timeout'], summary).to.include(sample.code);
      if (sample.status < 500)
        expect([200, 201], `${sample.op} ${sample.status} ${sample.code ?? ''}\n${summary}`).to.include(sample.status);
    }
    // Liveness never depends on the database.
    expect(samples.filter((s) => s.op === 'health' && s.status !== 200).length, summary).to.equal(0);

    // Whatever started once the cut was complete and ended before the restore failed fast with 503.
    const during = samples.filter((s) => DB_OPERATIONS.includes(s.op) && s.start >= cutAt + 50 && s.end <= restoredAt);
    // A partition holds each request up to the timeout, so it sees fewer requests than a reset link.
    expect(during.length, `the load did not reach the outage:\n${summary}`).to.be.at.least(mode === 'reset' ? 20 : 5);
    expect(
      during.filter((s) => s.status !== 503).map((s) => `${s.op} ${s.status}`),
      summary,
    ).to.deep.equal([]);
    // A reset link is a refused connection: db_unavailable at once. A partition may also run into the timeout.
    const allowed = mode === 'reset' ? ['db_unavailable'] : ['db_unavailable', 'request_timeout'];
    expect(
      during.filter((s) => !allowed.includes(s.code ?? '')).map((s) => `${s.op} ${s.code}`),
      summary,
    ).to.deep.equal([]);
    expect(during.filter((s) => s.code === 'db_unavailable').length, summary).to.be.greaterThan(0);

    // Recovered without a restart: the same process serves every operation again.
    for (const op of DB_OPERATIONS) {
      expect(
        samples.some((s) => s.op === op && s.start >= restoredAt && s.status < 300),
        `${op} never recovered:\n${summary}`,
      ).to.equal(true);
    }
    expect(server.isRunning()).to.equal(true);
    expect(server.pid).to.equal(pid);
    for (const op of operations()) {
      const response = await op.send();
      expect(response.status, `${op.name} after recovery: ${response.text}`).to.be.oneOf([200, 201]);
    }

    // No partial write: every 201 is a whole learner, and nothing else is half there.
    const created = signups.filter((s) => s.status === 201).map((s) => s.id);
    const stored = (await db.pool.query('SELECT id FROM users WHERE id = ANY($1::bigint[])', [created])).rows.map(
      (row) => row.id,
    );
    expect(stored.sort()).to.deep.equal([...created].sort());
    await assertInvariants(db.pool);
  }

  it('connections reset and refused: 503 db_unavailable at once, the process survives, recovers without restart, no partial writes', async () => {
    for (let cycle = 0; cycle < scaled(1, 5); cycle += 1) await outageCycle('reset');
  });

  it('a network partition (blackhole): 503 within the request timeout, the process survives, recovers without restart, no partial writes', async () => {
    for (let cycle = 0; cycle < scaled(1, 5); cycle += 1) await outageCycle('blackhole');
  });
});
