import { DomainError } from '../../domain/shared/domain-error.js';

/** Anything thrown by pg carries these optional fields. */
export interface PgErrorLike {
  readonly code?: string;
  readonly constraint?: string;
  readonly message?: string;
}

const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const CONNECTION_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /connection terminated/i,
  /query read timeout/i,
  /Client has encountered a connection error/i,
  /Connection terminated unexpectedly/i,
];

export function isPgError(error: unknown): error is PgErrorLike {
  return typeof error === 'object' && error !== null && ('code' in error || 'message' in error);
}

export function isConnectionError(error: unknown): boolean {
  if (!isPgError(error)) return false;
  const code = error.code ?? '';
  if (CONNECTION_ERRNOS.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
  return CONNECTION_MESSAGES.some((pattern) => pattern.test(error.message ?? ''));
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return isPgError(error) && error.code === '23505' && (constraint === undefined || error.constraint === constraint);
}

export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  return isPgError(error) && error.code === '23503' && (constraint === undefined || error.constraint === constraint);
}

export function isCheckViolation(error: unknown, constraint?: string): boolean {
  return isPgError(error) && error.code === '23514' && (constraint === undefined || error.constraint === constraint);
}

/**
 * The generic translation at the adapter boundary. Repositories map the violations they expect
 * to precise codes (email_taken, …) before this runs; whatever is left is either the database
 * being unreachable (503), too slow (503) or an invariant the database defended (409) — never a 500.
 */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError || !isPgError(error)) return error;
  if (isConnectionError(error))
    return new DomainError('db_unavailable', 'The database is unavailable; try again shortly');
  switch (error.code) {
    case '57014': // query_canceled: statement_timeout
      return new DomainError('request_timeout', 'The request took too long and was cancelled');
    case '23505':
    case '23503':
    case '23514':
    case '23P01':
      // The constraint's name would tell the client about tables and columns: it goes to the log.
      return new DomainError(
        'conflict',
        'The request conflicts with the current state',
        {},
        { sqlstate: error.code, constraint: error.constraint },
      );
    case '40001':
    case '40P01':
      return new DomainError('conflict', 'A concurrent request changed the same data; try again');
    case '22003':
    case '22P02':
      return new DomainError('validation_failed', 'A value is out of range');
    // Text PostgreSQL cannot store: a NUL character (22021) or one the encoding lacks (22P05), a
    // value too long for its column (22001), a malformed date (22007, 22008). The contract lets
    // such strings through, so they arrive here; they are the client's input, never a 500.
    case '22001':
    case '22007':
    case '22008':
    case '22021':
    case '22P05':
      return new DomainError('validation_failed', 'A value cannot be stored (for example a NUL character in a text)');
    default:
      return error;
  }
}
