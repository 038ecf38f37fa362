import pg from 'pg';
import type { WireCounter, WireStatement } from './pg-wire-counter.js';

/**
 * What the database does per request: round trips counted on the wire, and EXPLAIN (ANALYZE,
 * BUFFERS) of exactly the statements and parameters a real request sent.
 */
export interface CapturedRequest<T> {
  readonly result: T;
  readonly roundTrips: number;
  readonly statements: WireStatement[];
}

export async function capture<T>(counter: WireCounter, send: () => Promise<T>): Promise<CapturedRequest<T>> {
  counter.reset();
  const result = await send();
  // The proxy parses in this process's event loop: let the last chunks through before reading.
  await new Promise((resolve) => setTimeout(resolve, 20));
  const { roundTrips, statements } = counter.snapshot();
  return { result, roundTrips, statements };
}

/** A short label per round trip: the prepared statement's name, or the simple query's text. */
export function statementLabel(statement: WireStatement): string {
  if (statement.name !== '') return statement.name;
  const text = statement.text.replace(/\s+/g, ' ').trim();
  return /^SET LOCAL statement_timeout/i.test(text)
    ? 'SET LOCAL statement_timeout'
    : text.length > 60
      ? `${text.slice(0, 57)}…`
      : text;
}

export interface Plan {
  readonly statement: string;
  readonly plan: string;
}

/**
 * Plans each distinct data statement as the server's pooled connection runs it: PREPAREd, executed
 * five times (PostgreSQL then decides between the custom and the generic plan, as it does for the
 * server's named statements), then EXPLAIN (ANALYZE, BUFFERS) EXECUTE — all inside a transaction
 * that is rolled back. `revert` undoes the captured request's own write first where replaying the
 * statement would otherwise collide with it (an INSERT of the attempt it created).
 */
export async function explainStatements(
  pool: pg.Pool,
  statements: readonly WireStatement[],
  revert: (statement: WireStatement) => string[] = () => [],
): Promise<Plan[]> {
  const plans: Plan[] = [];
  const seen = new Set<string>();
  const client = await pool.connect();
  try {
    for (const statement of statements) {
      if (!/^\s*(WITH|SELECT|INSERT|UPDATE|DELETE)\b/i.test(stripComments(statement.text))) continue;
      const label = statementLabel(statement);
      if (seen.has(label) || statement.params.some((param) => param === undefined)) continue;
      seen.add(label);
      const literals = statement.params.map((param) => (param === null ? 'NULL' : client.escapeLiteral(param!)));
      const execute = `EXECUTE bench_plan${literals.length > 0 ? `(${literals.join(', ')})` : ''}`;
      try {
        await client.query('BEGIN');
        for (const sql of revert(statement)) await client.query(sql);
        await client.query(`PREPARE bench_plan AS ${statement.text}`);
        for (let i = 0; i < 5; i += 1) {
          await client.query('SAVEPOINT warm');
          await client.query(execute);
          await client.query('ROLLBACK TO SAVEPOINT warm');
        }
        const explained = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${execute}`);
        plans.push({ statement: label, plan: explained.rows.map((row) => row['QUERY PLAN']).join('\n') });
      } catch (error) {
        plans.push({ statement: label, plan: `(not explained: ${(error as Error).message})` });
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.query('DEALLOCATE ALL').catch(() => undefined);
      }
    }
  } finally {
    client.release();
  }
  return plans;
}

function stripComments(sql: string): string {
  return sql.replace(/^(\s*--[^\n]*\n)+/, '');
}
