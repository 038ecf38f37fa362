import { runMigrations } from '../adapters/postgres/migrations.js';
import { readCliEnv } from '../config/config.js';

/** `npm run migrate up|down [count]` — down without a count reverts one migration. */
async function main(): Promise<void> {
  const [direction = 'up', countArg] = process.argv.slice(2);
  if (direction !== 'up' && direction !== 'down') throw new Error('usage: npm run migrate -- up|down [count]');
  const { databaseUrl } = readCliEnv();
  if (databaseUrl === undefined)
    throw new Error('DATABASE_URL is required (npm start migrates its embedded database by itself)');
  const count = countArg === undefined ? (direction === 'down' ? 1 : undefined) : Number(countArg);
  if (count !== undefined && !(Number.isInteger(count) && count >= 0))
    throw new Error(`count must be an integer ≥ 0, got ${countArg}`);
  const applied = await runMigrations({
    databaseUrl,
    direction,
    count: count === 0 ? Infinity : count,
    log: (line) => console.log(line),
  });
  console.log(
    applied.length === 0
      ? 'Nothing to migrate.'
      : `${direction === 'up' ? 'Applied' : 'Reverted'}: ${applied.join(', ')}`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
