import type pg from 'pg';
import type { DatabaseHealth } from '../../application/ports/database-health.port.js';
import { toDomainError } from './pg-errors.js';

export class PgDatabaseHealth implements DatabaseHealth {
  constructor(private readonly pool: pg.Pool) {}

  async ping(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw toDomainError(error);
    }
  }
}
