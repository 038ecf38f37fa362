import pg from 'pg';

export interface PoolOptions {
  readonly connectionString: string;
  readonly max: number;
  readonly statementTimeoutMs: number;
  readonly applicationName?: string;
  readonly onError?: (error: Error) => void;
}

const INT8_OID = 20;
const INT8_ARRAY_OID = 1016;

/** int8 (bigint ids, count(*)) arrives as a string; ids here stay far below 2^53, so parse once, here. */
function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return parsed;
}

const parseInt8Array = (value: string): (number | null)[] =>
  (pg.types.getTypeParser(INT8_ARRAY_OID as never, 'text')(value) as (string | null)[]).map((item) =>
    item === null ? null : parseInt8(item),
  );

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, 'binary' as never);
    if (oid === INT8_OID) return parseInt8;
    if (oid === INT8_ARRAY_OID) return parseInt8Array;
    return pg.types.getTypeParser(oid, 'text');
  }) as typeof pg.types.getTypeParser,
};

export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    types,
    application_name: options.applicationName ?? 'adaptive-learning-api',
    statement_timeout: options.statementTimeoutMs,
    // A cut network must surface as an error, never as a request hanging past its timeout.
    query_timeout: options.statementTimeoutMs + 2000,
    connectionTimeoutMillis: Math.min(options.statementTimeoutMs, 5000),
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  // An idle client losing its connection emits 'error' on the pool; unhandled, it would crash the process.
  pool.on('error', (error) => options.onError?.(error));
  // A CHECKED-OUT client losing its connection emits 'error' on the client itself, where pg-pool
  // listens only while the client is idle: without this listener a database restart in the middle
  // of a transaction crashes the process. The error needs no handling here: it also rejects the
  // query in flight (or the next one, "not queryable"), which the transactor answers with 503 and
  // by destroying the client.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}
