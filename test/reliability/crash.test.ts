import { expect } from 'chai';
import type { ApiResponse } from '../support/api.js';
import { useTestDatabase } from '../support/database.js';
import { httpClient } from '../support/http-client.js';
import { scaled } from '../support/reliability/long-runs.js';
import { startServerProcess } from '../support/reliability/server-process.js';
import { CRASH_WORKLOADS, type CrashWorkload } from './crash-workloads.js';
import { assertInvariants } from './invariants.js';

/**
 * Crash: a server process is SIGKILLed in the middle of a burst of writes (no
 * shutdown hook runs, transactions are cut wherever they are). PostgreSQL must roll back every
 * unfinished transaction, so after a restart each write is whole or absent, never half there.
 */
const CONCURRENCY = 16;

interface Outcome {
  readonly status: number;
  readonly error?: string;
}

describe('reliability: SIGKILL during a burst of writes', function () {
  this.timeout(scaled(120_000, 900_000));
  const db = useTestDatabase({ seeded: true });

  /**
   * Connections the killed process left behind (PostgreSQL notices the closed sockets and aborts their transactions).
   */
  async function serverBackends(): Promise<number> {
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'adaptive-learning-api'`,
    );
    return rows[0].n as number;
  }

  async function crashCycle(workload: CrashWorkload): Promise<void> {
    const victim = await startServerProcess({ databaseUrl: db.url });
    const client = httpClient(victim.url, { timeoutMs: 20_000 });
    const items = await workload.prepare(client, db.pool, workload.items);
    const outcomes = new Map<unknown, Outcome>();
    let next = 0;
    let answered = 0;
    let killed: Promise<unknown> | undefined;
    const worker = async () => {
      // After the kill no new write starts: only the ones in flight are interrupted.
      while (next < items.length && killed === undefined) {
        const item = items[next++];
        let response: ApiResponse | undefined;
        try {
          response = await workload.write(client, item);
          outcomes.set(item, { status: response.status });
        } catch (error) {
          outcomes.set(item, { status: 0, error: String((error as Error).cause ?? error) });
        }
        answered += 1;
        if (answered === Math.floor(items.length / 3) && killed === undefined) killed = victim.kill('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await killed, 'the burst ended before the kill').to.deep.equal({ code: null, signal: 'SIGKILL' });

    // PostgreSQL drops the dead process's sessions and aborts what they had open.
    for (let waited = 0; (await serverBackends()) > 0; waited += 100) {
      expect(waited, 'the killed server still has sessions open').to.be.below(10_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const restarted = await startServerProcess({ databaseUrl: db.url });
    try {
      const health = await httpClient(restarted.url).request('GET', '/api/v1/health/db');
      expect(health.status).to.equal(200);

      const counts = { whole: 0, absent: 0, lost: 0 };
      const problems: string[] = [];
      for (const [item, outcome] of outcomes) {
        const state = await workload.classify(db.pool, item);
        if (outcome.status === 0) counts.lost += 1;
        if (state === 'whole') counts.whole += 1;
        else if (state === 'absent') counts.absent += 1;
        else problems.push(`${JSON.stringify(item)}: partial write: ${state}`);
        // Answered before the kill: it must have landed, entirely.
        if (outcome.status !== 0 && (outcome.status >= 300 || state !== 'whole'))
          problems.push(`${JSON.stringify(item)}: answered ${outcome.status} but is ${state}`);
      }
      expect(problems, JSON.stringify(counts)).to.deep.equal([]);
      // The kill really interrupted writes in flight.
      expect(counts.lost, JSON.stringify(counts)).to.be.greaterThan(0);
      // Items never sent must not exist either.
      for (const item of items.slice(next)) expect(await workload.classify(db.pool, item)).to.equal('absent');
      await assertInvariants(db.pool);
    } finally {
      await restarted.stop();
    }
  }

  for (const workload of CRASH_WORKLOADS) {
    it(`${workload.name}: after a SIGKILL mid-burst and a restart, every write is whole or absent`, async () => {
      for (let cycle = 0; cycle < scaled(1, 5); cycle += 1) await crashCycle(workload);
    });
  }
});
