import { runner } from 'node-pg-migrate';
import { MIGRATIONS_DIR } from '../../config/project-paths.js';

export interface MigrateOptions {
  readonly databaseUrl: string;
  readonly direction: 'up' | 'down';
  /** How many migrations to apply or revert; all of them when omitted. */
  readonly count?: number;
  readonly log?: (message: string) => void;
}

/**
 * Runs the hand-written SQL migrations. Called by `npm run migrate`, the embedded launcher and the test harness —
 * never by the server.
 */
export async function runMigrations(options: MigrateOptions): Promise<string[]> {
  const applied = await runner({
    databaseUrl: options.databaseUrl,
    dir: MIGRATIONS_DIR,
    direction: options.direction,
    count: options.count ?? Infinity,
    migrationsTable: 'pgmigrations',
    checkOrder: true,
    singleTransaction: true,
    log: options.log ?? (() => undefined),
    verbose: false,
  });
  return applied.map((migration) => migration.name);
}
