import { readdirSync } from 'node:fs';
import type pg from 'pg';
import type { DatabaseHealth, Readiness } from '../../application/ports/database-health.port.js';
import { MIGRATIONS_DIR } from '../../config/project-paths.js';
import { toDomainError } from './postgres.errors.js';

/** The migrations this build ships (file names without `.sql`, as node-pg-migrate records them). */
export function shippedMigrations(dir: string = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .map((name) => name.slice(0, -'.sql'.length))
    .sort();
}

export class PgDatabaseHealth implements DatabaseHealth {
  constructor(
    private readonly pool: pg.Pool,
    private readonly migrations: readonly string[] = shippedMigrations(),
  ) {}

  async ping(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw toDomainError(error);
    }
  }

  async readiness(): Promise<Readiness> {
    let applied: Set<string>;
    try {
      const { rows } = await this.pool.query<{ name: string }>('SELECT name FROM pgmigrations');
      applied = new Set(rows.map((row) => row.name));
    } catch (error) {
      // undefined_table: a database nobody migrated has no bookkeeping table yet, so nothing is applied.
      if ((error as { code?: string }).code === '42P01') return { db: 'ok', pendingMigrations: [...this.migrations] };
      return { db: 'unavailable', pendingMigrations: undefined };
    }
    return { db: 'ok', pendingMigrations: this.migrations.filter((name) => !applied.has(name)) };
  }
}
