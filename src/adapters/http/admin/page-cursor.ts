import { DomainError } from '../../../domain/shared/domain-error.js';

/**
 * Keyset paging for the admin lists: the cursor is the id of the last item of the page, wrapped
 * in an opaque base64url token so clients treat it as a token (and the encoding may change).
 */
export function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id?: unknown };
    if (typeof parsed.id === 'number' && Number.isSafeInteger(parsed.id) && parsed.id >= 1) return parsed.id;
  } catch {
    // reported below
  }
  throw new DomainError('validation_failed', 'The cursor is not one this API issued', {
    errors: [{ code: 'cursor', message: 'pass the next_cursor of a previous page unchanged', path: '/query/cursor' }],
  });
}

/**
 * One page: the use case is asked for limit + 1 rows, so a next page is announced only when it
 * exists.
 */
export function pageOf<T extends { id: number }, J>(
  rows: readonly T[],
  limit: number,
  toJson: (row: T) => J,
): { items: J[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  return {
    items: items.map(toJson),
    next_cursor: rows.length > limit ? encodeCursor(items[items.length - 1]!.id) : null,
  };
}
