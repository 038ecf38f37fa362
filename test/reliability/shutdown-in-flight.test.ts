import { request as httpRequest, type ClientRequest } from 'node:http';
import { Writable } from 'node:stream';
import { expect } from 'chai';
import type pg from 'pg';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { startServer, type RunningServer } from '../../src/main.js';
import { testConfig } from '../support/api.js';
import { useTestDatabase } from '../support/database.js';
import { uniqueEmail } from '../support/fixtures/identity.js';
import { httpClient } from '../support/http-client.js';

/**
 * Shutdown waits for the use cases still running, not only for open sockets and checked-out
 * clients (docs/decisions.md, "Shutdown waits for use cases"). A login reads the credentials,
 * then verifies the argon2 hash with no pooled client checked out, then opens the session in a
 * transaction: stopped in that gap, the pool must still be open for the second step. The hash is
 * made slow (about a second) so that the gap is wide; the first read is held by a table lock the
 * test owns, so the moment the login leaves it is known.
 */
const SLOW_HASH = { PASSWORD_HASH_MEMORY_KIB: '8192', PASSWORD_HASH_TIME_COST: '150' };

async function lockUsers(pool: pg.Pool): Promise<{ release(): Promise<void> }> {
  const client = await pool.connect();
  await client.query('BEGIN');
  // Blocks every read of users (the login's credentials lookup) until released.
  await client.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
  return {
    async release() {
      await client.query('COMMIT');
      client.release();
    },
  };
}

async function waitForBlockedSession(pool: pg.Pool): Promise<void> {
  for (let waited = 0; ; waited += 25) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'adaptive-learning-api' AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= 1) return;
    expect(waited, 'the login never reached the credentials lookup').to.be.below(15_000);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function sendLogin(url: string, email: string, password: string): { request: ClientRequest; status: Promise<number> } {
  const target = new URL('/api/v1/auth/login', url);
  let request!: ClientRequest;
  const status = new Promise<number>((resolve, reject) => {
    request = httpRequest(
      target,
      { method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' } },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ email, password }));
  });
  return { request, status };
}

describe('reliability: shutdown waits for use cases between two database reads', function () {
  this.timeout(120_000);
  const db = useTestDatabase({ seeded: true });
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  let running: RunningServer | undefined;
  beforeEach(() => {
    lines.length = 0;
  });
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  async function learnerOnSlowServer(): Promise<{ email: string; password: string; userId: number }> {
    running = await startServer({ ...testConfig(db.url, SLOW_HASH), port: 0 }, createLogger('warn', sink));
    const email = uniqueEmail('shutdown-gap');
    const password = 'shutdown-gap-password';
    const signup = await httpClient(running.url).request('POST', '/api/v1/auth/signup', {
      body: { email, full_name: 'Shutdown Gap', password },
    });
    expect(signup.status).to.equal(201);
    return { email, password, userId: (signup.body as { id: number }).id };
  }

  const sessionsOf = async (userId: number) =>
    (await db.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM refresh_tokens WHERE user_id = $1', [userId]))
      .rows[0]!.n;

  it('a login whose client hung up still opens its session before the pool closes', async () => {
    const learner = await learnerOnSlowServer();
    const server = running!;
    const lock = await lockUsers(db.pool);
    let stopped: Promise<void>;
    try {
      const login = sendLogin(server.url, learner.email, learner.password);
      login.status.catch(() => undefined);
      await waitForBlockedSession(db.pool);
      // The client gives up: its socket closes, the login goes on inside the server.
      login.request.destroy();
      stopped = server.stop();
    } finally {
      await lock.release();
    }
    // The credentials read ends now; the hash takes about a second with no client checked out.
    await stopped;
    running = undefined;
    expect(await sessionsOf(learner.userId), 'the login opened its session').to.equal(1);
    expect(lines.filter((line) => /"level":(50|60)/.test(line))).to.deep.equal([]);
  });

  it('a connected client stopped mid-login gets its 200', async () => {
    const learner = await learnerOnSlowServer();
    const server = running!;
    const lock = await lockUsers(db.pool);
    let login: ReturnType<typeof sendLogin>;
    let stopped: Promise<void>;
    try {
      login = sendLogin(server.url, learner.email, learner.password);
      await waitForBlockedSession(db.pool);
      stopped = server.stop();
    } finally {
      await lock.release();
    }
    expect(await login.status).to.equal(200);
    await stopped;
    running = undefined;
    expect(await sessionsOf(learner.userId)).to.equal(1);
    expect(lines.filter((line) => /"level":(50|60)/.test(line))).to.deep.equal([]);
  });
});
