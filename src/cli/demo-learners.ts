import { randomBytes, randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createLogger } from '../adapters/logging/logger.js';
import { seedDatabase } from '../adapters/postgres/seed/seed-database.js';
import { loadConfig, readCliEnv } from '../config/config.js';
import { openPool } from '../main.js';
import { openEmbeddedDemoDatabase } from './demo-data.js';
import { addSyntheticLearners } from './synthetic-learners.js';

const USAGE = 'usage: npm run demo:learners -- --count <1-10000> [--seed <integer>] [--track-id <id>]';

/**
 * `npm run demo:learners -- --count N`: N more synthetic learners answer the demo's questions (see
 * ./synthetic-learners.ts), so its item statistics have evidence. With DATABASE_URL it works on that database (seed
 * it first); without, on the embedded demo database in .data/pg, started here (stop `npm start` first), migrated
 * and seeded as `npm start` does. Prints one JSON summary line; nothing secret.
 */
async function main(): Promise<void> {
  const { values } = parseOptions();
  const count = wholeNumber(values.count, 'count');
  if (count === undefined || count < 1 || count > 10_000) throw new Error(USAGE);
  const seed = wholeNumber(values.seed, 'seed') ?? randomInt(2 ** 31);
  const trackId = wholeNumber(values['track-id'], 'track-id');

  const cli = readCliEnv();
  const logger = createLogger('warn');
  const embedded =
    cli.databaseUrl === undefined ? await openEmbeddedDemoDatabase(logger, cli.embeddedDataDir) : undefined;
  try {
    const databaseUrl = embedded?.databaseUrl ?? (cli.databaseUrl as string);
    // No token is issued here; a throwaway secret satisfies the configuration's check.
    const config = loadConfig({
      DATABASE_URL: databaseUrl,
      JWT_SECRET: cli.jwtSecret ?? randomBytes(48).toString('base64url'),
      DB_POOL_MAX: '5',
    });
    const pool = openPool(config, logger);
    try {
      if (embedded !== undefined) await seedDatabase(pool);
      const summary = await addSyntheticLearners(config, pool, {
        count,
        seed,
        ...(trackId === undefined ? {} : { trackId }),
      });
      console.log(JSON.stringify({ seed, ...summary }));
    } finally {
      await pool.end();
    }
  } finally {
    await embedded?.stop();
  }
}

function parseOptions() {
  try {
    return parseArgs({
      options: { count: { type: 'string' }, seed: { type: 'string' }, 'track-id': { type: 'string' } },
    });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function wholeNumber(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d{1,15}$/.test(raw)) throw new Error(`--${name} must be a whole number\n${USAGE}`);
  return Number(raw);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
