/** One line of an audit entry's details: the property and its value as a person reads it. */
export interface DetailLine {
  readonly name: string;
  readonly value: string;
}

/**
 * An entry's `details` (free-form JSON, docs/decisions.md "Admin workspace") as lines: `is_active: false`,
 * `created: tracks 1, modules 2`; nested objects flatten to "name value" pairs, lists to their items.
 */
export function detailLines(details: Record<string, unknown>): DetailLine[] {
  return Object.entries(details).map(([name, value]) => ({ name, value: readable(value) }));
}

function readable(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(readable).join(', ');
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '—' : entries.map(([key, inner]) => `${key} ${readable(inner)}`).join(', ');
  }
  return String(value);
}
