/**
 * A database session as the use cases see it: opaque, handed to repositories, never inspected.
 * Mutating use cases get one from `run` (BEGIN … COMMIT on one client, ROLLBACK on any error);
 * read-only use cases that issue single-statement reads get one from `read` (no transaction).
 */
export interface Session {
  readonly inTransaction: boolean;
}

export interface Transactor {
  run<T>(work: (tx: Session) => Promise<T>): Promise<T>;
  read<T>(work: (db: Session) => Promise<T>): Promise<T>;
}
