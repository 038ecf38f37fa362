import { createPool } from '../adapters/postgres/pool.js';
import { readCliEnv } from '../config/config.js';
import { composeExpirySweep } from '../main.js';

/**
 * `npm run attempts:close-expired` (docs/product.md, "Exam sittings"): closes every diagnostika, level exam and rank
 * final whose deadline and grace have passed, scored on its saved answers, a PASS moving the learner on as a
 * submitted one does. Each attempt is closed in its own transaction under the same locks as a submit, so it is
 * idempotent and safe beside running servers; meant for a scheduler, never run at server start.
 */
async function main(): Promise<void> {
  const cli = readCliEnv();
  if (cli.databaseUrl === undefined) throw new Error('DATABASE_URL is required');
  const pool = createPool({ connectionString: cli.databaseUrl, max: 1, statementTimeoutMs: 60_000 });
  try {
    // Plain queries: the sweep is rare and may run through a transaction-pooling PgBouncer.
    const closed = await composeExpirySweep(pool, { preparedStatements: false })();
    console.log(
      `Closed ${closed.diagnostika} diagnostika, ${closed.levelExams} level exam and ${closed.rankFinals} rank final attempt(s) past their deadline`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
