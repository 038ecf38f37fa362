import type pg from 'pg';
import { remainingMs } from '../../application/request-deadline.js';
import type { Session, Transactor, TxSession } from '../../application/ports/transactor.port.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import { isConnectionError, toDomainError } from './postgres.errors.js';

/** The concrete session repositories cast to: a pooled client inside a transaction, or the pool. */
export class PgSession implements Session {
  constructor(
    readonly queryable: pg.Pool | pg.PoolClient,
    readonly inTransaction: boolean,
    /** Off behind a transaction-mode pooler: a statement prepared on one server connection is unknown to the next. */
    readonly preparedStatements: boolean = true,
  ) {}
}

/** Inside `run`: the one session lock and write methods accept (the brand exists only in types). */
const asTx = (session: PgSession) => session as PgSession & TxSession;

export function pgSession(session: Session): PgSession {
  if (!(session instanceof PgSession)) throw new TypeError('A postgres repository was handed a foreign session');
  return session;
}

export class PgTransactor implements Transactor {
  constructor(
    private readonly pool: pg.Pool,
    private readonly options: { readonly preparedStatements: boolean } = { preparedStatements: true },
  ) {}

  /** A read-write transaction: BEGIN … COMMIT on one client, ROLLBACK on any error. */
  run<T>(work: (tx: TxSession) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN', (client) =>
      work(asTx(new PgSession(client, true, this.options.preparedStatements))),
    );
  }

  /**
   * Several reads that must agree with each other (a view built from more than one statement):
   * one client, one READ ONLY REPEATABLE READ snapshot, so no commit lands between them.
   */
  snapshot<T>(work: (db: Session) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN READ ONLY ISOLATION LEVEL REPEATABLE READ', (client) =>
      work(new PgSession(client, true, this.options.preparedStatements)),
    );
  }

  /** BEGIN … COMMIT on one client; ROLLBACK on any error; the client is always released. */
  private async transaction<T>(begin: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.connect();
    let broken: Error | undefined;
    try {
      await client.query(beginStatement(begin));
      const result = await work(client);
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
function beginStatement(begin: string): string {
  const left = remainingMs();
  return left === undefined ? begin : `${begin}; SET LOCAL statement_timeout = ${Math.max(1, Math.floor(left))}`;
}
