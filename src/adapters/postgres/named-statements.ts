import type pg from 'pg';
import type { QueryResultRow } from 'pg';
import type { Session } from '../../application/ports/transactor.port.js';
import { sqlOf, type SqlCatalogue } from './sql-catalogue.js';
import { pgSession } from './transactor.js';

/**
 * The queries of one `sql/<context>/<aggregate>.sql` file, resolved when the repository is built
 * (a missing query fails at start-up) and run as named prepared statements, so PostgreSQL parses
 * and plans each one once per connection — unless the session says prepared statements are off
 * (a transaction-mode pooler), when each runs as an unnamed statement, parsed on every call.
 */
export class NamedStatements<Name extends string> {
  private readonly texts: ReadonlyMap<Name, string>;

  constructor(
    catalogue: SqlCatalogue,
    private readonly file: string,
    names: readonly Name[],
  ) {
    this.texts = new Map(names.map((name) => [name, sqlOf(catalogue, `${file}.${name}`)]));
  }

  async rows<T extends QueryResultRow>(session: Session, name: Name, values: readonly unknown[] = []): Promise<T[]> {
    const result = await pgSession(session).queryable.query<T>(this.query(session, name, values));
    return result.rows;
  }

  async first<T extends QueryResultRow>(
    session: Session,
    name: Name,
    values: readonly unknown[] = [],
  ): Promise<T | undefined> {
    return (await this.rows<T>(session, name, values))[0];
  }

  /** Runs a statement and returns how many rows it touched. */
  async run(session: Session, name: Name, values: readonly unknown[] = []): Promise<number> {
    const result = await pgSession(session).queryable.query(this.query(session, name, values));
    return result.rowCount ?? 0;
  }

  private query(session: Session, name: Name, values: readonly unknown[]): pg.QueryConfig {
    const text = this.texts.get(name)!;
    return pgSession(session).preparedStatements
      ? { name: `${this.file}.${name}`, text, values: [...values] }
      : { text, values: [...values] };
  }
}
