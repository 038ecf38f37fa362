import { createPool } from '../adapters/postgres/pool.js';
import { seedDatabase } from '../adapters/postgres/seed/seed-database.js';
import { readCliEnv } from '../config/config.js';

/** `npm run seed`: the idempotent demo catalog (a second run inserts nothing). */
async function main(): Promise<void> {
  const { databaseUrl } = readCliEnv();
  if (databaseUrl === undefined)
    throw new Error('DATABASE_URL is required (npm start seeds its embedded database by itself)');
  const pool = createPool({ connectionString: databaseUrl, max: 2, statementTimeoutMs: 60_000 });
  try {
    const summary = await seedDatabase(pool);
    console.log('Seed applied; rows inserted:', JSON.stringify(summary));
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
