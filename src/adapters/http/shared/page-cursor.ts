import type { KeysetPage } from '../../../application/shared/keyset-page.js';
import { DomainError } from '../../../domain/shared/domain-error.js';
import type { RequestErrorItem } from '../problem/error-paths.js';

/**
 * The one cursor format of every paged list: the key of the last item of the page, wrapped in an
 * opaque base64url token so clients treat it as a token (and the encoding may change).
 */
export function encodeCursor(key: number): string {
  return Buffer.from(JSON.stringify({ id: key }), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { id?: unknown } | null;
    if (typeof parsed?.id === 'number' && Number.isSafeInteger(parsed.id) && parsed.id >= 1) return parsed.id;
  } catch {
    // reported below
  }
  throw new DomainError('validation_failed', 'The cursor is not one this API issued', {
    errors: [
      {
        code: 'cursor',
        message: 'pass the next_cursor of a previous page unchanged',
        in: 'query',
        path: ['cursor'],
      } satisfies RequestErrorItem,
    ],
  });
}

/** A page on the wire: its items as JSON and the cursor of the next page. */
export function pageJson<T, J>(
  page: KeysetPage<T>,
  toJson: (item: T) => J,
): { items: J[]; next_cursor: string | null } {
  return { items: page.items.map(toJson), next_cursor: page.nextKey === null ? null : encodeCursor(page.nextKey) };
}
