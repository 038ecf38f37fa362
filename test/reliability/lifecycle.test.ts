import { expect } from 'chai';
import type pg from 'pg';
import { useApi, type ApiResponse } from '../support/api.js';
import { useTestDatabase } from '../support/database.js';
import { uniqueEmail } from '../support/fixtures/identity.js';
import { httpClient } from '../support/http-client.js';
import { startServerProcess } from '../support/reliability/server-process.js';
import { assertInvariants } from './invariants.js';

/**
 * Graceful shutdown on SIGTERM (in-flight requests finish,
 * the pool is closed) and the request timeout (503, and the transaction rolled back). Requests
 * are held in flight deterministically by a table lock the test owns.
 */
async function lockUsers(pool: pg.Pool): Promise<{ release(): Promise<void> }> {
  const client = await pool.connect();
  await client.query('BEGIN');
  // Blocks every INSERT INTO users (signup) until released.
  await client.query('LOCK TABLE users IN SHARE MODE');
  return {
    async release() {
      await client.query('COMMIT');
      client.release();
    },
  };
}

/** Waits until `count` server sessions wait on a lock (the requests are really in flight, inside the database). */
async function waitForBlockedSessions(pool: pg.Pool, count: number): Promise<void> {
  for (let waited = 0; ; waited += 50) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'adaptive-learning-api' AND wait_event_type = 'Lock'`,
    );
    if (rows[0].n >= count) return;
    expect(waited, `only ${rows[0].n} of ${count} requests reached the lock`).to.be.below(15_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('reliability: graceful shutdown on SIGTERM', function () {
  this.timeout(120_000);
  const db = useTestDatabase({ seeded: true });

  it('lets in-flight requests finish, closes the pool, exits 0', async () => {
    const server = await startServerProcess({ databaseUrl: db.url });
    const client = httpClient(server.url);
    const lock = await lockUsers(db.pool);
    const emails = Array.from({ length: 5 }, () => uniqueEmail('sigterm'));
    const inFlight: Promise<ApiResponse>[] = emails.map((email) =>
      client.request('POST', '/api/v1/auth/signup', {
        body: { email, full_name: 'Shutdown', password: 'shutdown-password' },
      }),
    );
    try {
      await waitForBlockedSessions(db.pool, emails.length);
      process.kill(server.pid, 'SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      // Still draining: it must not exit while requests are in flight.
      expect(server.isRunning()).to.equal(true);
    } finally {
      await lock.release();
    }
    const responses = await Promise.all(inFlight);
    expect(responses.map((response) => response.status)).to.deep.equal([201, 201, 201, 201, 201]);
    expect(await server.exited).to.deep.equal({ code: 0, signal: null });
    // The pool was closed: no session of the server is left.
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'adaptive-learning-api'`,
    );
    expect(rows[0].n).to.equal(0);
    await assertInvariants(db.pool);
  });
});

describe('reliability: request timeout', function () {
  this.timeout(60_000);
  const api = useApi({ env: { REQUEST_TIMEOUT_MS: '1000' } });

  it('answers 503 request_timeout on time and rolls the transaction back, even when the database frees up later', async () => {
    const lock = await lockUsers(api.db.pool);
    const email = uniqueEmail('timeout');
    const started = Date.now();
    let response: ApiResponse;
    try {
      response = await api.request('POST', '/api/v1/auth/signup', {
        body: { email, full_name: 'Too Slow', password: 'timeout-password' },
      });
    } finally {
      await lock.release();
    }
    expect(response.status).to.equal(503);
    expect(response.body).to.include({ code: 'request_timeout', status: 503 });
    // It waited for the lock (not refused at once) and did not hang (generous bound: shared machines are noisy).
    expect(Date.now() - started).to.be.within(900, 5_000);
    // Give a transaction that wrongly survived the time to commit, then look.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const { rows } = await api.db.pool.query('SELECT count(*)::int AS n FROM users WHERE email = $1', [email]);
    expect(rows[0].n).to.equal(0);
    const retry = await api.request('POST', '/api/v1/auth/signup', {
      body: { email, full_name: 'On Time', password: 'timeout-password' },
    });
    expect(retry.status).to.equal(201);
    await assertInvariants(api.db.pool);
  });
});
