import type { ApiError } from './api-error';

/**
 * A failed form submission split for display: messages keyed by the field they belong to, and whether the
 * problem is left for the form's top (no field claimed it). A 409 `name_taken` carries no `errors[]`, yet it
 * is about one field (a name, a question text, a content_ref), so it is shown at `conflictField`.
 */
export function formErrors(
  error: ApiError | null,
  conflictField?: string,
): { fields: Record<string, string>; unclaimed: ApiError | null } {
  if (error === null) return { fields: {}, unclaimed: null };
  const fields = error.fieldErrors();
  if (error.code === 'name_taken' && conflictField !== undefined) fields[conflictField] = error.detail;
  return { fields, unclaimed: Object.keys(fields).length === 0 ? error : null };
}
