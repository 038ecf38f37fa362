import { PgRefreshTokens } from '../adapters/postgres/identity/refresh-tokens.repository.js';
import { createPool } from '../adapters/postgres/pool.js';
import { loadSqlCatalogue } from '../adapters/postgres/sql-catalogue.js';
import { PgTransactor } from '../adapters/postgres/transactor.js';
import { systemClock } from '../adapters/time/system-clock.js';
import { pruneSessions } from '../application/identity/sessions/prune-sessions.use-case.js';
import { loadCliDatabaseConfig, readCliEnv } from '../config/config.js';

/**
 * `npm run sessions:prune`: deletes the refresh tokens of every ended session (revoked or expired).
 * Idempotent; meant for a scheduler (cron, a Kubernetes CronJob), never run at server start.
 */
async function main(): Promise<void> {
  const cli = readCliEnv();
  if (cli.databaseUrl === undefined) throw new Error('DATABASE_URL is required');
  const pool = createPool({ connectionString: cli.databaseUrl, max: 1, statementTimeoutMs: 60_000 });
  try {
    const deleted = await pruneSessions({
      transactor: new PgTransactor(pool, loadCliDatabaseConfig()),
      refreshTokens: new PgRefreshTokens(loadSqlCatalogue()),
      clock: systemClock,
    })();
    console.log(`Deleted ${deleted} refresh token${deleted === 1 ? '' : 's'} of ended sessions`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
