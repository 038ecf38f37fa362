/** One page of a keyset-paged list, and the key the next page starts after (null on the last page). */
export interface KeysetPage<T> {
  readonly items: T[];
  readonly nextKey: number | null;
}

/**
 * The one limit + 1 rule of every cursor-paged list: asking for one row more than the page holds
 * tells whether another page exists, so a next cursor is announced only when there is one.
 */
export async function keysetPage<T>(
  limit: number,
  fetch: (limitPlusOne: number) => Promise<T[]>,
  keyOf: (item: T) => number,
): Promise<KeysetPage<T>> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextKey: rows.length > limit && last !== undefined ? keyOf(last) : null };
}
