/**
 * A database session as the use cases see it: opaque, handed to repositories, never inspected.
 * `read` hands out a plain session on the pool (one statement); `snapshot` one READ ONLY,
 * REPEATABLE READ transaction (several statements that must see the same data); `run` a
 * read-write transaction (BEGIN … COMMIT on one client, ROLLBACK on any error).
 */
export interface Session {
  readonly inTransaction: boolean;
}

declare const writable: unique symbol;

/**
 * A session inside `run`: the only kind that lock (`FOR UPDATE`) and write repository methods
 * accept, so handing them a read or snapshot session fails to compile.
 */
export interface TxSession extends Session {
  readonly [writable]: true;
}

export interface Transactor {
  run<T>(work: (tx: TxSession) => Promise<T>): Promise<T>;
  /** Several reads in one consistent READ ONLY snapshot. */
  snapshot<T>(work: (db: Session) => Promise<T>): Promise<T>;
  read<T>(work: (db: Session) => Promise<T>): Promise<T>;
}
