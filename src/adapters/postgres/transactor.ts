import type pg from 'pg';
import { remainingMs } from '../../application/request-deadline.js';
import type { Session, Transactor } from '../../application/ports/transactor.port.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { isConnectionError, toDomainError } from './pg-errors.js';

/** The concrete session repositories cast to: a pooled client inside a transaction, or the pool. */
export class PgSession implements Session {
  constructor(
    readonly queryable: pg.Pool | pg.PoolClient,
    readonly inTransaction: boolean,
    /** Off behind a transaction-mode pooler: a statement prepared on one server connection is unknown to the next. */
    readonly preparedStatements: boolean = true,
  ) {}
}

export function pgSession(session: Session): PgSession {
  if (!(session instanceof PgSession)) throw new TypeError('A postgres repository was handed a foreign session');
  return session;
}

export class PgTransactor implements Transactor {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: { readonly preparedStatements: boolean } = { preparedStatements: true },
  ) {}

  /** BEGIN … COMMIT on one client; ROLLBACK on any error; the client is always released. */
  async run<T>(work: (tx: Session) => Promise<T>): Promise<T> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      await client.query(beginStatement());
      const result = await work(new PgSession(client, true, this.options.preparedStatements));
      // The request may already have been answered 503: its effects must not land.
      if ((remainingMs() ?? Infinity) <= 0)
        throw new DomainError('request_timeout', 'The request took too long and was rolled back');
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // A client whose ROLLBACK failed is in an unknown state: destroy it instead of pooling it.
        broken = rollbackError as Error;
      }
      if (isConnectionError(error)) broken ??= error as Error;
      throw toDomainError(error);
    } finally {
      client.release(broken);
    }
  }

  async read<T>(work: (db: Session) => Promise<T>): Promise<T> {
    try {
      return await work(new PgSession(this.pool, false, this.options.preparedStatements));
    } catch (error) {
      throw toDomainError(error);
    }
  }

  private async connect(): Promise<pg.PoolClient> {
    try {
      return await this.pool.connect();
    } catch (error) {
      throw toDomainError(error);
    }
  }
}

/**
 * BEGIN, and within a request also a statement timeout no longer than the time the request has
 * left, so no statement outlives the request that issued it — one round trip for both.
 */
function beginStatement(): string {
  const left = remainingMs();
  return left === undefined ? 'BEGIN' : `BEGIN; SET LOCAL statement_timeout = ${Math.max(1, Math.floor(left))}`;
}
