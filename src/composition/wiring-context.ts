import type pg from 'pg';
import { loadSqlCatalogue } from '../adapters/postgres/sql-catalogue.js';
import { PgTransactor } from '../adapters/postgres/transactor.js';
import { cryptoRandom } from '../adapters/security/crypto-random.js';
import { systemClock } from '../adapters/time/system-clock.js';
import type { Clock } from '../application/ports/clock.port.js';
import type { Transactor } from '../application/ports/transactor.port.js';
import type { RandomSource } from '../domain/shared/random-source.js';
import { buildRepositories, type Repositories } from './repositories.js';

/** What a test may replace in the wiring; production passes nothing. */
export interface ComposeOverrides {
  /** Every random choice (question sets, order, exam draws); tests inject a deterministic source. */
  readonly random?: RandomSource;
  /** The time every session decision reads; tests move it past grace windows and lifetimes. */
  readonly clock?: Clock;
}

/** What every context's wiring reads: one transactor, the repositories built once, the clock and the random source. */
export interface WiringContext {
  readonly transactor: Transactor;
  readonly repos: Repositories;
  readonly clock: Clock;
  readonly random: RandomSource;
}

export function createWiringContext(
  pool: pg.Pool,
  options: { readonly preparedStatements: boolean } & ComposeOverrides,
): WiringContext {
  return {
    transactor: new PgTransactor(pool, { preparedStatements: options.preparedStatements }),
    repos: buildRepositories(loadSqlCatalogue()),
    clock: options.clock ?? systemClock,
    random: options.random ?? cryptoRandom(),
  };
}
